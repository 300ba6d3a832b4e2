import { defineRule } from '../../rule.js';

/** Visible letters below which a mail "says" nothing in text (a signature line or "click here" is allowed). */
const MAX_TEXT = 25;
/** A picture set as a CSS background (a clickable box instead of an <img>), or the old background= attribute. */
const BACKGROUND_IMAGE = /background(?:-image)?\s*:[^;"'>]{0,80}url\(|\sbackground\s*=\s*["']?https?:/gi;

/** The whole message is a picture with a link: no text for filters to read, and the reader sees only the image. */
export default defineRule({
  meta: {
    id: 'content/image-only',
    family: 'content',
    category: 'spam',
    weight: 12,
    description: {
      ja: '本文が画像だけで文字がほとんどない（フィルターに文面を読ませない手口）',
      en: 'The body is only images with a link and (almost) no text',
    },
  },
  check({ message, links }) {
    const d = message.htmlDigest;
    if (!d) return null;
    // Only counted when there is no <img>: a picture painted as a box's background hides from image counts too.
    const images =
      d.images > 0 ? d.images : (message.html?.slice(0, 300_000).match(BACKGROUND_IMAGE)?.length ?? 0);
    if (images === 0) return null;
    const letters = d.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    if (letters > MAX_TEXT) return null;
    // The plain-text alternative, when there is one, tells the same story: it must be empty too.
    const plain = message.text.replace(/https?:\/\/\S+/g, '').replace(/[^\p{L}\p{N}]/gu, '').length;
    if (plain > MAX_TEXT * 4) return null;
    const web = links.filter(
      (l) => (l.source === 'html' || l.source === 'area') && /^https?$/.test(l.scheme ?? ''),
    );
    if (web.length === 0) return null;
    const first = web[0];
    return {
      evidence: [
        {
          kind: 'phrase',
          value: `${images} image${images > 1 ? 's' : ''}, ${letters} characters of text`,
          where: 'html',
        },
        ...(first ? [{ kind: 'link' as const, value: first.destination, where: 'html' }] : []),
      ],
      message: {
        ja: `本文は画像${images}枚とリンクだけで、文字がほとんどありません。迷惑メールフィルターに文面を読ませないための手口です`,
        en: `The body is ${images} image${images > 1 ? 's' : ''} and a link with almost no text, which keeps spam filters from reading it`,
      },
    };
  },
});
