import { eml, ruleTester } from '../../testing.js';
import rule from './crypto-bait.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'crypto news', email: mail('Re: markets', 'Bitcoin prices fell today according to analysts.') },
  ],
  invalid: [
    {
      name: 'airdrop',
      email: mail('Airdrop live', 'Claim your tokens now: connect your wallet to receive the airdrop.'),
      evidence: 'airdrop',
    },
    {
      name: 'wallet verification',
      email: mail('Action', 'Wallet verification is required to keep access.'),
      evidence: 'Wallet verification',
    },
  ],
});
