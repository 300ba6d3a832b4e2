import { eml, ruleTester } from '../../testing.js';
import rule from './romance-bait.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'a cable hookup', email: mail('Install', 'The biggest cable hookup in town, installed today.') },
    {
      name: 'a travel story',
      email: mail('Trip', 'We met hundreds of Thai women at the market who sold silk.'),
    },
    { name: 'a dating app job ad', email: mail('Hiring', 'We are hiring engineers for our search team.') },
  ],
  invalid: [
    {
      name: 'singles near you',
      email: mail(
        'Treffen Sie heiße russische Singles – siehe Fotos!',
        'Singles in Ihrer Nähe warten auf Sie.',
      ),
      evidence: 'russische Singles',
    },
    {
      name: 'a stranger who likes you',
      email: mail('New message (1)', 'Hi, I like you very much. Would you like to have a chat with me?'),
      evidence: 'like you very much',
    },
    {
      name: 'Japanese contact bait',
      email: mail('新着メッセージ', '人妻からメッセージが届きました。無料で出会える'),
      evidence: '無料で出会える',
    },
    {
      name: 'a stranger single woman offering her photo',
      email: mail(
        'Hi handsome',
        'I am a single 28 yo woman, today I am looking for a kind man. I will send you my photo.',
      ),
      evidence: 'send you my photo',
    },
    {
      name: 'a friendship request from a stranger',
      email: mail('Hello', 'Sorry to contact you this way. Please consider my friend request.'),
      evidence: 'consider my friend request',
    },
  ],
});
