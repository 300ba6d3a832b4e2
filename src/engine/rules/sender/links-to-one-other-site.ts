import type { Link } from '../../analysis/links.js';
import { isListMail } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { findHost } from '../links/common.js';
import { firstBait, matchEvidence } from '../lure/phrases.js';
import { isFreeMail, sameOrganisation } from './org.js';

/** Letters and digits (subject included) below which a mail says next to nothing: a picture, a line, a button. */
const SAYS_LITTLE = 120;

/**
 * Every web link of the mail leads to one and the same site, and that site has nothing to do with the From domain,
 * which the mail never links to at all — not even for an unsubscribe page or a privacy notice. A company links its own
 * site; a sending run from a throwaway domain exists only to move the reader to the one site it advertises.
 * Counted in a message with bait, or in one that says next to nothing besides the link (a picture, a line).
 */
export default defineRule({
  meta: {
    id: 'sender/links-to-one-other-site',
    family: 'sender',
    category: 'scam',
    weight: 10,
    description: {
      ja: '誘い文句のあるメールで、リンクがすべて送信元と無関係な一つのサイトにつながり、送信元ドメインへのリンクが一つもない',
      en: 'In a message with bait, every link leads to one site unrelated to the sender, and none to the sender’s own domain',
    },
  },
  check(ctx) {
    const { message, sender, links, data } = ctx;
    if (message.kind !== 'email' || ctx.senderBrand || !sender.fromRegistrable) return null;
    if (isFreeMail(sender.fromRegistrable, data.hosts)) return null;
    if (isListMail(message)) return null;
    const web: Link[] = [];
    for (const l of links) {
      if (!/^https?$/.test(l.scheme ?? '') || !l.host?.registrableDomain) continue;
      if (l.source !== 'html' && l.source !== 'text') continue;
      // A mail service's click-tracking address hides where the link leads: it tells nothing either way.
      if (findHost(l.host.host, data.hosts.sharedEsp)) continue;
      web.push(l);
    }
    const first = web[0];
    const site = first?.host?.registrableDomain;
    if (!first || !site) return null;
    if (web.some((l) => l.host?.registrableDomain !== site)) return null;
    if (sameOrganisation(site, sender.fromRegistrable, ctx.brands)) return null;
    const bait = firstBait(ctx);
    if (!bait) {
      // A mail that says next to nothing (a picture, a line) is only a pointer: the site it points to is its message.
      const said = ctx.text.replace(/[^\p{L}\p{N}]/gu, '').length;
      if (said > SAYS_LITTLE) return null;
      // ...and either a picture carries it, or a receiver we trust saw that the sender's domain is not proven: a
      // feed item or a forwarded link from a known sender ("URL: …", a line of text) is neither.
      const pictured = (message.htmlDigest?.images ?? 0) > 0;
      const unproven = sender.trusted !== null && sender.authenticatedDomain === null;
      if (!pictured && !unproven) return null;
      return {
        weight: 8,
        links: web.slice(0, 5),
        evidence: [{ kind: 'link', value: first.destination, where: first.source }],
        message: {
          ja: `送信元は ${sender.fromRegistrable} ですが、ほとんど何も書かれていないメールで、リンク（${web.length}件）はすべて無関係な ${site} につながっています。送信元のサイトへのリンクは一つもありません`,
          en: `The mail comes from ${sender.fromRegistrable} and says next to nothing, yet all ${web.length} link(s) lead to the unrelated ${site} and none to the sender’s own site`,
        },
      };
    }
    return {
      links: web.slice(0, 5),
      evidence: [{ kind: 'link', value: first.destination, where: first.source }, matchEvidence(ctx, bait)],
      message: {
        ja: `送信元は ${sender.fromRegistrable} ですが、リンク（${web.length}件）はすべて無関係な ${site} につながり、送信元のサイトへのリンクは一つもありません。${bait.lure.label.ja}の文言で誘い、使い捨てのドメインから広告先のサイトへ送り込む形です`,
        en: `The mail comes from ${sender.fromRegistrable}, yet all ${web.length} link(s) lead to the unrelated ${site} and none to the sender’s own site; with the ${bait.lure.label.en} wording, this is a throwaway sending domain pushing readers to the one site it advertises`,
      },
    };
  },
});
