import { eml, ruleTester } from '../../testing.js';
import rule from './free-mail-brand.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a person on Gmail',
      email: eml({ from: 'Taro Yamada <taro@gmail.com>', subject: '来週の予定', text: 'よろしく' }),
    },
    {
      name: 'a person on Gmail mentioning Amazon in passing',
      email: eml({ from: 'Taro <taro@gmail.com>', subject: '本の件', text: 'Amazonで買った本を貸します' }),
    },
    {
      name: 'the brand on its own domain',
      email: eml({ from: 'Amazon.co.jp <info@amazon.co.jp>', subject: 'Amazon注文', text: 'x' }),
    },
    {
      name: 'a mail provider writing from its own free mail domain',
      email: eml({
        from: 'Microsoft アカウント <account@outlook.com>',
        subject: 'Microsoft アカウントのお知らせ',
        text: 'x',
      }),
    },
    {
      name: 'an ambiguous word in the subject of a free mail',
      email: eml({ from: 'Tom <tom@aol.com>', subject: 'Re: meta discussion', text: 'x' }),
    },
  ],
  invalid: [
    {
      name: 'Amazon display name from Gmail',
      email: eml({
        from: 'Amazon.co.jp <amazon.support.jp@gmail.com>',
        subject: 'アカウント確認',
        text: 'x',
      }),
      evidence: 'amazon.support.jp@gmail.com',
    },
    {
      name: 'a bank in the subject, sent from Outlook.jp',
      email: eml({
        from: 'Support <support-center@outlook.jp>',
        subject: '三井住友銀行 重要なお知らせ',
        text: '三井住友銀行をご利用いただきありがとうございます',
      }),
      evidence: 'outlook.jp',
    },
  ],
});
