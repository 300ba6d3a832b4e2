import { digestHtml } from '../../parse/html.js';
import { defineRule } from '../../rule.js';

const HTML_NAME = /\.(?:html?|shtml?|xhtml|mht|mhtml|svgz?)$/i;
const HTML_MIME = /^(?:text\/html|application\/xhtml\+xml|image\/svg\+xml)$/;
/** What makes a file a working page rather than a picture: scripts, forms, links, redirects. */
const ACTIVE =
  /<script|<form|<iframe|<foreignobject|\bon(?:load|click|error)\s*=|http-equiv\s*=\s*["']?refresh|window\.location|document\.write|atob\s*\(|\bhref\s*=/i;

/** A web page sent as a file: it opens locally, out of reach of the browser's phishing warnings. */
export default defineRule({
  meta: {
    id: 'content/html-attachment',
    family: 'content',
    category: 'phishing',
    weight: 30,
    description: {
      ja: 'HTML／SVGファイルの添付（偽のログイン画面をファイルとして送る手口）',
      en: 'An HTML or SVG attachment (a fake sign-in page sent as a file)',
    },
  },
  check({ message }) {
    for (const a of message.attachments) {
      const name = a.filename ?? '';
      // An unnamed text/html part is usually the body in an unusual structure, not a file.
      if (!HTML_NAME.test(name) && !(name && HTML_MIME.test(a.mimeType))) continue;
      const source = new TextDecoder().decode(a.content.subarray(0, 2 * 1024 * 1024));
      const isSvg = /\.svgz?$/i.test(name) || a.mimeType === 'image/svg+xml';
      const active = ACTIVE.test(source);
      // A plain SVG drawing is harmless; one with script or links is a page.
      if (isSvg && !active) continue;
      const digest = isSvg ? null : digestHtml(source);
      const asksSecrets = (digest?.sensitiveInputs.length ?? 0) > 0 || (digest?.forms ?? 0) > 0;
      return {
        evidence: [{ kind: 'attachment', value: name, where: `attachment:${name}` }],
        weight: asksSecrets || (isSvg && /<script/i.test(source)) ? 40 : 30,
        message: asksSecrets
          ? {
              ja: `添付ファイル「${name}」は入力欄のあるWebページです。開いてIDやパスワード、カード番号を入力させる手口です`,
              en: `The attachment "${name}" is a web page with input fields: opening it asks for your ID, password or card number`,
            }
          : {
              ja: `添付ファイル「${name}」はWebページ（${isSvg ? 'SVG' : 'HTML'}）です。開くと偽サイトに誘導されるおそれがあります`,
              en: `The attachment "${name}" is a web page (${isSvg ? 'SVG' : 'HTML'}); opening it may lead to a fake site`,
            },
      };
    }
    return null;
  },
});
