import { eml, ruleTester } from '../../testing.js';
import rule from './get-rich.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'a political remark',
      email: mail('Re: tax', "The rich don't get rich off the backs of the poor."),
    },
    { name: 'a salary mention', email: mail('Offer', 'The position pays well and includes a pension.') },
  ],
  invalid: [
    {
      name: 'earn per day',
      email: mail('Financial freedom', 'Our trading robot that earns $500 per day. Guaranteed returns.'),
      evidence: 'Guaranteed returns',
    },
    {
      name: 'Portuguese extra income',
      email: mail('Renda extra', 'Ganhe dinheiro todos os dias com renda passiva.'),
      evidence: 'renda passiva',
    },
    { name: 'Japanese', email: mail('副業', '元本保証で不労所得'), evidence: '不労所得' },
  ],
});
