import { ruleTester } from '../../testing.js';
import rule from './credential-path.js';

ruleTester(rule, {
  valid: [
    { name: 'the brand’s own sign-in page', url: 'https://www.amazon.co.jp/ap/signin' },
    { name: 'an article page', url: 'https://www.example.com/news/2024/01/article.html' },
    {
      name: 'a word that contains a keyword',
      url: 'https://www.example.com/blog/paying-attention-to-detail',
    },
  ],
  invalid: [
    {
      name: 'a brand’s name as a page of another site',
      url: 'https://y9wz70hj.example.co/myjcb/inf',
      evidence: 'example.co',
    },
    {
      name: 'a sign-in path elsewhere',
      url: 'https://rakutensuper.example.com/ap/signin',
      evidence: 'rakutensuper',
    },
    { name: 'login.php', url: 'http://example.top/secure/login.php', evidence: 'example.top' },
    { name: 'account update', url: 'https://example.com/account/update?id=1', evidence: 'example.com' },
  ],
});
