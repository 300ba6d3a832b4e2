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

/** An incident like the seed post's (Amazon mail, card entered, Netflix charges); invented details. */
export function sampleIncident(): import('./summary.js').IncidentSummaryInput {
  return {
    title: {
      ja: 'Amazonをかたるフィッシングによるカード不正利用',
      en: 'Card misuse after an Amazon phishing mail',
    },
    caseId: 'case-2026-0001',
    brand: { id: 'amazon', name: { ja: 'Amazon（アマゾン）', en: 'Amazon' } },
    channel: { ja: 'メール', en: 'E-mail' },
    happened: [
      { ja: 'メールのリンクを開いた', en: 'Opened the link in the mail' },
      { ja: '偽サイトにカード情報を入力した', en: 'Entered card details on the fake site' },
      { ja: '身に覚えのない請求（1,980円×3回）があった', en: 'Unknown charges (3 × JPY 1,980)' },
    ],
    when: '2026-05-08T10:00:00+09:00',
    cards: ['楽天カード（末尾 1234）'],
    timeline: [
      {
        at: '2026-05-08T10:00:00+09:00',
        ja: '「お客様のAmazonアカウントが一時的に停止されました」というメールを受信',
        en: 'Received the mail "your Amazon account has been temporarily suspended"',
      },
      {
        at: '2026-05-08T10:05:00+09:00',
        ja: 'メールのリンク先でカード情報を入力',
        en: 'Entered card details on the linked page',
      },
      {
        at: '2026-05-09T08:30:00+09:00',
        ja: 'カード会社から1,980円の利用通知が3回届く（ネットフリックス）',
        en: 'Three JPY 1,980 usage notices from the card issuer (Netflix)',
      },
      {
        at: '2026-05-09T09:00:00+09:00',
        ja: 'カード裏面の番号に電話し、利用停止と再発行を依頼',
        en: 'Called the number on the back of the card: stopped and reissued',
      },
    ],
    steps: [
      {
        id: 'card-stop',
        title: { ja: 'カードの利用停止と再発行を依頼する', en: 'Stop and reissue the card' },
        done: true,
        doneAt: '2026-05-09T09:00:00+09:00',
      },
      {
        id: 'dispute',
        title: { ja: '身に覚えのない請求を調査依頼する', en: 'Dispute the unknown charges' },
        done: false,
        deadline: '2026-07-08T23:59:00+09:00',
      },
      {
        id: 'report-phish',
        title: { ja: 'フィッシングメールを報告する', en: 'Report the phishing mail' },
        done: false,
      },
    ],
    evidence: [
      {
        kind: 'mail',
        label: '受信したフィッシングメール（.eml）',
        sha256: 'a3f5c2d1e4b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
        at: '2026-05-08T10:30:00+09:00',
      },
      {
        kind: 'charge',
        label: 'カード利用通知メール 1,980円 ×3',
        sha256: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff',
        at: '2026-05-09T08:40:00+09:00',
      },
    ],
    contacts: [
      {
        name: { ja: '楽天カード（カード裏面の番号）', en: 'Rakuten Card (number on the back)' },
        phone: 'カード裏面を参照',
      },
    ],
    notes: [{ at: '2026-05-09T09:10:00+09:00', text: '不正利用が確認されれば支払い不要との説明を受けた' }],
    generatedAt: '2026-05-10T12:00:00+09:00',
  };
}
