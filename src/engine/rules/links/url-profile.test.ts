import { eml, ruleTester } from '../../testing.js';
import rule from './url-profile.js';

// The rule as a whole: only a pasted URL, never a brand's own site, two signs together. Each kind of sign is
// tested beside its detector in ./url-signs/.
ruleTester(rule, {
  valid: [
    { name: 'an ordinary site', url: 'https://www.example.com/news/2024/01/article.html' },
    { name: 'a brand’s own site', url: 'https://www.amazon.co.jp/ap/signin' },
    {
      name: 'only for a bare URL, not links in an e-mail',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        html: '<a href="https://qpkwucj.example.top/login.php">x</a>',
      }),
    },
  ],
  invalid: [
    {
      name: 'two independent signs: a number host and a base64 page',
      url: 'https://8072.example-koumuten.com/YWJjZDAwMDU3Pwo=',
      weight: 30,
    },
  ],
});
