import { brandOfDomain } from '../../analysis/brands.js';
import type { Link } from '../../analysis/links.js';
import { URL_LOOKALIKES } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';
import { linkEvidence } from './common.js';

/** The part between `scheme://` and the first real `/`, `?` or `#`, as written. */
function rawAuthority(href: string): string {
  const rest = href.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/|[\u2215\u2044\u29f8\uff0f\u2571]{2})?/i, '');
  return rest.split(/[/?#\\]/)[0] ?? '';
}

/** Styled or full-width letters that the browser silently turns into plain ones (𝐚𝐦𝐚𝐳𝐨𝐧, ａｍａｚｏｎ). */
function styledLetters(authority: string): boolean {
  for (const ch of authority) {
    if (ch.charCodeAt(0) < 0x80) continue;
    const n = ch.normalize('NFKC');
    if (n !== ch && /^[\x20-\x7e]+$/.test(n)) return true;
  }
  return false;
}

/** `amazon.co.jp∕login.evil.top`: a character that looks like `/`, `.` or `@` but is not one. */
export default defineRule({
  meta: {
    id: 'links/lookalike-characters',
    family: 'links',
    category: 'phishing',
    weight: 35,
    description: {
      ja: 'リンクのアドレスに「/」「.」「@」や英字に見えるだけの別の文字が使われている',
      en: 'The link uses characters that only look like "/", ".", "@" or plain letters',
    },
  },
  check({ links, brands }) {
    const found: { link: Link; kind: 'separator' | 'fullwidth' | 'styled'; chars?: string }[] = [];
    for (const link of links) {
      if (!/^(?:https?:|www\.|\/\/)/i.test(link.href) && link.source !== 'input' && link.source !== 'text')
        continue;
      const authority = rawAuthority(link.href);
      if (URL_LOOKALIKES.test(authority)) {
        const chars = [...new Set([...authority].filter((c) => URL_LOOKALIKES.test(c)))];
        // A URL typed all in full width (ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ, as a Japanese keyboard types it) is not
        // a look-alike trick on the separators; one full-width ＠ or ／ among plain letters is.
        const fullwidth = chars.every((c) => c >= '\uff01' && c <= '\uff5e') && !/[a-z0-9]/i.test(authority);
        found.push({ link, kind: fullwidth ? 'fullwidth' : 'separator', chars: chars.join('') });
      } else if (styledLetters(authority) && !brandOfDomain(brands, link.host?.registrableDomain ?? null))
        found.push({ link, kind: 'styled' });
    }
    const first = found[0];
    if (!first) return null;
    const real = first.link.host?.host;
    const where = real ? `、実際の行き先は ${real} です` : '（正しいアドレスとして開けません）';
    const whereEn = real ? `; it really goes to ${real}` : ' (it is not a valid address)';
    const message =
      first.kind === 'fullwidth'
        ? {
            ja: `リンク「${first.link.href}」は全角文字で書かれています（${first.chars} など）。フィルターをすり抜けるために全角で書かれることがあります${where}`,
            en: `The link "${first.link.href}" is written in full-width characters (${first.chars} …), which can slip past filters${whereEn}`,
          }
        : first.kind === 'separator'
          ? {
              ja: `リンク「${first.link.href}」には「/」「.」「@」に見えるだけの別の文字が使われています${where}`,
              en: `The link "${first.link.href}" uses characters that only look like "/", "." or "@"${whereEn}`,
            }
          : {
              ja: `リンク「${first.link.href}」のドメインは全角や装飾された文字で書かれています${where}`,
              en: `The link "${first.link.href}" writes its domain in full-width or styled letters${whereEn}`,
            };
    return {
      evidence: found.slice(0, 3).map((f) => ({ ...linkEvidence(f.link), value: f.link.href })),
      message,
      links: found.map((f) => f.link),
    };
  },
});
