import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eml, ruleTester } from '../../testing.js';
import rule, { unrelatedName } from './unrelated-display-name.js';

const BAIT = 'Congratulations, you have won a prize! Claim your reward today.';

ruleTester(rule, {
  valid: [
    {
      name: 'the name is the domain’s own word',
      email: eml({ from: 'Homeinsure Deals <news@mail.homeinsure.example>', subject: 'Offer', text: BAIT }),
    },
    {
      name: 'a person writing from a work address that carries their name',
      email: eml({ from: 'Jane Miller <jmiller@example-corp.example>', subject: 'Raffle', text: BAIT }),
    },
    {
      name: 'no bait: a name unlike the address is common on its own',
      email: eml({
        from: 'Coverage Team <qk7@zpqm-trading.example>',
        subject: 'Hello',
        text: 'See you Monday.',
      }),
    },
    {
      name: 'a mailing list sends under the poster’s name',
      email: eml({
        from: 'Terry Smithers <list@lists.example.org>',
        subject: 'FWD',
        text: BAIT,
        extra: ['List-Id: <fun.lists.example.org>'],
      }),
    },
    {
      name: 'a name in Japanese cannot be compared with an ASCII address',
      email: eml({ from: 'ヤマト運輸 <info@kuroneko-example.co.jp>', subject: 'お知らせ', text: BAIT }),
    },
    {
      name: 'negated bait is not bait',
      email: eml({
        from: 'Coverage Team <qk7@zpqm-trading.example>',
        subject: 'Notice',
        text: 'We will never ask you to verify your account by e-mail.',
      }),
    },
  ],
  invalid: [
    {
      name: 'an insurance offer under a name the throwaway domain has nothing to do with',
      email: eml({
        from: 'Shieldwise Home Cover <kqwZT@zxqvtrading.example>',
        subject: 'Deal',
        text: BAIT,
      }),
      evidence: 'zxqvtrading.example',
    },
    {
      name: 'accented name words are compared without their accents',
      email: eml({
        from: 'Équipe Gagnants <promo@zz-mailer.example>',
        subject: 'Félicitations',
        text: 'Félicitations, vous avez gagné ! Réclamez votre prix.',
      }),
      evidence: 'Équipe Gagnants',
    },
  ],
});

test('unrelatedName compares words, not scripts it cannot read', () => {
  assert.deepEqual(unrelatedName('Smart Driver Deal', 'x@rare.example.com'), ['smart', 'driver', 'deal']);
  assert.equal(unrelatedName('Prairie Grills', 'info@prairiegrillsxq.com'), null);
  assert.equal(unrelatedName('Shop.example', 'info@other.example'), null);
  assert.equal(unrelatedName('楽天カード', 'info@example.com'), null);
  assert.equal(unrelatedName('2024', 'info@example.com'), null);
});
