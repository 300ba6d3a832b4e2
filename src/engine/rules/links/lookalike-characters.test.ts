import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_DATA } from '../../data/default.js';
import { scanText } from '../../scan.js';
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
      name: 'a URL typed in full width in an SMS: says full-width, not "looks like a slash"',
      text: '再配達はこちら ｈｔｔｐｓ：／／ｓａｇａｗａ－ｅｘａｍｐｌｅ．ｔｏｐ／ｊｐ',
      evidence: 'ｓａｇａｗａ',
    },
    {
      name: 'mathematical bold letters to another domain',
      email: html('https://𝐚𝐦𝐚𝐳𝐨𝐧-login.top/'),
      evidence: '𝐚𝐦𝐚𝐳𝐨𝐧',
    },
  ],
});

it('names full-width characters as such, and a lone full-width @ among plain letters as a look-alike', () => {
  const message = (text: string) =>
    scanText(text, DEFAULT_DATA).findings.find((f) => f.rule === rule.meta.id)?.message;
  const wide = message('再配達 ｈｔｔｐｓ：／／ｓａｇａｗａ－ｅｘａｍｐｌｅ．ｔｏｐ／ｊｐ');
  assert.match(wide?.ja ?? '', /全角文字/);
  assert.match(wide?.en ?? '', /full-width/);
  assert.doesNotMatch(wide?.en ?? '', /only look like/);
  assert.match(message('https://www.amazon.co.jp\uff20evil.top/')?.en ?? '', /only look like/);
});
