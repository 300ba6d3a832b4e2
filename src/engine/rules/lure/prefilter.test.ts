import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_DATA } from '../../data/default.js';
import { compiledLures } from './phrases.js';
import { LiteralIndex, requiredLiterals } from './prefilter.js';

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

test('every phrase expression of every lure kind is still matched where the prefilter lets it run', () => {
  const kinds = compiledLures(DEFAULT_DATA.lures);
  const samples = [
    'your account has been suspended',
    'congratulations, you have won a prize',
    'アカウントが一時停止されました',
    'sua conta foi suspensa',
  ];
  for (const text of samples) {
    const present = new LiteralIndex([...kinds.values()].map((c) => c.literals)).present(text);
    for (const [kind, c] of kinds) {
      c.re.lastIndex = 0;
      const hit = c.re.exec(text);
      if (hit?.[0].length && c.literals)
        assert.ok(present[c.group] === 1, `${kind} matched "${hit[0]}" but was filtered`);
    }
  }
});

test('LiteralIndex: a group is present exactly when one of its literals is a substring of the text', () => {
  const alphabet = ['a', 'b', 'c', 'ab', 'アカ', 'ウ', ' '];
  const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((w) => w.join(''));
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.array(word, { maxLength: 5 }), { freq: 6 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((w) => w.join('')),
      (groups, text) => {
        const index = new LiteralIndex(groups);
        const expected = groups.map((g) => (g === null || g.some((l) => text.includes(l)) ? 1 : 0));
        assert.deepEqual([...index.present(text)], expected);
      },
    ),
    { numRuns: 2000 },
  );
});

test('LiteralIndex over the lure kinds agrees with a literal-by-literal search on sample texts', () => {
  const kinds = [...compiledLures(DEFAULT_DATA.lures).values()];
  const index = new LiteralIndex(kinds.map((c) => c.literals));
  for (const text of [
    'your account has been suspended. verify your identity within 24 hours',
    'congratulations, you have won a prize! claim your reward',
    'アカウントが一時停止されました。至急ご確認ください',
    'sua conta foi suspensa',
    '',
  ]) {
    const present = index.present(text);
    kinds.forEach((c, g) => {
      assert.equal(present[g] === 1, c.literals === null || c.literals.some((l) => text.includes(l)));
    });
  }
});
