import { eml, ruleTester } from '../../testing.js';
import rule from './bulk-without-unsubscribe.js';

const OFFER =
  '<p>Congratulations, you have won a prize!</p><a href="https://offer.example.com/a">Claim</a> <a href="https://offer.example.com/b">Details</a>';

ruleTester(rule, {
  valid: [
    {
      name: 'a marketing mail with List-Unsubscribe',
      email: eml({
        from: 'Shop <news@shop.example>',
        subject: 'Prize draw',
        html: OFFER,
        extra: [
          'List-Unsubscribe: <https://shop.example/u?x=1>',
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        ],
      }),
    },
    {
      name: 'a mailing list post (List-Id)',
      email: eml({
        from: 'A <a@lists.example.org>',
        subject: 'Prize',
        html: OFFER,
        extra: ['List-Id: <x.lists.example.org>'],
      }),
    },
    {
      name: 'no bait: a person sending two links',
      email: eml({
        from: 'A <a@example.org>',
        subject: 'Links',
        html: '<a href="https://a.example/">one</a> <a href="https://b.example/">two</a>',
      }),
    },
    {
      name: 'bait in a plain note without links or pictures',
      email: eml({
        from: 'A <a@example.org>',
        subject: 'Ha',
        text: 'Congratulations, you have won a prize!',
      }),
    },
  ],
  invalid: [
    {
      name: 'an offer with links and no List-Unsubscribe',
      email: eml({ from: 'Deals <x@deals.example>', subject: 'Prize', html: OFFER }),
      evidence: 'List-Unsubscribe',
    },
  ],
});
