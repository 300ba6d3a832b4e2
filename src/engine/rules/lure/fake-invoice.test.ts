import { eml, ruleTester } from '../../testing.js';
import rule from './fake-invoice.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'ordinary invoice thanks', email: mail('Thanks', 'Thanks for paying the invoice last week.') },
  ],
  invalid: [
    {
      name: 'callback invoice',
      email: mail(
        'Order confirmation',
        'Your account has been charged to your card. If you did not authorize this purchase, call our support.',
      ),
      evidence: 'did not authorize this purchase',
    },
    { name: 'German reminder', email: mail('Mahnung', 'Ihre Rechnung ist überfällig.'), evidence: 'Mahnung' },
  ],
});
