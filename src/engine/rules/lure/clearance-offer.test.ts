import { eml, ruleTester } from '../../testing.js';
import rule from './clearance-offer.js';

const mail = (subject: string, text: string) => eml({ from: 'Shop <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'an ordinary sale', email: mail('Summer sale', 'Save 20% off selected items this weekend.') },
    {
      name: 'a word that starts with off',
      email: mail('Sync', 'The client works 95% offline and polls often.'),
    },
    { name: 'a statistic', email: mail('Report', 'About 75% of the servers were patched.') },
    { name: 'Japanese percentage in prose', email: mail('報告', '回答者の80%が満足と答えました。') },
  ],
  invalid: [
    {
      name: 'warehouse clearance',
      email: mail('Warehouse clearance', 'Everything must go: up to 90% off, last units left.'),
      evidence: 'Warehouse clearance',
    },
    {
      name: 'a decimal discount before a full stop',
      email: mail('Deal', 'Today only: 94.97% off.free shipping'),
      evidence: '94.97% off',
    },
    {
      name: 'Portuguese',
      email: mail('Queima de estoque', 'Últimas unidades com 80% de desconto!'),
      evidence: 'Queima de estoque',
    },
    {
      name: 'German',
      email: mail('Räumungsverkauf', 'Bis zu 70% Rabatt auf alles.'),
      evidence: 'Räumungsverkauf',
    },
    { name: 'Japanese', email: mail('在庫処分セール', '全品80%オフ'), evidence: '在庫処分' },
  ],
});
