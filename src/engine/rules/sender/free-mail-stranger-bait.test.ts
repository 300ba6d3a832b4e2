import { eml, ruleTester } from '../../testing.js';
import rule from './free-mail-stranger-bait.js';

const STORY =
  'I am the widow of a late contractor and I want to transfer the funds to you as the beneficiary.';

ruleTester(rule, {
  valid: [
    {
      name: 'the same story from an organisation domain',
      email: eml({ from: 'Estate Office <office@estate.example>', subject: 'Estate', text: STORY }),
    },
    {
      name: 'a friend on Gmail with ordinary news',
      email: eml({
        from: 'Ken <ken.sato@gmail.com>',
        subject: 'dinner',
        text: 'See you at 7, I booked the table.',
      }),
    },
    {
      name: 'a mailing-list post quoting a scam',
      email: eml({
        from: 'Ann <ann.list@gmail.com>',
        subject: 'Look what I got',
        headers: ['List-Id: <fraud-watch.lists.example>'],
        text: STORY,
      }),
    },
    {
      name: 'a free mail account selling a used bike, no money story',
      email: eml({
        from: 'Ken <ken.sato@gmail.com>',
        subject: 'bike',
        text: 'The bike is still for sale, 120 euros, you can pick it up on Saturday.',
      }),
    },
  ],
  invalid: [
    {
      name: 'an inheritance story from Gmail',
      email: eml({ from: 'Mrs Rose <rose.widow1960@gmail.com>', subject: 'Dear friend', text: STORY }),
      evidence: 'rose.widow1960@gmail.com',
    },
    {
      name: 'a romance opener from Outlook',
      email: eml({
        from: 'Alice <alice.sweet28@outlook.com>',
        subject: 'Hi',
        text: 'I am a single 28 yo woman looking for a kind man. I will send you my photo.',
      }),
      evidence: 'alice.sweet28@outlook.com',
    },
  ],
});
