import { eml, ruleTester } from '../../testing.js';
import rule from './generic-greeting.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'named greeting', email: mail('Hello', 'Dear Taro, thanks for the notes.') },
    {
      name: 'greeting deep in a long text',
      email: mail(
        'Story',
        'Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Dear customer support, I wrote a story.',
      ),
    },
  ],
  invalid: [
    {
      name: 'dear customer',
      email: mail('Notice', 'Dear Customer,\nYour statement is ready.'),
      evidence: 'Dear Customer',
    },
    {
      name: 'ja okyakusama',
      email: mail('お知らせ', 'お客様\nご利用ありがとうございます。'),
      evidence: 'お客様',
    },
  ],
});
