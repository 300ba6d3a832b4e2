import { eml, ruleTester } from '../../testing.js';
import rule from './recipient-in-subject.js';

const to = (addr: string) => [`To: ${addr}`];

ruleTester(rule, {
  valid: [
    {
      name: 'an ordinary subject',
      email: eml({ from: 'Shop <news@shop.example>', subject: 'Spring sale', text: 'x' }),
    },
    {
      name: 'a mailing list address in the subject of a list mail',
      email: eml({
        headers: ['To: dev-list@lists.example.org', 'List-Post: <mailto:dev-list@lists.example.org>'],
        from: 'Taro <taro@example.jp>',
        subject: 'Re: dev-list@lists.example.org moved',
        text: 'x',
      }),
    },
    {
      name: 'a newsletter addressed by its own name',
      email: eml({
        headers: to('Apple Store eNews <reader@example.com>'),
        from: '"Apple Store eNews" <news@mailer.example.com>',
        subject: 'Apple Store eNews: November',
        text: 'x',
      }),
    },
    {
      name: 'a list named after its domain',
      email: eml({
        headers: to('NTK recipient list <ntknow@lists.ntk.example>'),
        from: 'Dave <tips@example.com>',
        subject: 'NTK Now, 2002-08-30',
        text: 'x',
      }),
    },
    {
      name: 'the name later in the subject',
      email: eml({
        headers: to('Tarou Sato <tarou@example.com>'),
        from: 'Ana <ana@example.com>',
        subject: 'Notes from the meeting with Tarou',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'the recipient address merged into the subject',
      email: eml({
        from: 'Lawn Care <promo@offers.example>',
        subject: 'user@example.jp, claim your free quote',
        text: 'x',
      }),
      evidence: 'user@example.jp, claim',
    },
    {
      name: 'the recipient address as the sender name',
      email: eml({ from: 'user@example.jp <x@offers.example>', subject: 'Hello', text: 'x' }),
      evidence: 'user@example.jp <x@offers.example>',
    },
    {
      name: 'the recipient’s first name opening the subject',
      email: eml({
        headers: to('Tarou-x-y <tarou.xy@example.com>'),
        from: 'Planos <contato@e.planos.example>',
        subject: 'Tarou, temos uma oferta especial',
        text: 'x',
      }),
      evidence: 'Tarou, temos',
    },
  ],
});
