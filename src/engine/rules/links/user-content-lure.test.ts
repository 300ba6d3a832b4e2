import { eml, ruleTester } from '../../testing.js';
import rule from './user-content-lure.js';

const FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSexampleexampleexample/viewform';

ruleTester(rule, {
  valid: [
    {
      name: 'a newsletter sharing a Google Doc without bait',
      email: eml({
        from: 'Club news <news@club.example.org>',
        subject: 'Minutes of the March meeting',
        text: 'Hello all, the minutes are here: https://docs.google.com/document/d/1abcDEFghiJKLmnop/edit Thanks, Ann',
      }),
    },
    {
      name: 'a Google mail linking to its own Docs (no bait, the claimed brand runs the service)',
      email: eml({
        from: 'Google <no-reply@example.net>',
        subject: 'Google Docs',
        text: 'Google Docs: open https://docs.google.com/document/d/1abcDEFghiJKLmnop/edit',
      }),
    },
    {
      name: 'a bait mail whose Google Form is one link among many sites',
      email: eml({
        from: 'a <a@example.org>',
        subject: 'Your account will be suspended',
        text: `Your account will be suspended. ${FORM} https://a.example.com/x https://b.example.net/y https://c.example.org/z`,
      }),
    },
    {
      name: 'a bare Google Docs URL (not a form)',
      url: 'https://docs.google.com/document/d/1abcDEFghiJKLmnop/edit',
    },
    { name: 'the Google Forms start page', url: 'https://docs.google.com/forms/' },
    { name: 'a bare Weebly page (not a form)', url: 'https://someshop.weebly.com/' },
    { name: 'Weebly itself', url: 'https://www.weebly.com/signup' },
    {
      name: 'a bait mail with a Google Form among a digest of many sites',
      email: eml({
        from: 'Weekly <digest@example.org>',
        subject: 'Claim your prize in our weekly quiz',
        text: `Claim your prize: ${FORM} ${Array.from({ length: 10 }, (_, i) => `https://site${i}.example${i}.com/a`).join(' ')}`,
      }),
    },
  ],
  invalid: [
    {
      name: 'a bait mail whose only link is a Google Form',
      email: eml({
        from: 'Mail Admin <admin@example.org>',
        subject: 'Your account will be suspended',
        text: `Your account will be suspended within 24 hours. Verify your account here: ${FORM}`,
      }),
      evidence: 'docs.google.com/forms',
      weight: 15,
    },
    {
      name: 'a PayPal claim whose form is on Microsoft Forms',
      email: eml({
        from: 'PayPal <service@example.top>',
        subject: 'PayPal: your account has been limited',
        text: 'PayPal: your account has been limited. Please confirm your details: https://forms.office.com/r/AbCdEf123',
      }),
      evidence: 'forms.office.com',
    },
    {
      name: 'an SMS with bait and a forms.gle link',
      text: '【重要】お客様のアカウントを一時停止しました。確認はこちら https://forms.gle/AbCdEf12345',
      evidence: 'forms.gle',
    },
    { name: 'a bare Google Form URL (low weight)', url: FORM, evidence: 'docs.google.com', weight: 8 },
    { name: 'a bare forms.gle URL', url: 'https://forms.gle/AbCdEf12345', weight: 8 },
    {
      name: 'a get-rich bait whose form is on Yandex Forms',
      email: eml({
        from: 'Support <support@example.org>',
        subject: 'You have won a prize',
        text: 'Congratulations, you have won a prize! Fill in the form to receive it: https://forms.yandex.com/u/65f0a1b2c3d4e5f6a7b8c9d0/',
      }),
      evidence: 'forms.yandex.com',
    },
    {
      name: 'a Google Drawings page with bait and decoration links to Google',
      email: eml({
        from: 'Docs <share@example.org>',
        subject: 'Payment pending',
        text: 'Your account will be suspended. Review: https://docs.google.com/drawings/d/1abcDEFghiJKLmnop/preview https://workspace.google.com/ https://docs.google.com/',
      }),
      evidence: 'docs.google.com/drawings',
    },
    {
      name: 'a crypto bait on an IPFS gateway page',
      email: eml({
        from: 'Wallet <team@example.org>',
        subject: 'Airdrop',
        text: 'Claim your airdrop now: https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
      }),
      evidence: 'ipfs.io/ipfs/',
    },
  ],
});
