import { eml, ruleTester } from '../../testing.js';
import rule from './userinfo-trick.js';

ruleTester(rule, {
  valid: [
    { name: 'a plain link', url: 'https://www.amazon.co.jp/gp/your-account' },
    { name: 'an @ in the path', url: 'https://example.com/users/@taro' },
    { name: 'an @ in the query', url: 'https://example.com/share?to=taro@example.jp' },
    {
      name: 'a mailto link',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        html: '<a href="mailto:info@example.jp">info@example.jp</a>',
      }),
    },
  ],
  invalid: [
    {
      name: 'brand domain before the @',
      url: 'https://www.amazon.co.jp@evil.top/signin',
      evidence: 'evil.top',
    },
    {
      name: 'in an e-mail link',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        html: '<a href="http://secure.rakuten.co.jp@198.51.100.7/">楽天</a>',
      }),
      evidence: '198.51.100.7',
    },
    { name: 'user and password', url: 'http://login:pw@example.top/' },
  ],
});
