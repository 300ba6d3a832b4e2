import { eml, ruleTester } from '../../testing.js';
import rule from './malformed-from.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a plain name and address',
      email: eml({ from: 'Shop Service <service@shop.example>', text: 'x' }),
    },
    { name: 'a bare address', email: eml({ from: 'service@shop.example', text: 'x' }) },
    { name: 'the old comment form', email: eml({ from: 'ken@example.jp (Ken Sato)', text: 'x' }) },
    { name: 'a quoted name', email: eml({ from: '"Sato, Ken" <ken@example.jp>', text: 'x' }) },
    {
      name: 'styled letters in the name only',
      email: eml({ from: '\u{1d5e6}\u{1d5f5}\u{1d5fc}\u{1d5fd} News <news@shop.example>', text: 'x' }),
    },
  ],
  invalid: [
    {
      name: 'doubled angle brackets around a well-known address',
      email: eml({ from: 'Europa Tickets <<service@shop.example>>', text: 'x' }),
      evidence: '<<service@shop.example>>',
    },
    {
      name: 'a dot closing the domain',
      email: eml({ from: 'Unser Geschenk <service@shop.example.>', text: 'x' }),
      evidence: 'shop.example.>',
    },
    {
      name: 'a quote stuck to the address',
      email: eml({ from: "Besser hören <abc@q1w2e3.example'>", text: 'x' }),
      evidence: "example'>",
    },
    { name: 'an empty address', email: eml({ from: 'Refund Office <>', text: 'x' }), evidence: '<>' },
    {
      name: 'styled letters spelling the domain',
      email: eml({
        from: 'Club <noreply@\u{1d5e9}\u{1d5f2}\u{1d5ff}\u{1d5f8}.\u{1d5fb}\u{1d5f9}>',
        text: 'x',
      }),
      evidence: 'From:',
    },
  ],
});
