import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTester } from '../../testing.js';
import rule, { randomness } from './random-host.js';

it('randomness tells words from machine-made strings', () => {
  for (const w of [
    'amazon',
    'example',
    'strength',
    'shinkansen',
    'zhonghua',
    'huangjinlibao',
    'shop24',
    'mixi',
    'rhythm',
  ])
    assert.equal(randomness(w), 0, w);
  for (const r of ['qpkwucj', 'ohdpvmh', '1g2st61go', 'g1cf4bl7']) assert.ok(randomness(r) >= 1, r);
});

ruleTester(rule, {
  valid: [
    { name: 'a word domain', url: 'https://www.example.com/' },
    { name: 'a Japanese company in romaji', url: 'https://www.shinkansen-ryokou.co.jp/' },
    { name: 'a pinyin domain', url: 'https://www.zhonghuashangcheng.com/' },
    { name: 'a CDN hash in a subdomain only', url: 'https://d3kx7q9zwbp1r.cloudfront.net/img.png' },
  ],
  invalid: [
    { name: 'random .cn label', url: 'https://www.qpkwucj.cn/', evidence: 'qpkwucj' },
    { name: 'digits and letters mixed', url: 'https://1g2st61go.duckdns.org/', evidence: '1g2st61go' },
  ],
});
