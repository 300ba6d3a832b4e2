import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'tldts';
import { DEFAULT_DATA } from '../src/engine/data/default.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const { brands } = DEFAULT_DATA.brands;

/** Data is not code, but it is checked like code: every entry cites where it was checked and when. */
describe('data/brands.json', () => {
  it('has unique ids and at least the 40 brands most impersonated in JPCERT/CC 2023–2024 plus global ones', () => {
    const ids = brands.map((b) => b.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(brands.length >= 50, `${brands.length} brands`);
    for (const id of ['amazon', 'apple', 'microsoft', 'google', 'paypal', 'netflix', 'dhl'])
      assert.ok(ids.includes(id), id);
  });

  for (const b of brands) {
    it(`${b.id}: cited, dated, registrable domains, names in both languages`, () => {
      assert.ok(b.name.ja && b.name.en);
      assert.ok(b.sources.length > 0, 'cites a source');
      for (const s of b.sources) {
        assert.ok(s.url === 'editorial' || /^https?:\/\//.test(s.url), s.url);
        assert.match(s.checked, DATE);
      }
      for (const d of [...b.officialDomains, ...b.senderDomains]) {
        assert.equal(parse(d).domain, d, `${d} is a registrable domain`);
      }
      assert.ok(parse(new URL(b.officialUrl).hostname).domain, b.officialUrl);
      assert.ok(
        b.officialDomains.includes(parse(new URL(b.officialUrl).hostname).domain ?? ''),
        'official URL on an official domain',
      );
      for (const p of b.phones ?? []) assert.ok(b.sources[p.source], `phone ${p.number} cites a source`);
      if (b.report) assert.ok(b.sources[b.report.source], 'report contact cites a source');
      for (const k of b.domainKeywords) assert.match(k, /^[a-z0-9-]{3,}$/);
    });
  }
});

describe('data/receivers.json', () => {
  it('every trusted receiver cites the public examples its layout was checked against', () => {
    for (const r of DEFAULT_DATA.receivers) {
      assert.ok(r.sources.length > 0, r.id);
      for (const s of r.sources) assert.match(s.checked, DATE);
      assert.ok(r.byHosts.length > 0, r.id);
    }
  });
});

describe('data/lures.json and data/notices.json', () => {
  it('every lure kind has phrases and a label in both languages; regular expressions compile', () => {
    for (const l of DEFAULT_DATA.lures.lures) {
      assert.ok(l.label.ja && l.label.en, l.kind);
      const phrases = Object.values(l.phrases).flat();
      assert.ok(phrases.length > 0, l.kind);
      for (const p of phrases)
        if (p.startsWith('re:')) assert.doesNotThrow(() => new RegExp(p.slice(3), 'u'), p);
    }
    for (const n of DEFAULT_DATA.notices.notices) assert.ok(n.phrases.length > 0 && n.label.ja && n.label.en);
  });
});

describe('data/hosts.json', () => {
  it('lists hosts in lower case without schemes, and cites its sources', () => {
    const h = DEFAULT_DATA.hosts;
    for (const host of [...h.shorteners, ...h.freeHosting, ...h.dynamicDns, ...h.freeMail, ...h.sharedEsp]) {
      assert.match(host, /^[a-z0-9.-]+$/, host);
    }
    assert.ok(h.sources.length > 0);
  });
});
