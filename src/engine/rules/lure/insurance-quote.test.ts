import { eml, ruleTester } from '../../testing.js';
import rule from './insurance-quote.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'a claim about an existing policy',
      email: mail('Re: claim', 'The insurance company paid the claim today.'),
    },
    {
      name: 'hosting priced per month',
      email: mail('Hosting', 'Plans as low as $6/month, compare rates anytime.'),
    },
    { name: 'a supplier quote', email: mail('Quote', 'Attached is the quote you asked for last week.') },
  ],
  invalid: [
    {
      name: 'car insurance quotes',
      email: mail('Slash your car insurance', 'Get instant quotes and compare quotes from top providers.'),
      evidence: 'instant quotes',
    },
    {
      name: 'a Portuguese health-plan quote',
      email: mail('Proposta exclusiva', 'Reduza o custo do seu plano de saúde. Faça sua cotação agora.'),
      evidence: 'plano de saúde',
    },
    {
      name: 'German insurance comparison',
      email: mail('Jetzt sparen', 'Ihre Kfz-Versicherung im Vergleich: jetzt wechseln und sparen.'),
      evidence: 'Kfz-Versicherung',
    },
    {
      name: 'Japanese',
      email: mail('保険の見直し', '自動車保険の無料見積もりはこちら'),
      evidence: '保険の無料見積',
    },
  ],
});
