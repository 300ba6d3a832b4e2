import { eml, ruleTester } from '../../testing.js';
import rule from './spf-fail.js';

const hop =
  'Received: from mail.azeb.example (mail.azeb.example. [203.0.113.7]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)';

ruleTester(rule, {
  valid: [
    {
      name: 'spf pass',
      email: eml({
        headers: [hop, 'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=a@azeb.example'],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
    {
      name: 'spf fail with no trusted receiver',
      email: eml({
        headers: ['Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=a@azeb.example'],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'Gmail: spf=softfail',
      email: eml({
        headers: [
          hop,
          'Authentication-Results: mx.google.com; spf=softfail (google.com: domain of transitioning a@azeb.example does not designate 203.0.113.7 as permitted sender) smtp.mailfrom=a@azeb.example',
        ],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
      evidence: 'spf=softfail',
    },
  ],
});
