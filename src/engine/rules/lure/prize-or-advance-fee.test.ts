import { eml, ruleTester } from '../../testing.js';
import rule from './prize-or-advance-fee.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'winning a match', email: mail('Re: game', 'Our team won the match yesterday.') },
    { name: 'large numbers in news', email: mail('News', 'The city spent 18 million on a new bridge.') },
    {
      name: 'a kit claim form at work',
      email: mail('Expenses', 'Please claim your travel costs on the usual form.'),
    },
  ],
  invalid: [
    {
      name: 'the reader’s address drawn in a German prize draw',
      email: mail('Exklusiv', 'Ihre E-Mail-Adresse wurde für die Endauslosung ausgewählt!'),
      evidence: 'Endauslosung',
    },
    {
      name: 'your e-mail was selected',
      email: mail('Notice', 'Your email address has been selected in our annual draw.'),
      evidence: 'has been selected',
    },
    {
      name: 'a free kit to claim',
      email: mail('Health', 'Claim your free health kit today.'),
      evidence: 'Claim your free health kit',
    },
    {
      name: 'you have won',
      email: mail('Congratulations!', 'You have won an iPhone. Claim your prize now.'),
      evidence: 'You have won',
    },
    {
      name: 'inheritance',
      email: mail(
        'Family matters',
        'I contact you as next of kin of a deceased client who left a sum of $10.5 million.',
      ),
      evidence: 'next of kin',
    },
    {
      name: 'German winner',
      email: mail('Gewinnspiel', 'Sie haben gewonnen! Ihr Gutschein wartet.'),
      evidence: 'Sie haben gewonnen',
    },
    {
      name: 'a lottery winner donating to a stranger, the sum spelled out',
      email: mail(
        'Donation',
        'My husband and I have donated the sum of two million five hundred thousand united states dollars to you.',
      ),
      evidence: 'donated',
    },
    {
      name: 'a Portuguese donation',
      email: mail('Doação', 'A Sra. Silva doou cinco milhões de dólares para você.'),
      evidence: 'doou',
    },
    {
      name: 'a German unclaimed amount',
      email: mail(
        'Betrag',
        'Wir haben einen nicht eingeforderten Betrag, der mit Ihrem Namen verknüpft ist.',
      ),
      evidence: 'nicht eingeforderten Betrag',
    },
  ],
});
