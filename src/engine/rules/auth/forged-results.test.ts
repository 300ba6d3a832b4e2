import { eml, ruleTester } from '../../testing.js';
import rule from './forged-results.js';

const hop =
  'Received: from mail.azeb.net (mail.azeb.net. [1.2.3.4]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)';
const genuine =
  'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bounce@azeb.net; dmarc=fail (p=QUARANTINE) header.from=amazon.co.jp';

ruleTester(rule, {
  valid: [
    {
      name: 'only the receiver’s own result',
      email: eml({ headers: [hop, genuine], from: 'a@azeb.net', subject: 'x', text: 'x' }),
    },
    {
      name: 'an older result from another, untrusted hop',
      email: eml({
        headers: [hop, genuine, 'Authentication-Results: relay.azeb.net; spf=pass smtp.mailfrom=azeb.net'],
        from: 'a@azeb.net',
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'forged mx.google.com pass right below the genuine one',
      email: eml({
        headers: [
          hop,
          genuine,
          'Authentication-Results: mx.google.com; dkim=pass header.i=@amazon.co.jp; dmarc=pass header.from=amazon.co.jp',
        ],
        from: 'Amazon <account@amazon.co.jp>',
        subject: 'x',
        text: 'x',
      }),
      evidence: 'dmarc=pass header.from=amazon.co.jp',
    },
  ],
});
