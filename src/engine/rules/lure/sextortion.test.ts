import { eml, ruleTester } from '../../testing.js';
import rule from './sextortion.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'one phrase only', email: mail('Webcam deal', 'Our new webcam is 20% off this week.') },
    { name: 'security talk', email: mail('Re: spyware', 'Spyware remains a problem on old laptops.') },
  ],
  invalid: [
    {
      name: 'classic sextortion',
      email: mail(
        'I know your secret',
        'I hacked your device and recorded you through the webcam while you watched adult websites. Send 1000 USD in bitcoin or I send the video to all your contacts.',
      ),
      evidence: 'hacked your device',
    },
  ],
});
