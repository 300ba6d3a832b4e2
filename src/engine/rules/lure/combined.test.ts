import { eml, ruleTester } from '../../testing.js';
import rule from './combined.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'no bait', email: mail('Minutes', 'Notes from the meeting are attached.') },
    {
      name: 'one kind of bait, only in the body',
      email: mail('Hello', 'The lottery results are in the paper.'),
    },
  ],
  invalid: [
    {
      name: 'prize and casino bonus stacked',
      email: mail(
        'Hello',
        'Congratulations, you have won! Claim your prize and 200 free spins with a 300% bonus.',
      ),
      evidence: 'you have won',
    },
    {
      name: 'the subject’s bait repeated in the body',
      email: mail(
        'Nehmen Sie an unserer Umfrage teil',
        'Nehmen Sie an der kurzen Umfrage teil, Ihr Gutschein wartet.',
      ),
      evidence: 'Umfrage',
    },
  ],
});
