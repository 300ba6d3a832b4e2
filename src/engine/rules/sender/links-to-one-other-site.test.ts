import { eml, ruleTester } from '../../testing.js';
import rule from './links-to-one-other-site.js';

const BAIT = '<p>Congratulations, you have won a prize! Claim it today.</p>';

ruleTester(rule, {
  valid: [
    {
      name: 'the sender links its own site too',
      email: eml({
        from: 'Shop <news@shop.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://promo.example/x">Claim</a><a href="https://www.shop.example/privacy">Privacy</a>`,
      }),
    },
    {
      name: 'links to several sites',
      email: eml({
        from: 'Shop <news@mailer-a.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://promo.example/x">Claim</a><a href="https://other.example/y">More</a>`,
      }),
    },
    {
      name: 'no bait: a note linking one article elsewhere',
      email: eml({
        from: 'Ann <ann@home.example>',
        subject: 'Look',
        text: 'Thought you would like this: https://news.example/story',
      }),
    },
    {
      name: 'a mailing-list post',
      email: eml({
        from: 'Ann <ann@home.example>',
        subject: 'Prize',
        headers: ['List-Id: <talk.lists.example>'],
        html: `${BAIT}<a href="https://promo.example/x">Claim</a>`,
      }),
    },
  ],
  invalid: [
    {
      name: 'every link leads to one unrelated site',
      email: eml({
        from: 'Coverage Team <offer@mailer-a.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://promo.example/a">Claim</a><a href="https://www.promo.example/b">Unsubscribe</a>`,
      }),
      evidence: 'promo.example',
    },
  ],
});
