import contactsData from '../../data/contacts.json' with { type: 'json' };
import type { DataSource } from '../engine/data/types.js';
import type { Text } from '../engine/report.js';

/** A place to report to or ask for help, cited: data/contacts.json. */
export interface Contact {
  id: string;
  kind: 'phishing-report' | 'police' | 'consumer';
  name: Text;
  phone?: string;
  email?: string;
  url?: string;
  note: Text;
  sources: DataSource[];
  /** Fields whose value could not be seen on an official page (shown as unverified). */
  unverified: string[];
}

export interface ContactList {
  version: number;
  contacts: Contact[];
}

export const CONTACTS: ContactList = contactsData as ContactList;

export function contact(id: string, list: ContactList = CONTACTS): Contact {
  const c = list.contacts.find((x) => x.id === id);
  if (!c) throw new Error(`no contact ${id} in data/contacts.json`);
  return c;
}

/** The police and consumer-centre contacts, in the order a person in trouble needs them. */
export function helpContacts(list: ContactList = CONTACTS): Contact[] {
  return list.contacts.filter((c) => c.kind === 'police' || c.kind === 'consumer');
}

export type Lang = 'ja' | 'en';

const UNVERIFIED: Text = { ja: '（未確認）', en: ' (unverified)' };

/** A field's value with an "unverified" mark when no official page was seen for it. */
export function marked(c: Contact, field: 'phone' | 'email' | 'url', lang: Lang): string {
  const v = c[field] ?? '';
  return c.unverified.includes(field) ? `${v}${UNVERIFIED[lang]}` : v;
}

/** The latest date any source of the contact was checked. */
export function checkedOn(c: Contact): string {
  return (
    c.sources
      .map((s) => s.checked)
      .sort()
      .pop() ?? ''
  );
}

/** The police/consumer-centre contact sheet as plain text (terminal, mail body). */
export function contactSheetText(lang: Lang, list: ContactList = CONTACTS): string {
  const title =
    lang === 'ja' ? '警察・消費生活センターの相談先' : 'Where to get help: police and consumer centre';
  const lines = [title, '='.repeat(lang === 'ja' ? 24 : title.length), ''];
  const label: Record<'phone' | 'email' | 'url', Text> = {
    phone: { ja: '電話', en: 'Phone' },
    email: { ja: 'メール', en: 'E-mail' },
    url: { ja: 'ウェブ', en: 'Web' },
  };
  for (const c of [...helpContacts(list), contact('antiphishing-jp', list)]) {
    lines.push(`■ ${c.name[lang]}`);
    for (const f of ['phone', 'email', 'url'] as const) {
      if (c[f]) lines.push(`  ${label[f][lang]}: ${marked(c, f, lang)}`);
    }
    lines.push(`  ${c.note[lang]}`);
    lines.push(
      `  ${lang === 'ja' ? '出典' : 'Source'}: ${c.sources[0]?.url ?? '-'} (${lang === 'ja' ? '確認日' : 'checked'} ${checkedOn(c)})`,
      '',
    );
  }
  lines.push(
    lang === 'ja'
      ? '緊急の時（今まさに被害が起きている、危険が迫っている）は 110番 へ。'
      : 'In an emergency (harm happening now, danger) call 110.',
  );
  return `${lines.join('\n')}\n`;
}
