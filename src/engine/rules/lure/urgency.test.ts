import { eml, ruleTester } from '../../testing.js';
import rule from './urgency.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'calm text', email: mail('Meeting', "Let's meet next week when convenient.") },
    {
      name: 'urgent inside an address',
      email: mail('Re: radio', 'Thomas <thomas@urgent.example.org> wrote: the best radio.'),
    },
  ],
  invalid: [
    { name: '24 hours (ja)', email: mail('重要', '24時間以内にご対応ください。'), evidence: '24時間以内' },
    {
      name: 'English final notice',
      email: mail('FINAL NOTICE', 'Act now or your mailbox will be permanently deleted.'),
      evidence: 'FINAL NOTICE',
    },
  ],
});
