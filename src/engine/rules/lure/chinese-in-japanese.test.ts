import { eml, ruleTester } from '../../testing.js';
import rule from './chinese-in-japanese.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary Japanese with shared kanji (会 号 数 点)',
      email: mail('会員番号のお知らせ', 'いつもご利用ありがとうございます。会員番号と点数をご確認ください。'),
    },
    {
      name: 'Chinese text (no kana) is not Japanese',
      email: mail('账户通知', '您的账户需要验证，请在这个时间内登录。我们会处理这个问题。'),
    },
    {
      name: 'a single stray character is not enough',
      email: mail('お知らせ', 'こちらの内容をご確认ください。よろしくお願いいたします。'),
    },
  ],
  invalid: [
    {
      name: 'simplified characters in Japanese text',
      email: mail(
        'アカウントの確認',
        'お客様の账户に異常がありました。下記より验证してください。请ご確認ください。',
      ),
      evidence: '账',
    },
    {
      name: 'e-Tax style mail with Chinese forms',
      email: mail(
        '税務署からのお知らせ',
        '所得税の未納について、期限までに纳付がない場合は差押処分となります。详细はこちらを确认してください。',
      ),
      evidence: '纳',
    },
  ],
});
