import { eml, ruleTester } from '../../testing.js';
import rule from './lookalike-characters.js';

const html = (href: string, text = 'こちら') =>
  eml({ from: 'a <a@example.jp>', subject: 'x', html: `<a href="${href}">${text}</a>` });

ruleTester(rule, {
  valid: [
    { name: 'a plain link', url: 'https://www.amazon.co.jp/gp/css/order-history' },
    { name: 'a legitimate Japanese IDN', url: 'https://日本語.jp/' },
    { name: 'a division slash in the path only', email: html('https://example.com/a\u2215b') },
    {
      name: 'full-width letters that lead to the brand’s own domain',
      email: html('https://ａｍａｚｏｎ.co.jp/'),
    },
  ],
  invalid: [
    {
      name: 'division slash in the host',
      url: 'https://amazon.co.jp\u2215signin.evil.top/',
      evidence: 'amazon.co.jp',
    },
    { name: 'fraction slash', email: html('https://www.apple.com\u2044id.evil.top/'), evidence: 'apple.com' },
    {
      name: 'full-width at sign',
      email: html('https://www.amazon.co.jp\uff20evil.top/'),
      evidence: 'evil.top',
    },
    {
      name: 'mathematical bold letters to another domain',
      email: html('https://𝐚𝐦𝐚𝐳𝐨𝐧-login.top/'),
      evidence: '𝐚𝐦𝐚𝐳𝐨𝐧',
    },
  ],
});
