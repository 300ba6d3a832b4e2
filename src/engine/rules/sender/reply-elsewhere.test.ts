import { eml, ruleTester } from '../../testing.js';
import rule from './reply-elsewhere.js';

const long =
  'Our office will be closed on Monday for the public holiday. Orders placed over the weekend will be packed on Tuesday morning and shipped the same day. The warehouse team thanks everyone for the busy season and wishes you a restful break with your families. Opening hours return to normal on Wednesday; the shop counter keeps its usual schedule.';

ruleTester(rule, {
  valid: [
    {
      name: 'Reply-To the same free mail box',
      email: eml({
        from: 'Ken <ken.sato@gmail.com>',
        headers: ['Reply-To: ken.sato@gmail.com'],
        subject: 'lunch',
        text: 'Lunch on Friday?',
      }),
    },
    {
      name: 'a long ordinary mail giving a private address, without bait',
      email: eml({
        from: 'Shop <info@azeb.example>',
        subject: 'Holiday',
        text: `${long} ${long} Questions? Write to our volunteer at helper.desk@gmail.com.`,
      }),
    },
    {
      name: 'the reader’s own address in the footer',
      email: eml({
        from: 'Shop <info@azeb.example>',
        subject: 'News',
        text: 'This e-mail was sent to user@example.jp. You won a prize!',
      }),
    },
    {
      name: 'Reply-To a company domain',
      email: eml({
        from: 'Shop <info@azeb.example>',
        headers: ['Reply-To: support@azeb-help.example'],
        subject: 'x',
        text: 'You have won a prize.',
      }),
    },
  ],
  invalid: [
    {
      name: 'an inheritance story answered at another Gmail box',
      email: eml({
        from: 'Barrister <office@azeb.example>',
        headers: ['Reply-To: private.barrister22@gmail.com'],
        subject: 'Urgent',
        text: 'You are the next of kin of my late client. Reply for details.',
      }),
      evidence: 'private.barrister22@gmail.com',
      weight: 16,
    },
    {
      name: 'a short opener with a different address in the text',
      email: eml({
        from: 'Monica <m.s@azeb.example>',
        subject: 'Blessing',
        text: 'I have been trying to reach you. Email me for details: sgt.monica.b@gmail.com',
      }),
      evidence: 'sgt.monica.b@gmail.com',
    },
  ],
});
