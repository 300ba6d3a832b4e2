import { eml, ruleTester } from '../../testing.js';
import rule from './unauthenticated.js';

const hop =
  'Received: from mail.azeb.example (mail.azeb.example. [203.0.113.7]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)';
const ar = (s: string) => `Authentication-Results: mx.google.com; ${s}`;

ruleTester(rule, {
  valid: [
    {
      name: 'no trusted receiver: cannot tell, so no finding',
      email: eml({ from: 'a@azeb.example', subject: 'x', text: 'x' }),
    },
    {
      name: 'DMARC pass',
      email: eml({
        headers: [hop, ar('dmarc=pass header.from=azeb.example')],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
    {
      name: 'aligned DKIM pass without a DMARC record',
      email: eml({
        headers: [hop, ar('dkim=pass header.i=@news.azeb.example; dmarc=none header.from=azeb.example')],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
    {
      name: 'DMARC fail is left to auth/dmarc-fail',
      email: eml({
        headers: [hop, ar('dmarc=fail header.from=azeb.example')],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'only a third party’s DKIM, no DMARC',
      email: eml({
        headers: [
          hop,
          ar(
            'dkim=pass header.i=@bulk-esp.example; spf=pass smtp.mailfrom=b@bulk-esp.example; dmarc=none header.from=azeb.example',
          ),
        ],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
      evidence: 'dmarc=none',
    },
  ],
});
