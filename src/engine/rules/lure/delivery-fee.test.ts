import { eml, ruleTester } from '../../testing.js';
import rule from './delivery-fee.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'shipping confirmation',
      email: mail('Your order has shipped', 'Your package is on its way and will arrive Tuesday.'),
    },
    {
      name: 'customs in a travel blog',
      email: mail('Trip', 'We spent two hours at the border talking about local customs and food.'),
    },
  ],
  invalid: [
    {
      name: 'absent, taken back (ja)',
      email: mail('佐川急便', 'お荷物のお届けに上がりましたが不在の為持ち帰りました。'),
      evidence: '不在の為持ち帰り',
    },
    {
      name: 'English failed delivery fee',
      email: mail('USPS', 'Your package could not be delivered. Pay the redelivery fee of $1.99.'),
      evidence: 'could not be delivered',
    },
    {
      name: 'Portuguese customs',
      email: mail('Correios', 'Sua encomenda aguarda o pagamento da taxa de importação.'),
      evidence: 'taxa de importação',
    },
  ],
});
