import { eml, ruleTester } from '../../testing.js';
import rule from './free-mail-invoice.js';

const bill =
  'Invoice No: QX-2841-7730\nProduct: PC Shield Total Protection, 1 year\nAmount: $399.99 USD\nIf you did not make this purchase, call our billing desk at +1 (805) 555-0143 to cancel.';

ruleTester(rule, {
  valid: [
    {
      name: 'the same bill from a company domain',
      email: eml({ from: 'Billing <billing@azeb.example>', subject: 'Your invoice', text: bill }),
    },
    {
      name: 'a friend on free mail sharing a cost, no document number',
      email: eml({
        from: 'Ken <ken.sato@gmail.com>',
        subject: 'dinner',
        text: 'Dinner came to $84.50 each. Call me at 090-1234-5678 if that is wrong.',
      }),
    },
    {
      name: 'an order number without any amount',
      email: eml({
        from: 'Ken <ken.sato@gmail.com>',
        subject: 'order',
        text: 'My order #48213 arrived, thanks. Call me at 090-1234-5678.',
      }),
    },
    {
      name: 'an invoice from free mail, but no company named and no number to call',
      email: eml({
        from: 'Ken <ken.sato@gmail.com>',
        subject: 'invoice',
        text: 'Invoice No: 2024-07\nTranslation work, 12 pages: $480.00\nBank details attached.',
      }),
    },
  ],
  invalid: [
    {
      name: 'a callback invoice from Gmail',
      email: eml({
        from: 'Your Order <orders.desk2291@gmail.com>',
        subject: 'Order Confirmation',
        text: bill,
      }),
      evidence: '$399.99',
    },
    {
      name: 'a receipt with the amount after the number, from Outlook',
      email: eml({
        from: 'Billing Team <billing.team77@outlook.com>',
        subject: 'Receipt',
        text: 'Transaction ID: 88412093\nTotal charged: 1,529.20 USD\nTo dispute, phone 1-888-555-0199.',
      }),
      evidence: '1,529.20 USD',
    },
  ],
});
