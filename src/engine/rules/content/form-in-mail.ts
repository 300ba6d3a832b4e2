import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

const TAG = /<(input|textarea|select)\b([^>]*)>/gi;
const ATTR = /([a-z_:][-a-z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi;
/** Fields for secrets: passwords, card numbers, security codes, one-time codes, PINs. */
const SECRET =
  /pass(?:word|wd|code)?\b|passwd|\bpwd\b|card.?(?:num|no)|cc-?(?:num|number|csc|exp)|\bcvv2?\b|\bcvc\b|\bcsc\b|security.?code|\bexp(?:iry|iration)?.?(?:date|month|year)\b|\bpin(?:code)?\b|\botp\b|one.?time|暗証|パスワード|カード番号|セキュリティ.?コード|有効期限|ワンタイム|認証コード/i;
/** Fields for who you are: sign-in names, contact details, bank and identity numbers. */
const PERSONAL =
  /e-?mail|\blogin\b|user.?(?:name|id)|\baccount\b|phone|\btel\b|mobile|birth|\bdob\b|address|zip|postal|\bssn\b|口座|氏名|名前|生年月日|住所|電話|メール|ログイン|会員|\bid\b/i;

interface Field {
  type: string;
  label: string;
}

function fieldsOf(html: string): Field[] {
  const out: Field[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR))
      attrs.set((a[1] ?? '').toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    const tag = (m[1] ?? '').toLowerCase();
    const type = tag === 'input' ? (attrs.get('type') ?? 'text').toLowerCase() : tag;
    if (['hidden', 'submit', 'button', 'image', 'reset', 'radio', 'checkbox'].includes(type)) continue;
    if (/display\s*:\s*none/i.test(attrs.get('style') ?? '')) continue;
    const label = ['name', 'id', 'placeholder', 'autocomplete', 'aria-label']
      .map((k) => attrs.get(k) ?? '')
      .filter(Boolean)
      .join(' ');
    out.push({ type, label });
  }
  return out;
}

/** The mail itself is a sign-in or payment form: what is typed into it goes straight to the sender. */
export default defineRule({
  meta: {
    id: 'content/form-in-mail',
    family: 'content',
    category: 'phishing',
    weight: 35,
    description: {
      ja: 'メールの中にパスワードやカード番号などの入力欄がある',
      en: 'The mail itself contains a form asking for passwords, card numbers or personal details',
    },
  },
  check({ message }) {
    const html = message.html;
    if (!html || !message.htmlDigest || message.htmlDigest.forms === 0) return null;
    const fields = fieldsOf(html.slice(0, 2 * 1024 * 1024));
    const secrets = fields.filter((f) => f.type === 'password' || SECRET.test(f.label));
    const personal = fields.filter((f) => !secrets.includes(f) && PERSONAL.test(`${f.type} ${f.label}`));
    const describe = (f: Field) => `<input type="${f.type}"${f.label ? ` ${f.label}` : ''}>`;
    if (secrets.length > 0) {
      const evidence: Evidence[] = secrets
        .slice(0, 3)
        .map((f) => ({ kind: 'phrase', value: describe(f), where: 'html' }));
      return {
        evidence,
        message: {
          ja: 'メールの中にパスワードやカード番号を入力する欄があります。正規の会社がメールで直接入力させることはありません',
          en: 'The mail contains fields for a password or card number; genuine companies never ask you to type these into an e-mail',
        },
      };
    }
    // A sign-up or "verify your details" form: several fields about who you are.
    if (personal.length >= 3) {
      return {
        weight: 15,
        evidence: personal.slice(0, 3).map((f) => ({ kind: 'phrase', value: describe(f), where: 'html' })),
        message: {
          ja: 'メールの中に個人情報（メールアドレス、電話番号、住所など）を入力する欄があります',
          en: 'The mail contains fields asking for personal details (e-mail, phone, address …)',
        },
      };
    }
    return null;
  },
});
