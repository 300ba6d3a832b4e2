import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_DATA } from '../engine/data/default.js';
import { DEFAULT_LIBRARY } from './library.js';
import { PLAYBOOKS } from './playbooks.js';
import { HAPPENED } from './types.js';
import { validatePlaybooks } from './validate.js';

const dir = new URL('../../../data/playbooks/', import.meta.url);

/** Playbooks are data, checked like code: every file loads, validates, and cites where each fact came from. */
describe('data/playbooks', () => {
  it('every file in data/playbooks is bundled', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    assert.deepEqual(files, PLAYBOOKS.map((p) => p.id).sort());
  });

  it('validates: ids resolve, both languages, sources cited, unconfirmed facts marked', () => {
    assert.deepEqual(validatePlaybooks(PLAYBOOKS), []);
  });

  it('has at least the required playbooks', () => {
    const kinds = new Map(PLAYBOOKS.map((p) => [p.id, p.kind]));
    for (const id of ['amazon', 'rakuten', 'rakuten-card', 'smbc-card', 'apple'])
      assert.ok(kinds.has(id), id);
    assert.equal(kinds.get('generic-card'), 'generic-card');
    assert.equal(kinds.get('generic-service'), 'generic-service');
    assert.equal(kinds.get('sms-delivery'), 'sms-lure');
    assert.equal(kinds.get('common'), 'common');
  });

  it('brand ids exist in data/brands.json', () => {
    const known = new Set(DEFAULT_DATA.brands.brands.map((b) => b.id));
    for (const p of PLAYBOOKS) for (const b of p.brands) assert.ok(known.has(b), `${p.id}: ${b}`);
  });

  it('the generic playbooks cover every happening their kind can meet', () => {
    const covered = (id: string) =>
      new Set(PLAYBOOKS.find((p) => p.id === id)?.scenarios.map((s) => s.happened));
    for (const h of HAPPENED) assert.ok(covered('generic-service').has(h) || covered('common').has(h), h);
    assert.ok(covered('generic-card').has('card-entered') && covered('generic-card').has('unknown-charges'));
  });

  it('every contact with a value is confirmed by an official or authority page, or marked unverified with its seed', () => {
    for (const c of DEFAULT_LIBRARY.contacts.values()) {
      if (!c.value) continue;
      const kinds = c.sources.map((s) => DEFAULT_LIBRARY.sources.get(s)?.kind);
      if (c.unverified) assert.ok(kinds.includes('seed'), c.id);
      else assert.ok(kinds.includes('official') || kinds.includes('authority'), c.id);
    }
    const seedPhone = DEFAULT_LIBRARY.contacts.get('amazon-phone-seed');
    assert.equal(seedPhone?.value, '0120-999-373');
    assert.equal(seedPhone?.unverified, true);
  });

  it('official and authority sources are web pages checked on 2026-11-23', () => {
    for (const s of DEFAULT_LIBRARY.sources.values()) {
      assert.equal(s.checked, '2026-11-23', s.id);
      if (s.kind === 'official' || s.kind === 'authority') assert.match(s.url, /^https?:\/\//, s.id);
    }
  });

  it('catches what it is meant to catch', () => {
    const broken = structuredClone(PLAYBOOKS.find((p) => p.id === 'amazon'));
    assert.ok(broken);
    const first = broken.steps[0];
    assert.ok(first);
    first.sources = ['seed-002'];
    delete first.unverified;
    broken.contacts.push({
      id: 'guess',
      kind: 'phone',
      name: { ja: '推測', en: 'guess' },
      value: '0120-000-000',
      sources: [],
    });
    broken.scenarios.push({ happened: 'received', steps: ['amazon.nowhere'] });
    const others = PLAYBOOKS.filter((p) => p.id !== 'amazon');
    const errors = validatePlaybooks([broken, ...others]).join('\n');
    assert.match(errors, /step amazon\.verify-message-centre: no official or authority source/);
    assert.match(errors, /contact guess: cites no source/);
    assert.match(errors, /unknown step amazon\.nowhere/);
  });
});
