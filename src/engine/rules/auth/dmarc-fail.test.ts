import { eml, ruleTester } from '../../testing.js';
import rule from './dmarc-fail.js';

const hop =
  'Received: from mail.azeb.net (mail.azeb.net. [1.2.3.4]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)';

ruleTester(rule, {
  valid: [
    {
      name: 'dmarc pass',
      email: eml({
        headers: [hop, 'Authentication-Results: mx.google.com; dmarc=pass header.from=azeb.net'],
        from: 'a@azeb.net',
        subject: 'x',
        text: 'x',
      }),
    },
    {
      name: 'a fail written by the sender itself (no trusted hop) says nothing',
      email: eml({
        headers: ['Authentication-Results: mx.google.com; dmarc=fail header.from=azeb.net'],
        from: 'a@azeb.net',
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'Gmail says dmarc=fail for amazon.co.jp',
      email: eml({
        headers: [
          hop,
          'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bounce@azeb.net; dmarc=fail (p=QUARANTINE) header.from=amazon.co.jp',
        ],
        from: 'Amazon <account@amazon.co.jp>',
        subject: 'x',
        text: 'x',
      }),
      evidence: 'dmarc=fail',
    },
  ],
});
