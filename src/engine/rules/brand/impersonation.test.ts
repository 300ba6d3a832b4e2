import { eml, ruleTester } from '../../testing.js';
import rule from './impersonation.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Yahoo! writing from yahoo.com, its name under another suffix',
      email: eml({ from: 'Yahoo!News <refer@reply.yahoo.com>', subject: 'Yahoo! News', text: 'Yahoo!' }),
    },
    {
      name: 'Amazon writing from amazon.co.jp',
      email: eml({
        from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>',
        subject: 'Amazon.co.jpでのご注文',
        text: 'x',
      }),
    },
    {
      name: 'a mail that mentions a brand in passing',
      email: eml({ from: 'Taro <taro@azeb.net>', subject: '週末の予定', text: 'Amazonで本を買ったよ' }),
    },
  ],
  invalid: [
    {
      name: 'the seed: Amazon account suspended, from an unrelated domain',
      email: eml({
        from: 'Service <info@azeb.net>',
        subject: 'お客様のAmazonアカウントが一時的に停止されました',
        text: 'Amazonをご利用いただきありがとうございます',
      }),
      evidence: 'azeb.net',
    },
    {
      name: 'an inline forward whose shown sender is the brand’s own address: only text, nothing proves it',
      email: eml({
        from: 'Taro <taro@example.jp>',
        subject: 'Fwd: Microsoft account unusual sign-in activity',
        text: [
          'これ本物？',
          '',
          '---------- Forwarded message ---------',
          'From: Microsoft account team <no-reply@microsoft.com>',
          'Subject: Microsoft account unusual sign-in activity',
          '',
          'We detected something unusual about a recent sign-in to the Microsoft account. Review your Microsoft account now.',
        ].join('\n'),
      }),
      evidence: 'no-reply@microsoft.com',
    },
  ],
});
