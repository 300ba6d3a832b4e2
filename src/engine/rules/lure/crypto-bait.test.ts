import { eml, ruleTester } from '../../testing.js';
import rule from './crypto-bait.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'crypto news', email: mail('Re: markets', 'Bitcoin prices fell today according to analysts.') },
    { name: 'hidden files', email: mail('Tip', 'Hidden files and dormant accounts are cleaned up weekly.') },
  ],
  invalid: [
    {
      name: 'hidden tokens in the wallet',
      email: mail('Discover hidden tokens', 'Unlock hidden Web3 assets held in your wallet.'),
      evidence: 'hidden Web3 assets',
    },
    {
      name: 'a cloud mining balance',
      email: mail('Your balance', 'Your cloud mining account holds 1.2 BTC ready to withdraw.'),
      evidence: 'cloud mining account',
    },
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
    {
      name: 'a token claim with the coin named in between',
      email: mail('Claim Your DOGEM Token NOW!', 'Hurry, supply is scarce.'),
      evidence: 'Claim Your DOGEM Token',
    },
  ],
});
