import type { Link } from '../../analysis/links.js';
import { fold } from '../../analysis/text.js';
import type { LureSet } from '../../data/types.js';
import { defineRule } from '../../rule.js';
import { sameOrganisation } from '../sender/org.js';
import { firstBait, matchEvidence, phraseSource } from './phrases.js';

const compiled = new WeakMap<LureSet, RegExp | null>();

/**
 * Link texts that ask the reader to act (a button), from the data's `callToAction` list. Whole link texts only
 * (at most a few words), so a sentence that happens to contain "here" is not a button.
 */
function callToAction(set: LureSet): RegExp | null {
  let re = compiled.get(set);
  if (re !== undefined) return re;
  const sources = Object.values(set.callToAction?.phrases ?? {})
    .flat()
    .map((p) => `(?:${phraseSource(p)})`);
  re = sources.length ? new RegExp(`^(?:${sources.join('|')})[\\s!.>»→▶►:]*$`, 'u') : null;
  compiled.set(set, re);
  return re;
}

/** The words of a button-like link text, folded, with arrows and decoration dropped. */
function buttonText(text: string | null, cta: RegExp): string | null {
  if (!text) return null;
  const t = fold(text)
    .replace(/[\s\p{Extended_Pictographic}>»→▶►✔✅👉]+/gu, ' ')
    .trim();
  if (t.length === 0 || t.length > 40) return null;
  return cta.test(t) ? t : null;
}

/**
 * A button ("Claim your reward", 「こちら」, "clique aqui") that leads to a site unrelated to the sender, in a message
 * that carries bait: the offer is made in one name and collected somewhere else.
 */
export default defineRule({
  meta: {
    id: 'lure/call-to-action-elsewhere',
    family: 'lure',
    category: 'scam',
    weight: 6,
    description: {
      ja: '誘い文句のあるメールで、「こちら」「今すぐ受け取る」などのボタンが送信元と無関係なサイトにつながっている',
      en: 'In a message with bait, a call-to-action button leads to a site unrelated to the sender',
    },
  },
  check(ctx) {
    const { message, sender, links } = ctx;
    if (message.kind !== 'email' || ctx.senderBrand || !sender.fromRegistrable) return null;
    const cta = callToAction(ctx.data.lures);
    if (!cta) return null;
    let hit: { link: Link; text: string } | null = null;
    for (const l of links) {
      if (l.source !== 'html' || !l.host?.registrableDomain || !/^https?$/.test(l.scheme ?? '')) continue;
      const text = buttonText(l.text, cta);
      if (!text) continue;
      if (sameOrganisation(l.host.registrableDomain, sender.fromRegistrable, ctx.brands)) continue;
      hit = { link: l, text };
      break;
    }
    if (!hit) return null;
    const bait = firstBait(ctx);
    if (!bait) return null;
    const site = hit.link.host?.registrableDomain ?? '';
    return {
      links: [hit.link],
      evidence: [
        { kind: 'link', value: `${hit.link.text?.trim()} → ${hit.link.destination}`, where: 'html' },
        matchEvidence(ctx, bait),
      ],
      message: {
        ja: `「${hit.link.text?.trim()}」のボタンは、送信元（${sender.fromRegistrable}）と関係のない ${site} につながっています。${bait.lure.label.ja}の文言（「${bait.phrase}」）で誘い、別のサイトへ連れて行く手口です`,
        en: `The button "${hit.link.text?.trim()}" leads to ${site}, which has nothing to do with the sender (${sender.fromRegistrable}); the ${bait.lure.label.en} wording ("${bait.phrase}") draws the reader to another site`,
      },
    };
  },
});
