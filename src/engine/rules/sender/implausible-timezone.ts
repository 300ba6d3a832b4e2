import { defineRule } from '../../rule.js';

/** The zone at the end of a Date header: `+0800`, `-0500`, `GMT`, `JST` … as ±hhmm. */
export function dateZone(date: string | null): string | null {
  if (!date) return null;
  const m = /\s([+-]\d{4})\s*(?:\([^)]*\))?\s*$/.exec(date);
  if (m?.[1]) return m[1];
  const named: Record<string, string> = {
    UT: '+0000',
    GMT: '+0000',
    Z: '+0000',
    JST: '+0900',
    EST: '-0500',
    EDT: '-0400',
    CST: '-0600',
    CDT: '-0500',
    MST: '-0700',
    MDT: '-0600',
    PST: '-0800',
    PDT: '-0700',
  };
  const n = /\s([A-Z]{1,3})\s*$/.exec(`${date.trim()} `);
  return n?.[1] ? (named[n[1]] ?? null) : null;
}

/**
 * The Date header was written in a time zone the claimed brand does not send from (a "Japanese" bank at +0800).
 * Weak: only the brand's catalogued zones count, and a genuine (authenticated) mail is never judged by it.
 */
export default defineRule({
  meta: {
    id: 'sender/implausible-timezone',
    family: 'sender',
    category: 'phishing',
    weight: 5,
    description: {
      ja: '送信日時のタイムゾーンが、名乗っているブランドの通常の送信地域と合わない',
      en: "The Date header's time zone does not fit the brand the message claims to be",
    },
  },
  check({ message, claims, senderBrand }) {
    const claim = claims[0];
    if (message.kind !== 'email' || senderBrand || !claim || claim.score < 4) return null;
    const zones = claim.brand.timezones;
    if (!zones?.length) return null;
    const zone = dateZone(message.date);
    if (!zone || zones.includes(zone)) return null;
    // -0000 means "zone unknown" (RFC 5322 §3.3) and +0000 is what many relays write: neither says anything.
    if (zone === '-0000' || zone === '+0000') return null;
    return {
      evidence: [{ kind: 'header', value: `Date: ${message.date}`, where: 'date' }],
      message: {
        ja: `${claim.brand.name.ja}を名乗っていますが、送信日時のタイムゾーン（${zone}）は${claim.brand.name.ja}のメールで通常使われるもの（${zones.join('、')}）と異なります`,
        en: `It speaks as ${claim.brand.name.en}, but the Date header's time zone (${zone}) is not the one ${claim.brand.name.en}'s mail uses (${zones.join(', ')})`,
      },
    };
  },
});
