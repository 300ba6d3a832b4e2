/**
 * Why a card charge looks like fraud, each reason with an id, a weight, the evidence a person can check and a
 * sentence in Japanese and English (the engine's finding shape). Weights add up like the engine's score; a charge
 * is flagged at 30, so one weak sign (a new shop, a digital shop) alone never flags, two together or a strong one do.
 */
import { fold } from '../../engine/analysis/text.js';
import { DEFAULT_MERCHANTS, type MerchantData, type MerchantEntry } from './data.js';
import { daysBetween, merchantKey, yen } from './text.js';
import type { Charge, FlaggedCharge, OpenCase, PastCharge, Reason } from './types.js';

export const FLAG_THRESHOLD = 30;

export const WEIGHTS = {
  newMerchant: 10,
  repeatedTwice: 20,
  repeatedMore: 35,
  digital: 20,
  giftCard: 25,
  testCharge: 10,
  testThenLarger: 25,
  foreignCurrency: 15,
  overseasName: 10,
  openCase: 60,
} as const;

export interface FlagContext {
  /** The card's name (as given with --card); cases name cards the same way. */
  card: string;
  /** Charges stored for this card before this import (its history). */
  history: PastCharge[];
  /** Merchant keys stored on the card from any source (defaults to the history's). */
  seenMerchants?: string[];
  /** Merchants the user marked as known on this card (any spelling; compared by merchantKey). */
  known: string[];
  /** Open recovery cases (only those naming this card matter). */
  cases: OpenCase[];
  merchants?: MerchantData;
}

type Matcher = { entry: MerchantEntry; test: (folded: string) => boolean };
const compiled = new WeakMap<MerchantData, { list: Matcher[]; overseas: ((s: string) => boolean)[] }>();

function pattern(p: string): (s: string) => boolean {
  if (p.startsWith('re:')) {
    const re = new RegExp(p.slice(3), 'u');
    return (s) => re.test(s);
  }
  const lit = fold(p);
  return (s) => s.includes(lit);
}

function matchers(data: MerchantData) {
  let c = compiled.get(data);
  if (!c) {
    c = {
      list: data.merchants.map((entry) => {
        const tests = entry.patterns.map(pattern);
        return { entry, test: (s: string) => tests.some((t) => t(s)) };
      }),
      overseas: data.overseas.patterns.map(pattern),
    };
    compiled.set(data, c);
  }
  return c;
}

/** The fraud-favoured merchant a name matches; gift cards win over the brand's own digital store. */
export function favouredMerchant(
  name: string | null,
  data: MerchantData = DEFAULT_MERCHANTS,
): MerchantEntry | null {
  if (!name) return null;
  const folded = fold(name).replace(/\s+/g, ' ');
  const hits = matchers(data).list.filter((m) => m.test(folded));
  return hits.find((m) => m.entry.kind === 'gift-card')?.entry ?? hits[0]?.entry ?? null;
}

export function flagCharges(charges: Charge[], ctx: FlagContext): FlaggedCharge[] {
  const data = ctx.merchants ?? DEFAULT_MERCHANTS;
  const known = new Set(ctx.known.map(merchantKey));
  const seen = new Set(
    [
      ...(ctx.seenMerchants ?? []),
      ...ctx.history.map((h) => (h.merchant ? merchantKey(h.merchant) : '')),
    ].filter(Boolean),
  );
  const all: PastCharge[] = [...ctx.history, ...charges];
  const allKeys = all.map((o) => (o.merchant ? merchantKey(o.merchant) : ''));
  const cardCases = ctx.cases.filter((c) =>
    c.cards.some((n) => n.trim().toLowerCase() === ctx.card.toLowerCase()),
  );
  const { overseas } = matchers(data);

  return charges.map((c) => {
    const reasons: Reason[] = [];
    const key = c.merchant ? merchantKey(c.merchant) : '';
    // A known name also covers the longer forms networks print (`STEAMGAMES.COM` for `STEAMGAMES.COM PURCHASE`).
    const isKnown =
      key !== '' &&
      (known.has(key) || [...known].some((k) => key.startsWith(`${k} `) || key.startsWith(`${k}*`)));
    const shown = c.merchant ?? '（利用先なし / merchant not given）';
    const where = `${c.date} ${shown} ${yen(c.amount)}`;

    if (key && !isKnown && seen.size > 0 && !seen.has(key)) {
      reasons.push({
        id: 'charges/new-merchant',
        weight: WEIGHTS.newMerchant,
        evidence: [{ kind: 'phrase', value: shown, where: 'merchant' }],
        message: {
          ja: `このカードで初めて見る利用先です: ${shown}`,
          en: `a merchant never seen before on this card: ${shown}`,
        },
      });
    }

    if (c.amount > 0) {
      const same = all.filter(
        (o, j) =>
          o.amount === c.amount &&
          allKeys[j] === key &&
          Math.abs(daysBetween(o.date, c.date)) <= data.repeat.withinDays,
      );
      if (same.length >= 2) {
        const dates = same.map((o) => o.date).sort();
        reasons.push({
          id: 'charges/repeated-amount',
          weight: same.length >= 3 ? WEIGHTS.repeatedMore : WEIGHTS.repeatedTwice,
          evidence: [
            { kind: 'phrase', value: `${shown} ${yen(c.amount)} × ${same.length}`, where: dates.join(', ') },
          ],
          message: {
            ja: `同じ金額（${yen(c.amount)}）が${data.repeat.withinDays}日以内に${same.length}回請求されています（${dates.join('、')}）`,
            en: `the same amount (${c.amount.toLocaleString('en')} yen) charged ${same.length} times within ${data.repeat.withinDays} days (${dates.join(', ')})`,
          },
        });
      }
    }

    const favoured = isKnown ? null : favouredMerchant(c.merchant, data);
    if (favoured) {
      const gift = favoured.kind === 'gift-card';
      reasons.push({
        id: gift ? 'charges/gift-card' : 'charges/digital-content',
        weight: gift ? WEIGHTS.giftCard : WEIGHTS.digital,
        evidence: [{ kind: 'phrase', value: shown, where: 'merchant' }],
        message: gift
          ? {
              ja: `ギフトカード・プリペイドの購入です（${favoured.name}）。盗んだカードを換金する手口でよく使われます`,
              en: `a gift-card or prepaid purchase (${favoured.name}): a common way to cash out a stolen card`,
            }
          : {
              ja: `デジタルコンテンツの利用先です（${favoured.name}）。足がつきにくいため不正利用で狙われやすい種類です`,
              en: `a digital-content merchant (${favoured.name}): favoured by fraudsters because nothing is shipped`,
            },
      });
    }

    const small =
      c.amount > 0 &&
      (c.currency && c.originalAmount !== null
        ? c.originalAmount <= data.testCharge.maxForeign
        : c.amount <= data.testCharge.maxYen);
    if (small && !isKnown && !seen.has(key)) {
      const larger = all.find(
        (o, j) =>
          o !== c &&
          o.amount > c.amount * 5 &&
          allKeys[j] === key &&
          daysBetween(c.date, o.date) >= 0 &&
          daysBetween(c.date, o.date) <= 3,
      );
      reasons.push({
        id: 'charges/test-charge',
        weight: larger ? WEIGHTS.testThenLarger : WEIGHTS.testCharge,
        evidence: [
          { kind: 'phrase', value: where, where: 'charge' },
          ...(larger
            ? [{ kind: 'phrase' as const, value: `${larger.date} ${yen(larger.amount)}`, where: 'then' }]
            : []),
        ],
        message: larger
          ? {
              ja: `少額の「お試し」請求（${yen(c.amount)}）の直後に同じ利用先で高額の請求（${yen(larger.amount)}）があります`,
              en: `a tiny "test" charge (${c.amount} yen) followed by a larger one (${larger.amount} yen) at the same merchant`,
            }
          : {
              ja: `少額の請求です（${yen(c.amount)}）。盗んだカードが使えるか試す「テスト決済」のことがあります`,
              en: `a very small charge (${c.amount} yen): stolen cards are often tested with one`,
            },
      });
    }

    if (!isKnown) {
      const folded = c.merchant ? fold(c.merchant).replace(/\s+/g, ' ').trim() : '';
      if (c.currency && c.currency !== 'JPY') {
        reasons.push({
          id: 'charges/foreign',
          weight: WEIGHTS.foreignCurrency,
          evidence: [
            {
              kind: 'phrase',
              value: `${c.originalAmount ?? ''} ${c.currency}`.trim(),
              where: shown,
            },
          ],
          message: {
            ja: `外貨建ての請求です（${c.originalAmount ?? ''} ${c.currency}）。海外での利用に覚えがなければ確認してください`,
            en: `a foreign-currency charge (${c.originalAmount ?? ''} ${c.currency})`,
          },
        });
      } else if (folded && overseas.some((t) => t(folded))) {
        reasons.push({
          id: 'charges/foreign',
          weight: WEIGHTS.overseasName,
          evidence: [{ kind: 'phrase', value: shown, where: 'merchant' }],
          message: {
            ja: `海外の加盟店と思われる利用先です: ${shown}`,
            en: `the merchant looks like an overseas one: ${shown}`,
          },
        });
      }
    }

    for (const kase of cardCases) {
      if (c.date >= kase.leakDate) {
        reasons.push({
          id: 'charges/open-case',
          weight: WEIGHTS.openCase,
          evidence: [{ kind: 'phrase', value: `case ${kase.id}: leak ${kase.leakDate}`, where: 'case' }],
          message: {
            ja: `このカードは対応中のケース（${kase.title ?? kase.id}）で漏えいの可能性があり、漏えい日（${kase.leakDate}）以降の請求です`,
            en: `this card is named in an open recovery case (${kase.title ?? kase.id}) and the charge is after its leak date (${kase.leakDate})`,
          },
        });
        break;
      }
    }

    reasons.sort((a, b) => b.weight - a.weight);
    const score = Math.max(
      0,
      Math.min(
        100,
        reasons.reduce((s, r) => s + r.weight, 0),
      ),
    );
    return { ...c, card: ctx.card, score, flagged: score >= FLAG_THRESHOLD, reasons };
  });
}
