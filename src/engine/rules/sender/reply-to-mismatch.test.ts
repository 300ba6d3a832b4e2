import { eml, ruleTester } from '../../testing.js';
import rule from './reply-to-mismatch.js';

ruleTester(rule, {
  valid: [
    { name: 'no Reply-To', email: eml({ from: 'a <a@example.jp>', subject: 'x', text: 'x' }) },
    {
      name: 'Reply-To in the same organisation',
      email: eml({
        from: 'Shop <news@mail.shop-example.jp>',
        headers: ['Reply-To: support@shop-example.com'],
        subject: 'x',
        text: 'x',
      }),
    },
    {
      name: 'a mailing list',
      email: eml({
        from: 'Taro <taro@university.example.ac.jp>',
        headers: ['Reply-To: users@lists.example.org'],
        subject: 'Re: build',
        text: 'x',
      }),
    },
    {
      name: 'free mail to the same free mail address',
      email: eml({
        from: 'a <taro@gmail.com>',
        headers: ['Reply-To: taro@gmail.com'],
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'a company sender with replies to Gmail',
      email: eml({
        from: 'Office <info@example-trading.co.jp>',
        headers: ['Reply-To: office.payment2024@gmail.com'],
        subject: 'Invoice',
        text: 'x',
      }),
      evidence: 'Reply-To: office.payment2024@gmail.com',
    },
    {
      name: 'a brand sender with replies to an unrelated domain',
      email: eml({
        from: 'PayPal <service@paypal-security.example>',
        headers: ['Reply-To: help@resolve-case.example'],
        subject: 'PayPal',
        text: 'x',
      }),
      evidence: 'resolve-case.example',
    },
    {
      name: 'free mail to another free mail (advance-fee style)',
      email: eml({
        from: 'Mr Smith <smith@yahoo.com>',
        headers: ['Reply-To: barrister.smith@outlook.com'],
        subject: 'x',
        text: 'x',
      }),
      evidence: 'outlook.com',
    },
  ],
});
