import { eml, ruleTester } from '../../testing.js';
import rule from './celebrity-endorsement.js';

const mail = (subject: string, text: string) => eml({ from: 'News <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'news about a celebrity',
      email: mail('Launch', 'Elon Musk said the launch was delayed by a week.'),
    },
    { name: 'a TV show mentioned', email: mail('TV tonight', 'Shark Tank is on at nine, then the news.') },
    {
      name: 'the German show without an offer',
      email: mail('TV', 'Die Höhle der Löwen läuft heute um 20:15.'),
    },
  ],
  invalid: [
    {
      name: 'a gadget credited to a celebrity',
      email: mail('Cut your bills', "Elon Musk's new power saver cuts your electricity bill in half."),
      evidence: 'power saver',
    },
    {
      name: 'courtesy of a celebrity',
      email: mail('Win it', 'Win the energy saver, courtesy of Elon Musk.'),
      evidence: 'courtesy of Elon Musk',
    },
    {
      name: 'as seen on a TV show',
      email: mail('Snoring', 'The pillow as seen on Shark Tank stops snoring.'),
      evidence: 'as seen on Shark Tank',
    },
  ],
});
