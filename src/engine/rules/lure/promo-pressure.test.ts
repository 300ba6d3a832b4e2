import { eml, ruleTester } from '../../testing.js';
import rule from './promo-pressure.js';

const mail = (subject: string, text: string) => eml({ from: 'Shop <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'a plain price', email: mail('Plans', 'Hosting costs $8.95 per month, billed yearly.') },
    {
      name: 'hurry as an ordinary word',
      email: mail('Re: build', 'No hurry, the build can wait until Monday.'),
    },
    {
      name: 'time limits in a technical text',
      email: mail('Timeouts', 'The limit on time per request is 30 seconds.'),
    },
    { name: 'Japanese without pressure', email: mail('ご案内', '新しい商品を掲載しました。') },
  ],
  invalid: [
    {
      name: 'limited time and free kit',
      email: mail('Free safety kit', 'Act now: get your free winter safety kit for a limited time.'),
      evidence: 'limited time',
    },
    {
      name: 'just pay shipping',
      email: mail('Your gift', 'The set is yours, just pay shipping while supplies last.'),
      evidence: 'while supplies last',
    },
    {
      name: 'German',
      email: mail('Angebot', 'Nur für kurze Zeit: jetzt gratis testen!'),
      evidence: 'kurze Zeit',
    },
    { name: 'Japanese', email: mail('期間限定', '今だけ無料でお試しいただけます。'), evidence: '期間限定' },
  ],
});
