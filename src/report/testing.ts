/** Test material for the reports: an invented phishing mail (no corpus sample, no real phishing domain). */
import { DEFAULT_DATA } from '../engine/data/default.js';
import { inspectEmail } from '../engine/scan.js';
import type { ReportSubject } from './arf.js';

export const PHISH_HOST = 'amaz0n-secure-check.top';
export const PHISH_URL = `https://${PHISH_HOST}/ap/signin?id=12345`;
export const SOURCE_IP = '203.0.113.7';

/** An Amazon-imitation mail delivered through Gmail (a trusted receiver), with a risky link. */
export function phishingEml(): string {
  const lines = [
    'Return-Path: <bounce@mailer.amaz0n-secure-check.top>',
    'Received: by 2002:a05:6a10:8f0c:b0:4a1:2b3c:4d5e with SMTP id x12csp123456pxb;',
    '        Fri, 8 May 2020 01:00:05 -0700 (PDT)',
    `Received: from mailer.${PHISH_HOST} (mailer.${PHISH_HOST}. [${SOURCE_IP}])`,
    '        by mx.google.com with ESMTPS id a1si2345678pgb.123.2020.05.08.01.00.04',
    '        for <user@gmail.com>; Fri, 08 May 2020 01:00:04 -0700 (PDT)',
    `Received-SPF: pass (google.com: domain of bounce@mailer.${PHISH_HOST} designates ${SOURCE_IP} as permitted sender)`,
    'Authentication-Results: mx.google.com;',
    `       spf=pass (google.com: domain of bounce@mailer.${PHISH_HOST} designates ${SOURCE_IP} as permitted sender) smtp.mailfrom=bounce@mailer.${PHISH_HOST};`,
    '       dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=amazon.co.jp',
    `Received: from [10.1.2.3] (unknown [198.51.100.9]) by mailer.${PHISH_HOST} with ESMTP; Fri, 08 May 2020 17:00:00 +0900`,
    'From: =?UTF-8?B?QW1hem9uLmNvLmpw?= <account-update@amazon.co.jp>',
    'To: user@gmail.com',
    `Subject: =?UTF-8?B?${Buffer.from('お客様のAmazonアカウントが一時的に停止されました').toString('base64')}?=`,
    'Date: Fri, 08 May 2020 17:00:00 +0900',
    `Message-ID: <20200508170000.1234@${PHISH_HOST}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '<html><body><p>Amazon お客様</p>',
    '<p>お客様のアカウントが一時的に停止されました。24時間以内にお支払い情報を更新してください。更新されない場合、アカウントは永久に停止されます。</p>',
    `<p><a href="${PHISH_URL}">アカウントを確認する</a></p>`,
    '<p>Amazon.co.jp カスタマーサービス</p></body></html>',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** A plain advertising mail with no trusted receiver: not phishing. */
export function spamEml(): string {
  return [
    'Received: from shop.example.net (shop.example.net [198.51.100.20]) by mx.example.org; Mon, 1 Jun 2026 10:00:00 +0900',
    'From: Example Shop <news@shop.example.net>',
    'To: user@example.org',
    'Subject: Summer sale',
    'Date: Mon, 01 Jun 2026 10:00:00 +0900',
    'Message-ID: <sale@shop.example.net>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Our summer sale starts today. https://shop.example.net/sale',
    '',
  ].join('\r\n');
}

export async function inspect(raw: string): Promise<ReportSubject> {
  return await inspectEmail(raw, DEFAULT_DATA, { now: new Date('2020-05-08T09:00:00Z') });
}
