import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DATA } from '../../data/default.js';
import { compiledLures } from './phrases.js';
import { requiredLiterals, Trigrams } from './prefilter.js';

test('requiredLiterals: fixed text every match must contain', () => {
  assert.deepEqual(requiredLiterals('e-?mail')?.sort(), ['e-mail', 'email']);
  assert.deepEqual(requiredLiterals('un(?:lock|block) your')?.sort(), ['unblock your', 'unlock your']);
  assert.deepEqual(requiredLiterals('(?<!x)foo[ab]ar')?.sort(), ['fooaar', 'foobar']);
  assert.deepEqual(requiredLiterals('アカウント[^\\n]{0,15}(停止|凍結)'), ['アカウント']);
  assert.deepEqual(requiredLiterals('kl[iï]k')?.sort(), ['klik', 'klïk']);
  // The longest guaranteed piece wins; \s+ splits the pieces.
  assert.deepEqual(requiredLiterals('ab\\s+verify'), ['verify']);
});

test('requiredLiterals: cannot tell → null (the expression keeps running)', () => {
  assert.equal(requiredLiterals('(a|b)?'), null);
  assert.equal(requiredLiterals('[a-z]+'), null);
  assert.equal(requiredLiterals('foo|.*'), null);
  assert.equal(requiredLiterals('\\k<x>'), null);
  assert.equal(requiredLiterals('(unclosed'), null);
});

test('Trigrams: a literal not in the text is ruled out, one in it never is', () => {
  const t = new Trigrams('your account has been suspended; 停止されました');
  assert.equal(t.mayContain('suspended'), true);
  assert.equal(t.mayContain('停止'), true);
  assert.equal(t.mayContain('a'), true);
  assert.equal(t.mayContain('lottery'), false);
  assert.equal(t.mayContain('凍結'), false);
});

test('every phrase expression of every lure kind is still matched where the prefilter lets it run', () => {
  const kinds = compiledLures(DEFAULT_DATA.lures);
  const samples = [
    'your account has been suspended',
    'congratulations, you have won a prize',
    'アカウントが一時停止されました',
    'sua conta foi suspensa',
  ];
  for (const text of samples) {
    const t = new Trigrams(text);
    for (const [kind, c] of kinds) {
      c.re.lastIndex = 0;
      const hit = c.re.exec(text);
      if (hit?.[0].length && c.literals)
        assert.ok(
          c.literals.some((l) => t.mayContain(l)),
          `${kind} matched "${hit[0]}" but was filtered`,
        );
    }
  }
});
