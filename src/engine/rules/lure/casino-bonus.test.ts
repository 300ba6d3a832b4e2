import { eml, ruleTester } from '../../testing.js';
import rule from './casino-bonus.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'a year-end bonus at work',
      email: mail('Payroll', 'Your annual bonus will be paid in December.'),
    },
    { name: 'meeting slots', email: mail('Schedule', 'Pick one of the free slots for the review.') },
  ],
  invalid: [
    {
      name: 'a welcome bonus with free spins',
      email: mail(
        '💥 500% BONUS + 100 Free Spins',
        'Join the best online casino: welcome bonus up to €2000.',
      ),
      evidence: '500% BONUS',
    },
    {
      name: 'German casino mail',
      email: mail('Willkommensbonus', 'Ihr Willkommensbonus im Online-Casino wartet.'),
      evidence: 'Willkommensbonus',
    },
    {
      name: 'Japanese casino',
      email: mail('入金不要ボーナス', 'オンラインカジノで今すぐ遊べます'),
      evidence: 'オンラインカジノ',
    },
  ],
});
