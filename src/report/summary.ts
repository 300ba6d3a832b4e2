/**
 * The printable incident summary for the card issuer or the police: what happened, the timeline, the steps taken,
 * the evidence with its SHA-256, and whom to contact. HTML print view and PDF from the same blocks.
 */
import type { Text } from '../engine/report.js';
import { CONTACTS, type Contact, type ContactList, checkedOn, helpContacts, type Lang } from './contacts.js';
import { type Block, type PrintDocument, renderHtml } from './document.js';
import { type PdfOptions, renderPdf } from './pdf.js';
import { sagicheckVersion } from './version.js';

/** What the case store maps a case into. Times are ISO 8601 strings (with offset). */
export interface IncidentSummaryInput {
  title: Text;
  caseId?: string;
  /** The brand involved (e.g. Amazon), or null. */
  brand: { id: string; name: Text } | null;
  /** How it came: mail, sms, phone, web-ad … as a sentence in both languages. */
  channel?: Text;
  /** What happened, one sentence each (clicked the link, entered card details …). */
  happened: Text[];
  /** When it happened. */
  when: string;
  /** Cards involved, as the user names them (never the full number), e.g. 「楽天カード（末尾 1234）」. */
  cards?: string[];
  /** The person the summary is about, when they want it printed. */
  person?: { name?: string; phone?: string; email?: string };
  timeline: { at: string; ja: string; en: string }[];
  steps: { id: string; title: Text; done: boolean; doneAt?: string; deadline?: string }[];
  evidence: { kind: string; label: string; sha256: string; at: string }[];
  /** Brand or card-issuer contacts from the plan; the police/consumer contacts are always added. */
  contacts: { name: Text | string; phone?: string; url?: string; email?: string; unverified?: boolean }[];
  notes: (string | { at: string; text: string })[];
  /** When the summary was made (defaults to now). */
  generatedAt?: string;
}

export interface SummaryOptions {
  lang: Lang;
  /** The contact list to print (tests); defaults to data/contacts.json. */
  contacts?: ContactList;
  /** Time zone used to print times (default Asia/Tokyo: the summary is for Japanese institutions). */
  timeZone?: string;
}

const L = {
  subtitle: {
    ja: '不正利用・フィッシング被害の経緯（提出用）',
    en: 'Account of a phishing / fraud incident',
  },
  case: { ja: 'ケース番号', en: 'Case' },
  brand: { ja: 'かたられたブランド', en: 'Brand impersonated' },
  channel: { ja: '経路', en: 'How it came' },
  when: { ja: '発生日時', en: 'When' },
  happened: { ja: '起きたこと', en: 'What happened' },
  cards: { ja: '関係するカード', en: 'Cards involved' },
  person: { ja: '相談者', en: 'Person' },
  timeline: { ja: '時系列', en: 'Timeline' },
  at: { ja: '日時', en: 'Time' },
  event: { ja: '出来事', en: 'Event' },
  steps: { ja: '対応の状況', en: 'Steps taken' },
  state: { ja: '状況', en: 'State' },
  step: { ja: '対応', en: 'Step' },
  dates: { ja: '完了日時・期限', en: 'Done / deadline' },
  done: { ja: '✓ 済', en: '✓ done' },
  open: { ja: '□ 未', en: '□ open' },
  deadline: { ja: '期限', en: 'due' },
  evidence: { ja: '証拠（SHA-256 で同一性を確認できます）', en: 'Evidence (identified by SHA-256)' },
  kind: { ja: '種類', en: 'Kind' },
  label: { ja: '内容', en: 'Item' },
  sha: { ja: 'SHA-256', en: 'SHA-256' },
  saved: { ja: '保存日時', en: 'Saved' },
  contacts: { ja: '連絡先', en: 'Contacts' },
  help: { ja: '警察・消費生活センターの相談先', en: 'Police and consumer centre' },
  notes: { ja: 'メモ', en: 'Notes' },
  none: { ja: 'なし', en: 'none' },
  unverified: { ja: '（未確認）', en: ' (unverified)' },
  emergency: {
    ja: '緊急の時（今まさに被害が起きている、危険が迫っている）は 110番 へ。',
    en: 'In an emergency (harm happening now, danger) call 110.',
  },
  generated: { ja: '作成', en: 'Made' },
  source: { ja: '出典', en: 'Source' },
  checked: { ja: '確認日', en: 'checked' },
} satisfies Record<string, Text>;

/** `2026/05/08 10:00` in the given zone (the zone is named once, in the footer). */
export function formatTime(iso: string, lang: Lang, timeZone = 'Asia/Tokyo'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return lang === 'ja'
    ? `${p('year')}/${p('month')}/${p('day')} ${p('hour')}:${p('minute')}`
    : `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

function contactRows(c: Contact, lang: Lang): string[] {
  const value = (f: 'phone' | 'email' | 'url') =>
    c[f] ? `${c[f]}${c.unverified.includes(f) ? L.unverified[lang] : ''}` : '';
  return [
    c.name[lang],
    [value('phone'), value('email'), value('url')].filter(Boolean).join('\n'),
    `${c.note[lang]}\n${L.source[lang]}: ${c.sources[0]?.url ?? '-'} (${L.checked[lang]} ${checkedOn(c)})`,
  ];
}

/** The police/consumer-centre contacts as blocks (in the summary and in the standalone sheet). */
export function contactBlocks(lang: Lang, list: ContactList = CONTACTS): Block[] {
  const council = list.contacts.filter((c) => c.kind === 'phishing-report');
  return [
    {
      type: 'table',
      columns: [
        { label: lang === 'ja' ? '窓口' : 'Where', width: 0.24 },
        { label: lang === 'ja' ? '電話・連絡先' : 'Phone / address', width: 0.3, strong: true },
        { label: lang === 'ja' ? '内容' : 'What for', width: 0.46 },
      ],
      rows: [...helpContacts(list), ...council].map((c) => contactRows(c, lang)),
    },
    { type: 'paragraph', text: L.emergency[lang] },
  ];
}

export function summaryDocument(input: IncidentSummaryInput, options: SummaryOptions): PrintDocument {
  const { lang } = options;
  const tz = options.timeZone ?? 'Asia/Tokyo';
  const t = (iso: string) => formatTime(iso, lang, tz);
  const text = (v: Text | string) => (typeof v === 'string' ? v : v[lang]);
  const meta: [string, string][] = [];
  if (input.caseId) meta.push([L.case[lang], input.caseId]);
  meta.push([L.when[lang], t(input.when)]);
  if (input.brand) meta.push([L.brand[lang], input.brand.name[lang]]);
  if (input.channel) meta.push([L.channel[lang], input.channel[lang]]);
  meta.push([L.happened[lang], input.happened.map((h) => h[lang]).join('\n') || L.none[lang]]);
  if (input.cards?.length) meta.push([L.cards[lang], input.cards.join('\n')]);
  const person = [input.person?.name, input.person?.phone, input.person?.email].filter(Boolean).join('\n');
  if (person) meta.push([L.person[lang], person]);
  const blocks: Block[] = [
    { type: 'title', text: input.title[lang], subtitle: L.subtitle[lang] },
    { type: 'meta', rows: meta },
    { type: 'heading', text: L.timeline[lang] },
    {
      type: 'table',
      columns: [
        { label: L.at[lang], width: 0.22 },
        { label: L.event[lang], width: 0.78 },
      ],
      rows: [...input.timeline]
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
        .map((e) => [t(e.at), e[lang]]),
      empty: L.none[lang],
    },
    { type: 'heading', text: L.steps[lang] },
    {
      type: 'table',
      columns: [
        { label: L.state[lang], width: 0.12 },
        { label: L.step[lang], width: 0.6 },
        { label: L.dates[lang], width: 0.28 },
      ],
      rows: input.steps.map((s) => [
        s.done ? L.done[lang] : L.open[lang],
        s.title[lang],
        s.done && s.doneAt ? t(s.doneAt) : s.deadline ? `${L.deadline[lang]} ${t(s.deadline)}` : '',
      ]),
      empty: L.none[lang],
    },
    { type: 'heading', text: L.evidence[lang] },
    {
      type: 'table',
      columns: [
        { label: L.kind[lang], width: 0.13 },
        { label: L.label[lang], width: 0.32 },
        { label: L.sha[lang], width: 0.35, mono: true },
        { label: L.saved[lang], width: 0.2 },
      ],
      rows: input.evidence.map((e) => [e.kind, e.label, e.sha256, t(e.at)]),
      empty: L.none[lang],
    },
  ];
  if (input.contacts.length) {
    blocks.push(
      { type: 'heading', text: L.contacts[lang] },
      {
        type: 'table',
        columns: [
          { label: lang === 'ja' ? '窓口' : 'Where', width: 0.35 },
          { label: lang === 'ja' ? '電話・連絡先' : 'Phone / address', width: 0.65, mono: true },
        ],
        rows: input.contacts.map((c) => [
          text(c.name),
          `${[c.phone, c.email, c.url].filter(Boolean).join('\n')}${c.unverified ? L.unverified[lang] : ''}`,
        ]),
      },
    );
  }
  blocks.push({ type: 'heading', text: L.help[lang] }, ...contactBlocks(lang, options.contacts));
  if (input.notes.length) {
    blocks.push(
      { type: 'heading', text: L.notes[lang] },
      {
        type: 'list',
        items: input.notes.map((n) => (typeof n === 'string' ? n : `${t(n.at)}  ${n.text}`)),
      },
    );
  }
  const generated = input.generatedAt ?? new Date().toISOString();
  return {
    lang,
    title: input.title[lang],
    blocks,
    footer: `sagicheck ${sagicheckVersion()} — ${L.generated[lang]} ${t(generated)} (${tz})`,
  };
}

export function contactSheetDocument(
  lang: Lang,
  list: ContactList = CONTACTS,
  generatedAt?: string,
): PrintDocument {
  const title = L.help[lang];
  return {
    lang,
    title,
    blocks: [
      {
        type: 'title',
        text: title,
        subtitle:
          lang === 'ja'
            ? 'フィッシング・不正利用の被害にあった時の相談先'
            : 'Where to turn after phishing or card fraud in Japan',
      },
      ...contactBlocks(lang, list),
    ],
    footer: `sagicheck ${sagicheckVersion()} — ${L.generated[lang]} ${formatTime(generatedAt ?? new Date().toISOString(), lang)} (Asia/Tokyo)`,
  };
}

export function summaryHtml(input: IncidentSummaryInput, options: SummaryOptions): string {
  return renderHtml(summaryDocument(input, options));
}

export async function summaryPdf(
  input: IncidentSummaryInput,
  options: SummaryOptions & PdfOptions,
): Promise<Uint8Array> {
  return await renderPdf(summaryDocument(input, options), options);
}

export function contactSheetHtml(lang: Lang): string {
  return renderHtml(contactSheetDocument(lang));
}

export async function contactSheetPdf(lang: Lang, options: PdfOptions = {}): Promise<Uint8Array> {
  return await renderPdf(contactSheetDocument(lang), options);
}
