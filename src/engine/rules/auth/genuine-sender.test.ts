import { eml, ruleTester } from '../../testing.js';
import rule from './genuine-sender.js';

const gmailHop =
  'Received: from a1-2.smtp-out.amazonses.com (a1-2.smtp-out.amazonses.com. [54.240.1.2]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)';
const pass =
  'Authentication-Results: mx.google.com; dkim=pass header.i=@amazon.co.jp header.s=a header.b=b; spf=pass (google.com: domain of x@amazonses.com designates 54.240.1.2 as permitted sender) smtp.mailfrom=x@amazonses.com; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp';

/** Gmail forwarded an Amazon mail to Exchange Online: SPF and DMARC fail there, ARC carries Gmail's pass. */
function forwardedViaGmail(opts: { arc: string; sealDomain: string; aarId: string }) {
  return eml({
    headers: [
      'Received: from CY1NAM02HT204.eop-nam02.prod.protection.outlook.com (2a01:111:e400:585f::48) by BL2PR14MB1025.namprd14.prod.outlook.com with HTTPS; Fri, 8 May 2020 01:00:03 +0000',
      `Authentication-Results: spf=fail (sender IP is 209.85.220.41) smtp.mailfrom=amazon.co.jp; dkim=fail (body hash did not verify) header.d=amazon.co.jp;dmarc=fail action=none header.from=amazon.co.jp;compauth=pass reason=130; arc=${opts.arc}`,
      'Received: from mail-sor-f41.google.com (209.85.220.41) by CY1NAM02FT061.mail.protection.outlook.com (10.152.75.30) with Microsoft SMTP Server id 15.20.239.4 via Frontend Transport; Fri, 8 May 2020 01:00:02 +0000',
      `ARC-Seal: i=1; a=rsa-sha256; t=1588899601; cv=none; d=${opts.sealDomain}; s=arc-20160816; b=abc`,
      `ARC-Authentication-Results: i=1; ${opts.aarId}; dkim=pass header.i=@amazon.co.jp; spf=pass smtp.mailfrom=x@bounces.amazon.co.jp; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp`,
      gmailHop,
      pass,
    ],
    from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>',
    subject: 'Amazon.co.jpでのご注文',
    text: 'x',
  });
}

ruleTester(rule, {
  valid: [
    {
      name: 'an authenticated iCloud address is one of Apple’s mail users, not Apple',
      email: eml({
        headers: [
          'Received: from ms1.mail.icloud.com (ms1.mail.icloud.com. [17.57.1.2]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)',
          'Authentication-Results: mx.google.com; dkim=pass header.i=@icloud.com; spf=pass smtp.mailfrom=someone@icloud.com; dmarc=pass (p=QUARANTINE) header.from=icloud.com',
        ],
        from: 'Wallet Team <someone.wallet22@icloud.com>',
        subject: 'Confirm the transaction',
        text: 'x',
      }),
    },
    {
      name: 'ARC results count for nothing when the final receiver could not verify the chain',
      email: forwardedViaGmail({ arc: 'fail', sealDomain: 'google.com', aarId: 'mx.google.com' }),
    },
    {
      name: 'ARC sealed by an untrusted domain',
      email: forwardedViaGmail({ arc: 'pass', sealDomain: 'forwarder.example', aarId: 'mx.google.com' }),
    },
    {
      name: 'ARC result written under another authserv-id than the trusted sealer’s',
      email: forwardedViaGmail({ arc: 'pass', sealDomain: 'google.com', aarId: 'mx.forwarder.example' }),
    },
    {
      name: 'no trusted result at all',
      email: eml({ from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>', subject: 'ご注文の確認', text: 'x' }),
    },
    {
      name: 'forged dmarc=pass below the genuine Gmail result is ignored',
      email: eml({
        headers: [
          gmailHop,
          'Received-SPF: pass (google.com: domain of bounce@azeb.net designates 1.2.3.4 as permitted sender)',
          'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bounce@azeb.net; dmarc=fail (p=QUARANTINE) header.from=amazon.co.jp',
          'Authentication-Results: mx.google.com; dkim=pass header.i=@amazon.co.jp; dmarc=pass header.from=amazon.co.jp',
        ],
        from: 'Amazon.co.jp <account-update@amazon.co.jp>',
        subject: 'お客様のAmazonアカウントが一時的に停止されました',
        text: 'x',
      }),
    },
    {
      name: 'a forged Gmail hop below an untrusted receiver counts for nothing',
      email: eml({
        headers: [
          'Received: from mail.azeb.net (mail.azeb.net [1.2.3.4]) by mx.small-isp.example with ESMTP id q; Fri, 08 May 2020 10:00:00 +0900',
          gmailHop,
          pass,
        ],
        from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>',
        subject: 'ご注文の確認',
        text: 'x',
      }),
    },
    {
      name: 'DMARC pass for a domain that is no brand',
      email: eml({
        headers: [gmailHop, pass.replace(/amazon\.co\.jp/g, 'azeb.net')],
        from: 'Amazon <info@azeb.net>',
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'forwarded by Gmail to Exchange Online: ARC verified by Exchange, sealed by google.com',
      email: forwardedViaGmail({
        arc: 'pass (i=1 spf=pass dkim=pass dkdomain=amazon.co.jp)',
        sealDomain: 'google.com',
        aarId: 'mx.google.com',
      }),
      evidence: 'ARC-Authentication-Results: i=1; mx.google.com',
    },
    {
      name: 'genuine Amazon order confirmation received by Gmail',
      email: eml({
        headers: [
          'Received: by 2002:a05:6402:1234:b0:1 with SMTP id z; Fri, 08 May 2020 01:00:01 -0700 (PDT)',
          gmailHop,
          'Received-SPF: pass (google.com: ...)',
          pass,
        ],
        from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>',
        subject: 'Amazon.co.jpでのご注文',
        text: 'ご注文ありがとうございます。',
      }),
      evidence: 'header.from=amazon.co.jp',
    },
    {
      name: 'Exchange Online form, without an authserv-id, above its inbound hop',
      email: eml({
        headers: [
          'Received: from CY1NAM02HT204.eop-nam02.prod.protection.outlook.com (2a01:111:e400:585f::48) by BL2PR14MB1025.namprd14.prod.outlook.com with HTTPS; Fri, 8 May 2020 01:00:02 +0000',
          'Authentication-Results: spf=pass (sender IP is 54.240.1.2) smtp.mailfrom=amazonses.com; dkim=pass (signature was verified) header.d=amazon.co.jp;dmarc=pass action=none header.from=amazon.co.jp;compauth=pass reason=100',
          'Received-SPF: Pass (protection.outlook.com: domain of amazonses.com designates 54.240.1.2 as permitted sender)',
          'Received: from a1-2.smtp-out.amazonses.com (54.240.1.2) by CY1NAM02FT061.mail.protection.outlook.com (10.152.75.30) with Microsoft SMTP Server id 15.20.239.4 via Frontend Transport; Fri, 8 May 2020 01:00:01 +0000',
        ],
        from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>',
        subject: 'ご注文の確認',
        text: 'x',
      }),
      evidence: 'dmarc=pass',
    },
  ],
});
