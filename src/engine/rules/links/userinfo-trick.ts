import { defineRule } from '../../rule.js';
import { firstDistinct, linkEvidence, shown, type WebLink, webLinks } from './common.js';

/** `https://www.amazon.co.jp@evil.top/`: everything before the @ is ignored; the browser goes to evil.top. */
export default defineRule({
  meta: {
    id: 'links/userinfo-trick',
    family: 'links',
    category: 'phishing',
    weight: 35,
    description: {
      ja: 'リンクの「@」より前に別のアドレスを書き、本当の行き先を隠している',
      en: 'The link hides its real host behind a fake one written before an @',
    },
  },
  check({ links }) {
    const found: { link: WebLink }[] = webLinks(links)
      .filter((l) => l.userinfo)
      .map((link) => ({ link }));
    const first = found[0];
    if (!first) return null;
    const fake = first.link.userinfo ?? '';
    // A domain-looking user part is the trick; a bare user name (ftp-style) is only odd.
    const looksLikeHost = /[.\u3002\uff0e]/.test(fake) || /^www/i.test(fake);
    return {
      weight: looksLikeHost ? 35 : 15,
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: {
        ja: `リンクは「${fake}」に見えますが、「@」より前は無視され、実際には ${shown(first.link)} に移動します`,
        en: `The link seems to start with "${fake}", but everything before the @ is ignored: it really goes to ${shown(first.link)}`,
      },
      links: found.map((f) => f.link),
    };
  },
});
