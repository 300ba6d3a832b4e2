import { advice } from './advice.js';
import type { TrustedResult } from './analysis/authentication.js';
import { brandClaims, brandIndex, brandOfDomain } from './analysis/brands.js';
import { extractLinks } from './analysis/links.js';
import { type SenderFacts, senderFacts } from './analysis/sender.js';
import { fold } from './analysis/text.js';
import type { Brand, EngineData, TrustedReceiver } from './data/types.js';
import { DEFAULT_LIMITS, type ParseLimits, parseEmail } from './parse/email.js';
import { emptyMessage, type Message, visibleText } from './parse/message.js';
import {
  type Finding,
  type Genuine,
  type LinkReport,
  type Report,
  SCHEMA_VERSION,
  type SenderSummary,
  type Source,
} from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { prepareLures } from './rules/lure/phrases.js';
import { decide } from './verdict.js';

export interface ScanOptions {
  source?: Source;
  limits?: ParseLimits;
  /** Extra receivers whose Authentication-Results the user trusts (`--trust-receiver`). */
  trustReceivers?: string[];
  now?: Date;
  rules?: Rule[];
  /**
   * A live authentication check the adapter injects (mailauth over DNS in Node); the engine itself does no I/O.
   * It gets the raw source of the message analysed (the original, for a forward as attachment).
   */
  verifyAuth?: (raw: Uint8Array | string) => Promise<TrustedResult | null>;
}

export async function scanEmail(
  raw: Uint8Array | string,
  data: EngineData,
  options: ScanOptions = {},
): Promise<Report> {
  return (await inspectEmail(raw, data, options)).report;
}

/** The report together with the parsed message it was built from, for adapters that also show the mail (preview). */
export async function inspectEmail(
  raw: Uint8Array | string,
  data: EngineData,
  options: ScanOptions = {},
): Promise<{ report: Report; message: Message }> {
  const message = await parseEmail(raw, options.limits ?? DEFAULT_LIMITS);
  const live = options.verifyAuth && message.raw ? await options.verifyAuth(message.raw) : null;
  return { report: analyse(message, data, options, live), message };
}

/** An SMS or chat message: the text is the body, links in it are found even without a scheme. */
export function scanText(text: string, data: EngineData, options: ScanOptions = {}): Report {
  const message = emptyMessage('text');
  message.text = text;
  return analyse(message, data, options);
}

export function scanUrl(url: string, data: EngineData, options: ScanOptions = {}): Report {
  const message = emptyMessage('url');
  message.text = url.trim();
  return analyse(message, data, options);
}

export function receiversFor(data: EngineData, extra: string[] = []): TrustedReceiver[] {
  const added = extra.map(
    (host): TrustedReceiver => ({
      id: host,
      authservIds: [host.toLowerCase()],
      byHosts: [host.toLowerCase()],
      placement: 'above',
      sources: [],
    }),
  );
  return [...data.receivers, ...added];
}

export function analyse(
  message: Message,
  data: EngineData,
  options: ScanOptions = {},
  live: TrustedResult | null = null,
): Report {
  const brands = brandIndex(data);
  const links = extractLinks(message, data.hosts);
  const claims = brandClaims(message, links, brands);
  const sender = senderFacts(message, receiversFor(data, options.trustReceivers), live);
  // An authenticated address at a brand's free-mail service (someone@icloud.com) is one of its users, not the brand.
  const freeMailUser =
    sender.fromDomain !== null && data.hosts.freeMail.includes(sender.fromDomain.toLowerCase());
  const senderBrand =
    sender.authenticatedDomain && !freeMailUser ? brandOfDomain(brands, sender.fromRegistrable) : null;
  const text = visibleText(message);
  const ctx: RuleContext = {
    message,
    data,
    brands,
    sender,
    links,
    claims,
    brand: claims[0]?.brand ?? null,
    senderBrand,
    text,
    folded: fold(text),
    now: options.now ?? new Date(),
  };
  const findings: Finding[] = [];
  const linkRisks = new Map<number, LinkReport['risks']>();
  // What is built once per data set is built before the clock starts: the first message's time limit is for it.
  prepareLures(data.lures);
  // JavaScript cannot pre-empt a running rule, so the time limit is checked between rules.
  const deadline = performance.now() + (options.limits ?? DEFAULT_LIMITS).maxMillis;
  for (const rule of options.rules ?? RULES) {
    if (performance.now() > deadline) {
      message.problems.push({
        ja: `時間制限を超えたため、一部の検査（${rule.meta.id} 以降）を省略しました`,
        en: `time limit reached: checks from ${rule.meta.id} on were skipped`,
      });
      break;
    }
    const result = rule.check(ctx);
    const hits = result === null ? [] : Array.isArray(result) ? result : [result];
    for (const hit of hits) {
      findings.push({
        rule: rule.meta.id,
        family: rule.meta.family,
        category: rule.meta.category,
        weight: hit.weight ?? rule.meta.weight,
        evidence: hit.evidence,
        message: hit.message,
      });
      for (const l of hit.links ?? []) {
        const i = links.indexOf(l);
        if (i >= 0)
          linkRisks.set(i, [...(linkRisks.get(i) ?? []), { rule: rule.meta.id, message: hit.message }]);
      }
    }
  }
  findings.sort((a, b) => b.weight - a.weight);
  const { verdict, score } = decide(findings);
  const brand = senderBrand ?? ctx.brand;
  const genuine = genuineOf(sender, senderBrand, noticeOf(ctx.folded, data));
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: message.kind,
    verdict,
    score,
    brand: brand?.id ?? null,
    genuine,
    sender: summary(message, sender, ctx.brand),
    subject: message.subject,
    findings,
    links: links.map((l, i) => ({
      text: l.text,
      href: l.href,
      destination: l.destination,
      host: l.host?.host ?? null,
      registrableDomain: l.host?.registrableDomain ?? null,
      source: l.source,
      risks: linkRisks.get(i) ?? [],
    })),
    advice: advice(verdict, brand, genuine),
    problems: message.problems,
    forwarded: message.forwarded,
    source: options.source ?? { path: '-' },
  };
}

function genuineOf(sender: SenderFacts, brand: Brand | null, notice: Genuine['notice']): Genuine | null {
  if (!brand || !sender.authenticatedDomain || !sender.trusted) return null;
  const at = sender.trusted.receiver.id;
  const how = sender.proof ?? '';
  return {
    brand: brand.id,
    domain: sender.authenticatedDomain,
    notice,
    evidence: {
      ja: `${brand.name.ja}の正規の${notice?.label.ja ?? 'メール'}: ${at} が ${sender.authenticatedDomain} を認証（${how}）`,
      en: `genuine ${brand.name.en} ${notice?.label.en ?? 'message'}: ${how.startsWith('dmarc') ? 'DMARC' : how.split('=')[0]?.toUpperCase()} pass for ${sender.authenticatedDomain} at ${at}`,
    },
  };
}

/** Notice phrases in the form they are looked for, worked out once per data set. */
const noticePhrases = new WeakMap<EngineData, string[][]>();

/** The first kind of account notice whose phrases appear near the top of the message. */
function noticeOf(folded: string, data: EngineData): Genuine['notice'] {
  let phrases = noticePhrases.get(data);
  if (!phrases) {
    phrases = data.notices.notices.map((n) => n.phrases.map((p) => p.normalize('NFKC').toLowerCase()));
    noticePhrases.set(data, phrases);
  }
  const head = folded.slice(0, 3000);
  for (const [i, n] of data.notices.notices.entries()) {
    if (phrases[i]?.some((p) => head.includes(p))) return { kind: n.kind, label: n.label };
  }
  return null;
}

function summary(message: Message, sender: SenderFacts, claimed: Brand | null): SenderSummary {
  const claimedPart = {
    name: message.from?.name || null,
    address: message.from?.address || null,
    brand: claimed?.id ?? null,
  };
  const base = {
    claimed: claimedPart,
    authenticatedDomain: sender.authenticatedDomain,
    authenticatedBy: sender.trusted?.receiver.id ?? null,
  };
  if (message.kind !== 'email') {
    return {
      ...base,
      summary: {
        ja: '送信元を確認する手段がありません（SMS・URL）',
        en: 'cannot tell (no sender to verify in a text or URL)',
      },
    };
  }
  if (sender.authenticatedDomain) {
    return {
      ...base,
      summary: {
        ja: `${sender.authenticatedDomain} から本当に送信されています`,
        en: `really sent by ${sender.authenticatedDomain}`,
      },
    };
  }
  const actual = sender.actualDomains.find((d) => d !== sender.fromDomain);
  const who = claimed?.name.en ?? sender.fromDomain ?? 'someone';
  const whoJa = claimed?.name.ja ?? sender.fromDomain ?? '誰か';
  if (actual) {
    return {
      ...base,
      summary: {
        ja: `${whoJa}を名乗っていますが、実際の送信元は ${actual} です`,
        en: `claims ${who}, sent by ${actual}`,
      },
    };
  }
  return { ...base, summary: { ja: '送信元を確認できません', en: 'cannot tell' } };
}
