import { ruleTester } from '../../testing.js';
import rule from './domain-in-subdomain.js';

ruleTester(rule, {
  valid: [
    { name: 'an ordinary subdomain', url: 'https://shop.example.com/' },
    { name: 'a .co.jp site', url: 'https://www.example.co.jp/' },
    { name: 'a word that ends in com', url: 'https://telecom.example.net/' },
    { name: 'a subdomain word with jp inside', url: 'https://jpn-news.example.com/' },
    { name: 'a brand name with a -jp tag is no domain ending', url: 'https://rakuten-jp.example.top/' },
    { name: 'a name that ends in -net', url: 'https://www.eki-net.example.com/' },
    { name: 'a Japanese section of a site', url: 'https://jp.example.com/' },
    { name: 'www.jp', url: 'https://www.jp.example.com/' },
  ],
  invalid: [
    {
      name: '.co.jp inside the host',
      url: 'https://aeno.co.jp.pet-example.net/aeon',
      evidence: 'pet-example.net',
    },
    { name: 'hyphenated com-jp', url: 'https://amazon-com-jp.example.top/', evidence: 'example.top' },
    { name: '.jp inside the host', url: 'https://rakuten.jp.example.top/', evidence: 'example.top' },
    { name: 'hyphenated co-jp', url: 'https://www.eki-co-jp-login.example99.cn/', evidence: 'example99.cn' },
    {
      name: '.com inside the host',
      url: 'https://secure.example.com.verify-now.top/',
      evidence: 'verify-now.top',
    },
  ],
});
