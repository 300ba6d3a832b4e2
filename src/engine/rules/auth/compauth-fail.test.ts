import { eml, ruleTester } from '../../testing.js';
import rule from './compauth-fail.js';

const inbound =
  'Received: from mail.azeb.example (203.0.113.7) by VE1EUR01FT027.mail.protection.outlook.com (10.152.2.216) with Microsoft SMTP Server id 15.20.6678.18 via Frontend Transport; Wed, 9 Aug 2023 16:57:02 +0000';
const internal =
  'Received: from VE1EUR01FT027.eop-EUR01.prod.protection.outlook.com (2603:10a6:d10:a2:cafe::79) by FR3P281CA0157.outlook.office365.com (2603:10a6:d10:a2::13) with Microsoft SMTP Server id 15.20.6678.18 via Frontend Transport; Wed, 9 Aug 2023 16:57:02 +0000';
const ar = (s: string) =>
  `Authentication-Results: spf=none (sender IP is 203.0.113.7) smtp.mailfrom=azeb.example; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=azeb.example;${s}`;

ruleTester(rule, {
  valid: [
    {
      name: 'compauth pass',
      email: eml({
        headers: [internal, ar('compauth=pass reason=100'), inbound],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
    {
      name: 'a compauth=fail the sender wrote below the inbound hop is not Exchange’s',
      email: eml({
        headers: [internal, ar('compauth=pass reason=100'), inbound, ar('compauth=fail reason=001')],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'Exchange Online, behind an office365.com internal hop',
      email: eml({
        headers: [internal, ar('compauth=fail reason=001'), inbound],
        from: 'a@azeb.example',
        subject: 'x',
        text: 'x',
      }),
      evidence: 'compauth=fail',
    },
  ],
});
