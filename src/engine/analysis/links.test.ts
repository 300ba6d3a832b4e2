import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DATA } from '../data/default.js';
import { emptyMessage } from '../parse/message.js';
import { extractLinks } from './links.js';

function linksOf(text: string) {
  const m = emptyMessage('text');
  m.text = text;
  return extractLinks(m, DEFAULT_DATA.hosts);
}

test('full-width URLs in SMS text are found and read as their plain form', () => {
  const [l] = linksOf(
    '【楽天】ご本人様確認のため ｈｔｔｐｓ：／／ｒａｋｕｔｅｎ－ｊｐ．ｅｘａｍｐｌｅ．ｔｏｐ／ｌｏｇｉｎ　からログインしてください',
  );
  assert.ok(l);
  assert.equal(l.host?.host, 'rakuten-jp.example.top');
  assert.equal(l.destination, 'https://rakuten-jp.example.top/login');
});

test('plain URLs still end at Japanese punctuation', () => {
  const [l] = linksOf('詳しくは https://www.example.com/a。');
  assert.equal(l?.destination, 'https://www.example.com/a');
});
