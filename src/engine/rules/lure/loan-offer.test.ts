import { eml, ruleTester } from '../../testing.js';
import rule from './loan-offer.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'a mortgage question', email: mail('Re: house', 'We talked to the bank about the loan terms.') },
    { name: 'a library loan', email: mail('Library', 'Your book loan is due next week.') },
  ],
  invalid: [
    {
      name: 'a pre-approved loan',
      email: mail(
        'Personal Loans From $100 - $40,000',
        'You are pre-approved for a personal loan. No credit check.',
      ),
      evidence: 'No credit check',
    },
    {
      name: 'Portuguese approved loan',
      email: mail('Seu empréstimo', 'Temos um empréstimo aprovado para você'),
      evidence: 'empréstimo aprovado',
    },
    { name: 'Japanese', email: mail('ご融資', '審査なしで即日融資'), evidence: '即日融資' },
  ],
});
