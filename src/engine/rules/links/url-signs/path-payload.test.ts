import { ruleTester } from '../../../testing.js';
import rule from '../url-profile.js';

// What the link carries: encoded ids, a kit's key, the reader's address, planted pages, domains as folders.
ruleTester(rule, {
  valid: [
    {
      name: 'an archive’s copy of a Japanese page',
      url: 'https://archive.example.org/web/2020/https://www.example.co.jp/',
    },
    {
      name: 'a picture in WordPress uploads',
      url: 'https://www.example.com/wp-content/uploads/2024/05/shop.jpg',
    },
    {
      name: 'WordPress’s own admin page',
      url: 'https://www.example.com/wp-admin/post.php?post=12&action=edit',
    },
    { name: 'WordPress network admin', url: 'https://www.example.com/wp-admin/network/' },
    {
      name: 'an unsubscribe link with the address in plain sight in the query',
      url: 'https://news.example.com/unsubscribe?email=taro.yamada@example.jp',
    },
  ],
  invalid: [
    {
      name: 'a machine-made parameter name',
      url: 'https://www.hotel-example.com/?AI8z91nw7HA9kL1Q8h=FoWPzlKZj',
      evidence: 'AI8z91nw7HA9kL1Q8h',
    },
    {
      name: 'a sign-in page planted in wp-includes of an ordinary site',
      url: 'https://www.example-koumuten.com/wp-includes/fonts/track/verification/',
      evidence: 'wp-includes',
    },
    {
      name: 'a folder of pages under wp-admin’s images',
      url: 'https://www.example.com.br/wp-admin/images/store/webmail_login.php',
      evidence: 'example.com.br',
    },
    {
      name: 'a base64 token with padding as the page',
      url: 'http://www.example.xyz/YWJjZDAwMDU3Pwo=',
      evidence: 'xyz',
    },
    {
      name: 'the reader’s address in base64 in the query (pre-filled fake sign-in)',
      url: 'https://www.example-koumuten.com/mail/?k=dGFyby55YW1hZGFAZXhhbXBsZS5qcA==',
      evidence: 'example-koumuten.com',
    },
    {
      name: 'the reader’s address after the #',
      url: 'https://www.example-koumuten.com/share/#taro.yamada@example.jp',
      evidence: 'example-koumuten.com',
    },
    {
      name: 'an encoded id as the whole path',
      url: 'https://www.example-koumuten.com/a3IwMDY1P3',
      evidence: 'a3IwMDY1P3',
    },
  ],
});
