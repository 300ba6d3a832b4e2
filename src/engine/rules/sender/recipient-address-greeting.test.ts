import { DEFAULT_DATA } from '../../data/default.js';
import { eml, ruleTester } from '../../testing.js';
import rule from './recipient-address-greeting.js';

ruleTester(rule, {
  valid: [
    {
      name: 'greeted by name',
      email: eml({
        from: 'Shop <a@shop.example>',
        subject: 'Hi',
        text: 'Hello Taro, your order has shipped.',
      }),
    },
    {
      name: 'a quoted reply names the address as its author',
      email: eml({
        from: 'Bob <bob@example.org>',
        subject: 'Re: x',
        text: 'user@example.jp wrote:\n> hello there',
      }),
    },
    {
      name: 'the address in a footer, not a greeting',
      email: eml({
        from: 'News <n@news.example>',
        subject: 'Digest',
        text: 'Weekly digest\nThis message was sent to user@example.jp',
      }),
    },
    {
      name: 'another address greeted (not the recipient’s)',
      email: eml({ from: 'A <a@example.org>', subject: 'x', text: 'Hi bob@example.org, see below.' }),
    },
    {
      name: 'the greeting words come from the data: none listed, only the honorific form counts',
      email: eml({
        from: 'Europa <n@mailer.example>',
        subject: 'Tickets',
        text: 'Hallo user@example.jp, dies ist unser letzter Versuch.',
      }),
      data: { lures: { ...DEFAULT_DATA.lures, greetings: { phrases: {}, sources: [] } } },
    },
  ],
  invalid: [
    {
      name: 'German greeting with the address',
      email: eml({
        from: 'Europa <n@mailer.example>',
        subject: 'Tickets',
        text: 'Hallo user@example.jp, dies ist unser letzter Versuch.',
      }),
      evidence: 'Hallo user@example.jp',
    },
    {
      name: 'Japanese honorific after the address',
      email: eml({
        from: 'A <a@mailer.example>',
        subject: 'ご案内',
        text: 'user@example.jp 様\nいつもご利用ありがとうございます。',
      }),
      evidence: 'user@example.jp 様',
    },
  ],
});
