import { defineRule } from '../../rule.js';

/**
 * Kinds that count. An `<iframe>` and a script loaded by `src` alone do not: old newsletters embedded their ads and
 * libraries that way (about one hard-ham mail in five carries an iframe), so they say nothing about the sender.
 */
const WEAK = new Set(['<iframe>', '<script src>']);

/**
 * HTML mail that carries active content: scripts written into it, event handlers, javascript: URLs, meta refresh,
 * frames and embedded objects. No mail client runs them, so genuine senders have no reason to send them; phishing
 * pages pasted into mail and kits do. Some old newsletters did too, so it is a weak sign on its own: measured, it is in
 * ~3% of phishing_pot but ~8% of hard ham (inline scripts of 2002 newsletters, one with a javascript: link), so it
 * only adds to other signs (weight 8 flagged a genuine Yahoo! News mail; 4 does not).
 */
export default defineRule({
  meta: {
    id: 'content/active-content',
    family: 'content',
    category: 'phishing',
    weight: 4,
    description: {
      ja: 'メールの HTML にスクリプトやイベント処理、自動転送などの動作する部品が含まれている',
      en: 'The mail’s HTML carries active content: scripts, event handlers, automatic redirects or embedded objects',
    },
  },
  check({ message }) {
    const found = message.htmlDigest?.activeContent ?? [];
    const strong = found.filter((k) => !WEAK.has(k));
    if (!strong.length) return null;
    const list = found.slice(0, 5).join(', ');
    return {
      evidence: [{ kind: 'phrase', value: list, where: 'html' }],
      message: {
        ja: `メールの HTML に動作する部品（${list}）が含まれています。メールソフトはこれらを実行しないため、正規の送信者は通常送りません。フィッシングサイトのページをそのまま貼り付けたメールによく見られます`,
        en: `The mail’s HTML carries active content (${list}). Mail programs do not run it, so genuine senders have no reason to send it; it is typical of phishing pages pasted into mail`,
      },
    };
  },
});
