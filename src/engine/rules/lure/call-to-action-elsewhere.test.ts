import { DEFAULT_DATA } from '../../data/default.js';
import { eml, ruleTester } from '../../testing.js';
import rule from './call-to-action-elsewhere.js';

const BAIT = '<p>Congratulations, you have won a prize!</p>';

ruleTester(rule, {
  valid: [
    {
      name: 'the button leads to the sender’s own site',
      email: eml({
        from: 'Shop <news@shop.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://www.shop.example/claim">Claim now</a>`,
      }),
    },
    {
      name: 'no bait: a newsletter linking elsewhere',
      email: eml({
        from: 'News <news@paper.example>',
        subject: 'Today',
        html: '<p>Our weekly digest.</p><a href="https://other.example/story">Learn more</a>',
      }),
    },
    {
      name: 'a sentence as link text is not a button',
      email: eml({
        from: 'News <news@paper.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://other.example/story">click here to read the whole story about the lottery winners of the county fair</a>`,
      }),
    },
    {
      name: 'the button wordings come from the data: none listed, no button',
      email: eml({
        from: 'Rewards <promo@mailer-a.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://collect-b.example/x">Claim your reward →</a>`,
      }),
      data: { lures: { ...DEFAULT_DATA.lures, callToAction: { phrases: {}, sources: [] } } },
    },
  ],
  invalid: [
    {
      name: 'a claim button to an unrelated site',
      email: eml({
        from: 'Rewards <promo@mailer-a.example>',
        subject: 'Prize',
        html: `${BAIT}<a href="https://collect-b.example/x">Claim your reward →</a>`,
      }),
      evidence: 'collect-b.example',
    },
    {
      name: 'a Japanese 「こちら」 button',
      email: eml({
        from: 'Rewards <promo@mailer-a.example>',
        subject: '当選',
        html: '<p>おめでとうございます！当選しました。</p><a href="https://collect-b.example/x">こちら</a>',
      }),
      evidence: 'collect-b.example',
    },
    {
      name: 'a Portuguese button',
      email: eml({
        from: 'Promo <promo@mailer-a.example>',
        subject: 'Prêmio',
        html: '<p>Parabéns, você ganhou um prêmio!</p><a href="https://collect-b.example/x">Clique aqui</a>',
      }),
      evidence: 'collect-b.example',
    },
  ],
});
