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
    {
      name: 'a feed item: a line and a link to the story, no picture, no receiver verdict',
      email: eml({
        from: 'guardian <rssfeeds@feeds.example>',
        subject: 'Tanker blast',
        text: 'URL: http://www.news.example/click/1,2,3/\n\nShip burns off the coast.',
      }),
    },
  ],
  invalid: [
    {
      name: 'a picture and nothing else, pointing at an unrelated site',
      email: eml({
        from: 'Gift Team <news@mailer-a.example>',
        subject: 'For you',
        html: '<a href="https://promo.example/x"><img src="https://promo.example/banner.png"></a>',
      }),
      evidence: 'promo.example',
      weight: 8,
    },
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
