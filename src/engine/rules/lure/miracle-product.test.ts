import { eml, ruleTester } from '../../testing.js';
import rule from './miracle-product.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'a passing mention of a drug name',
      email: mail('Re: filters', 'Spam about Viagra is still the bulk of it.'),
    },
    { name: 'a fat-free recipe', email: mail('Recipe', 'This soup is low in fat and easy to cook.') },
  ],
  invalid: [
    {
      name: 'a weight-loss product',
      email: mail(
        'Personalisierte Prognose für schnellen Gewichtsverlust',
        'Keto-Gummies: schnell abnehmen ohne Diät.',
      ),
      evidence: 'Gewichtsverlust',
    },
    {
      name: 'a secret trick',
      email: mail('Shocking discovery', 'This weird trick can regrow your hair in weeks. Doctors hate it.'),
      evidence: 'weird trick',
    },
    {
      name: 'Japanese diet bait',
      email: mail('ダイエット', '飲むだけで10kg痩せる！'),
      evidence: '飲むだけで',
    },
  ],
});
