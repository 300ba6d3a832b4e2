import { eml, ruleTester } from '../../testing.js';
import rule from './text-domain-mismatch.js';

const html = (body: string, headers: string[] = []) =>
  eml({ headers, from: 'Amazon.co.jp <info@amazon.co.jp>', subject: 'ご注文', html: body });
const GENUINE = [
  'Received: from a1-2.smtp-out.amazonses.com (a1-2.smtp-out.amazonses.com. [54.240.1.2]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)',
  'Authentication-Results: mx.google.com; dkim=pass header.i=@amazon.co.jp header.s=a header.b=b; spf=pass (google.com: domain of x@amazonses.com designates 54.240.1.2 as permitted sender) smtp.mailfrom=x@amazonses.com; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp',
];

ruleTester(rule, {
  valid: [
    {
      name: 'text and link agree',
      email: html('<a href="https://www.amazon.co.jp/gp/css">https://www.amazon.co.jp/</a>'),
    },
    {
      name: 'another domain of the same brand',
      email: html('<a href="https://www.amazon.com/x">www.amazon.co.jp</a>'),
    },
    { name: 'ordinary link text', email: html('<a href="https://example.top/x">こちらをクリック</a>') },
    {
      name: 'an e-mail address as text',
      email: html('<a href="https://example.com/contact">info@example.jp</a>'),
    },
    {
      name: 'a genuine brand mail through a shared mail provider',
      email: html(
        '<a href="https://click.sendgrid.net/ls/click?upn=abc">https://www.amazon.co.jp/</a>',
        GENUINE,
      ),
    },
    {
      name: 'a newsletter through its mail provider',
      email: html('<a href="https://u123.ct.sendgrid.net/ls/click?upn=abc">www.example-shop.com</a>'),
    },
    {
      name: 'prose that mentions a domain',
      email: html('<a href="https://example.net/">詳しくは example.com の記事</a>'),
    },
    {
      name: 'a news headline that starts with a company named by its domain',
      email: html(
        '<a href="http://clicks.news.example/c?q=1">Amazon.com shares rise on strong holiday sales</a>',
      ),
    },
  ],
  invalid: [
    {
      name: 'brand URL shown, other site behind',
      email: html('<a href="https://amaz0n-check.top/signin">https://www.amazon.co.jp/</a>'),
      evidence: 'amaz0n-check.top',
    },
    {
      name: 'a generic domain shown, another behind',
      email: html('<a href="http://198.51.100.23/x">www.example-bank.com</a>'),
      evidence: '198.51.100.23',
    },
    {
      name: 'a brand domain alone as the text, another site behind',
      email: html('<a href="https://secure-account.example.top/login">amazon.co.jp</a>'),
      evidence: 'secure-account.example.top',
    },
    {
      name: 'a brand address with www followed by words',
      email: html('<a href="https://secure-account.example.top/login">www.amazon.co.jp sign in</a>'),
      evidence: 'secure-account.example.top',
    },
  ],
});
