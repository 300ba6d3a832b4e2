import { eml, ruleTester } from '../../testing.js';
import rule from './brand-link-unofficial.js';

const GENUINE = [
  'Received: from a1-2.smtp-out.amazonses.com (a1-2.smtp-out.amazonses.com. [54.240.1.2]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)',
  'Authentication-Results: mx.google.com; dkim=pass header.i=@amazon.co.jp header.s=a header.b=b; spf=pass (google.com: domain of x@amazonses.com designates 54.240.1.2 as permitted sender) smtp.mailfrom=x@amazonses.com; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp',
];

ruleTester(rule, {
  valid: [
    {
      name: 'brand mail linking to its own site',
      email: eml({
        from: 'Amazon.co.jp <info@example.top>',
        subject: 'Amazon ご注文の確認',
        html: '<a href="https://www.amazon.co.jp/gp/css/order-history">注文履歴を確認</a>',
      }),
    },
    {
      name: 'no brand claimed',
      email: eml({
        from: 'Taro <taro@example.jp>',
        subject: '週末の予定',
        html: '<a href="https://example.top/login">ログイン</a>',
      }),
    },
    {
      name: 'a genuine brand mail with a partner link',
      email: eml({
        headers: GENUINE,
        from: 'Amazon.co.jp <store-news@amazon.co.jp>',
        subject: 'Amazon セール',
        html: '<a href="https://partner.example.com/account">アカウント</a>',
      }),
    },
    { name: 'a URL on its own', url: 'https://amazon-check.example.top/login' },
    {
      name: 'a newsletter writing about a brand, linking to many sites',
      email: eml({
        from: 'Tech News <news@example-news.com>',
        subject: 'Microsoft reveals new Windows details',
        html: Array.from(
          { length: 6 },
          (_, i) => `<a href="https://site${i}.example${i}.com/login?u=1">account ${i}</a>`,
        ).join(' '),
      }),
    },
    {
      name: 'the brand’s own name under another suffix (a sister company)',
      email: eml({
        from: 'Yahoo!ニュース <news@example.com>',
        subject: 'Yahoo! ニュース',
        html: '<a href="https://news.yahoo.com/story?u=1">記事を確認</a>',
      }),
    },
  ],
  invalid: [
    {
      name: 'brand mail with a sign-in link elsewhere',
      email: eml({
        from: 'Amazon <info@example.top>',
        subject: 'Amazon アカウントの確認',
        html: '<a href="https://secure-check.example.com/x">アカウントを確認する</a>',
      }),
      evidence: 'secure-check.example.com',
    },
    {
      name: 'SMS naming a brand with a foreign login link',
      text: '【楽天カード】ご利用確認のため https://card-check.example.top/login からログインしてください',
      evidence: 'card-check.example.top',
    },
  ],
});
