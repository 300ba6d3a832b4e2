import type { Report, Text, Verdict } from '../engine/report.js';

export type Lang = 'ja' | 'en';

const LABEL: Record<Verdict, Text> = {
  phishing: { ja: 'フィッシング', en: 'PHISHING' },
  scam: { ja: '詐欺', en: 'SCAM' },
  suspicious: { ja: '要注意', en: 'SUSPICIOUS' },
  spam: { ja: '迷惑メール', en: 'SPAM' },
  'no-threat-found': { ja: '危険は見つかりませんでした', en: 'NO THREAT FOUND' },
};

const COLOUR: Record<Verdict, string> = {
  phishing: '\x1b[41;97m',
  scam: '\x1b[41;97m',
  suspicious: '\x1b[43;30m',
  spam: '\x1b[47;30m',
  'no-threat-found': '\x1b[42;30m',
};

const T = {
  brand: { ja: '名乗っているブランド', en: 'Claims to be' },
  sender: { ja: '送信元', en: 'Sender' },
  genuine: { ja: '正規の送信元', en: 'Genuine' },
  reasons: { ja: '理由', en: 'Why' },
  links: { ja: 'リンク', en: 'Links' },
  todo: { ja: 'いまするべきこと', en: 'What to do now' },
  problems: { ja: '読み取れなかった部分', en: 'Could not read' },
  forwardedAttachment: {
    ja: '添付で転送されたメールの元メッセージを検査しました',
    en: 'Checked the original attached to a forward',
  },
  forwardedInline: {
    ja: '本文に転送されたメールの元メッセージを検査しました',
    en: 'Checked the original quoted in an inline forward',
  },
  score: { ja: 'スコア', en: 'score' },
} satisfies Record<string, Text>;

export function verdictLabel(verdict: Verdict, lang: Lang): string {
  return LABEL[verdict][lang];
}

/** The human-readable report: verdict first, then who sent it, why, the links, and what to do. */
export function formatReport(r: Report, lang: Lang, colour: boolean): string {
  const out: string[] = [];
  const where = r.source.index !== undefined ? `${r.source.path} #${r.source.index}` : r.source.path;
  const banner = ` ${LABEL[r.verdict][lang]} (${T.score[lang]} ${r.score}/100) `;
  out.push(`${colour ? `${COLOUR[r.verdict]}${banner}\x1b[0m` : `[${banner.trim()}]`}  ${where}`);
  if (r.subject) out.push(`  ${r.subject}`);
  if (r.forwarded)
    out.push(`  ↪ ${(r.forwarded.how === 'attachment' ? T.forwardedAttachment : T.forwardedInline)[lang]}`);
  if (r.brand) out.push(`  ${T.brand[lang]}: ${r.brand}`);
  if (r.kind === 'email') out.push(`  ${T.sender[lang]}: ${r.sender.summary[lang]}`);
  if (r.genuine) out.push(`  ${T.genuine[lang]}: ${r.genuine.evidence[lang]}`);
  if (r.findings.length) {
    out.push(`  ${T.reasons[lang]}:`);
    for (const f of r.findings) {
      const ev = f.evidence[0]?.value;
      out.push(`   ${f.weight > 0 ? '+' : ''}${f.weight} ${f.message[lang]}  [${f.rule}]`);
      if (ev) out.push(`        ${truncate(ev, 160)}`);
    }
  }
  const risky = r.links.filter((l) => l.risks.length);
  if (risky.length) {
    out.push(`  ${T.links[lang]}:`);
    for (const l of risky.slice(0, 10)) {
      const shown = l.text && l.text !== l.href ? `"${truncate(l.text, 40)}" → ` : '';
      out.push(`   ${shown}${truncate(l.destination, 100)}`);
    }
  }
  if (r.problems.length) out.push(`  ${T.problems[lang]}: ${r.problems.map((p) => p[lang]).join(' / ')}`);
  out.push(`  ${T.todo[lang]}:`);
  for (const a of r.advice) out.push(`   • ${a[lang]}`);
  return `${out.join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}
