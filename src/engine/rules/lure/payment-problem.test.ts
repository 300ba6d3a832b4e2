import { eml, ruleTester } from '../../testing.js';
import rule from './payment-problem.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'receipt', email: mail('Your receipt', 'Thank you, your payment was received.') },
    {
      name: 'talk about cards',
      email: mail('Re: design', 'The card layout in the new UI has expired styles we should remove.'),
    },
  ],
  invalid: [
    {
      name: 'Prime seed (ja)',
      email: mail('プライム会費のお支払い方法に問題があります', 'お支払い情報を更新してください。'),
      evidence: 'お支払い方法に問題',
    },
    {
      name: 'card expired (ja)',
      email: mail('重要', 'ご登録のクレジットカードの有効期限が切れています。'),
      evidence: '有効期限が切れ',
    },
    {
      name: 'English payment declined',
      email: mail('Billing', 'Your payment was declined. Please update your payment method.'),
      evidence: 'declined',
    },
    {
      name: 'Spanish card expired',
      email: mail('Aviso', 'Su tarjeta caducada debe ser actualizada.'),
      evidence: 'tarjeta caducada',
    },
  ],
});
