import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DATA } from './data/default.js';
import type { EngineData } from './data/types.js';
import type { Finding, Report } from './report.js';
import type { Rule } from './rule.js';
import { scanEmail, scanText, scanUrl } from './scan.js';

/** Builds a raw RFC 5322 message for tests: headers in the given order (top = newest hop), then the body. */
export function eml(opts: {
  headers?: string[];
  from?: string;
  subject?: string;
  date?: string;
  text?: string;
  html?: string;
  extra?: string[];
}): string {
  const lines = [...(opts.headers ?? [])];
  if (opts.from !== undefined) lines.push(`From: ${opts.from}`);
  lines.push('To: user@example.jp');
  if (opts.subject !== undefined) lines.push(`Subject: ${encodeWord(opts.subject)}`);
  lines.push(`Date: ${opts.date ?? 'Fri, 08 May 2020 10:00:00 +0900'}`);
  lines.push('Message-ID: <test@example.jp>', 'MIME-Version: 1.0', ...(opts.extra ?? []));
  if (opts.html !== undefined) {
    lines.push('Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', opts.html);
  } else {
    lines.push(
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      opts.text ?? '',
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function encodeWord(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;
}

/** One input for a rule: an e-mail (raw source), an SMS text or a URL. */
export interface RuleCase {
  name: string;
  email?: string;
  text?: string;
  url?: string;
  data?: Partial<EngineData>;
  /** Invalid cases: a substring that some evidence value of the hit must contain. */
  evidence?: string;
  /** Invalid cases: the weight the first hit must carry (for graded rules). */
  weight?: number;
}

export async function runCase(c: RuleCase, rules?: Rule[]): Promise<Report> {
  const data = { ...DEFAULT_DATA, ...c.data };
  const opts = { rules, now: new Date('2026-11-23T00:00:00Z') };
  if (c.email !== undefined) return scanEmail(c.email, data, opts);
  if (c.text !== undefined) return scanText(c.text, data, opts);
  return scanUrl(c.url ?? '', data, opts);
}

/**
 * The RuleTester: each rule's own table of inputs it must not fire on (`valid`) and must fire on (`invalid`),
 * run through the whole pipeline with that rule alone.
 */
export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      assert.match(rule.meta.id, /^[a-z]+\/[a-z0-9-]+$/);
      assert.ok(rule.meta.id.startsWith(`${rule.meta.family}/`), 'id starts with its family');
      assert.ok(rule.meta.description.ja && rule.meta.description.en);
      assert.equal(rule.meta.weight < 0, rule.meta.category === 'trust', 'only trust rules weigh negative');
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const hits = own(await runCase(c, [rule]), rule);
        assert.deepEqual(hits, [], `expected no hit, got ${JSON.stringify(hits.map((h) => h.evidence))}`);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const hits = own(await runCase(c, [rule]), rule);
        assert.ok(hits.length > 0, 'expected a hit');
        for (const h of hits) {
          assert.ok(h.message.ja && h.message.en, 'every hit explains itself in ja and en');
          assert.ok(h.evidence.length > 0, 'every hit carries evidence');
        }
        if (c.weight !== undefined) assert.equal(hits[0]?.weight, c.weight, 'weight');
        if (c.evidence) {
          const values = hits.flatMap((h) => h.evidence.map((e) => e.value));
          assert.ok(
            values.some((v) => v.includes(c.evidence ?? '')),
            `evidence ${JSON.stringify(values)} should include ${c.evidence}`,
          );
        }
      });
    }
  });
}

function own(report: Report, rule: Rule): Finding[] {
  return report.findings.filter((f) => f.rule === rule.meta.id);
}
