import { extname } from 'node:path';
import { DEFAULT_DATA } from '../engine/data/default.js';
import type { Text } from '../engine/report.js';
import { planToIcs } from '../respond/ics.js';
import { CHANNEL_LABEL, HAPPENED_LABEL } from '../respond/labels.js';
import { DEFAULT_LIBRARY } from '../respond/library.js';
import { type Reminder, reminders } from '../respond/reminders.js';
import type { Contact } from '../respond/types.js';
import type { CaseRecord, EvidenceInfo } from '../store/cases.js';
import type { IncidentSummaryInput } from './summary.js';

const MEDIA: Record<string, string> = {
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.heic': 'image/heic',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.html': 'text/html',
};

/** The media type an evidence file is kept under, from its name; null when the name says nothing known. */
export function mediaTypeOf(filename: string): string | null {
  return MEDIA[extname(filename).toLowerCase()] ?? null;
}

/** The ids of the case's steps that are done or skipped: no reminder, no calendar alarm for them. */
export function finishedSteps(c: CaseRecord): Set<string> {
  return new Set(c.stepStatus.filter((s) => s.status !== 'todo').map((s) => s.stepId));
}

/** The reminders due for the case's open steps at `now`. */
export function caseReminders(c: CaseRecord, now: Date = new Date()): Reminder[] {
  return reminders(c.plan, finishedSteps(c), now);
}

/** The case's plan as an .ics calendar: its open steps' deadlines, named after the case. */
export function caseIcs(c: CaseRecord, lang: 'ja' | 'en'): string {
  return planToIcs(c.plan, { lang, id: c.id, done: finishedSteps(c), name: c.title });
}

/** The phishing mail kept in the case (the first stored .eml), which the abuse reports are about. */
export function caseMail(c: CaseRecord): EvidenceInfo | undefined {
  return c.evidence.find((e) => e.stored && (e.mediaType === 'message/rfc822' || /\.eml$/i.test(e.filename)));
}

/** The contacts the summary prints anyway (police, 188, the council), left out of the case's own list. */
const HELP_CONTACTS = new Set(['police-9110', 'npa-cyber-desks', 'consumer-188', 'antiphishing-report']);

/** A case as the incident summary's input: what happened, when, the timeline, the steps, the evidence, contacts. */
export function caseSummaryInput(c: CaseRecord, now: Date = new Date()): IncidentSummaryInput {
  const { plan } = c;
  const a = plan.answers;
  const catalogue = DEFAULT_DATA.brands.brands.find((b) => b.id === a.brand);
  const brandName: Text | undefined = catalogue?.name ?? DEFAULT_LIBRARY.byBrand.get(a.brand)?.name;
  const status = new Map(c.stepStatus.map((s) => [s.stepId, s]));
  const happened = a.happened.map((h) => HAPPENED_LABEL[h]);
  const timeline: IncidentSummaryInput['timeline'] = [
    {
      at: a.when,
      ja: `${brandName?.ja ?? a.brand}を名乗る${CHANNEL_LABEL[a.channel].ja}：${happened.map((h) => h.ja).join('、')}`,
      en: `${CHANNEL_LABEL[a.channel].en} claiming to be ${brandName?.en ?? a.brand}: ${happened.map((h) => h.en).join(', ')}`,
    },
  ];
  for (const s of plan.steps) {
    const st = status.get(s.id);
    if (st?.status === 'done' && st.doneAt)
      timeline.push({ at: st.doneAt, ja: `対応済み：${s.title.ja}`, en: `Done: ${s.title.en}` });
  }
  for (const e of c.evidence)
    timeline.push({ at: e.createdAt, ja: `証拠を保存：${e.filename}`, en: `Evidence kept: ${e.filename}` });
  const contacts = new Map<string, Contact>();
  for (const s of plan.steps)
    for (const k of s.contacts) if (k.value && !HELP_CONTACTS.has(k.id)) contacts.set(k.id, k);
  const cardName = (card: string) => {
    const p = DEFAULT_LIBRARY.byBrand.get(card);
    return p ? `${p.name.ja} / ${p.name.en}` : card;
  };
  return {
    title: {
      ja: `${brandName?.ja ?? a.brand}をかたるフィッシングの被害と対応`,
      en: `Phishing impersonating ${brandName?.en ?? a.brand}: what happened and what was done`,
    },
    caseId: c.id,
    brand: brandName ? { id: a.brand, name: brandName } : null,
    channel: CHANNEL_LABEL[a.channel],
    happened,
    when: a.when,
    cards: a.cards.map(cardName),
    timeline,
    steps: plan.steps.map((s) => {
      const st = status.get(s.id);
      return {
        id: s.id,
        title: s.title,
        done: st?.status === 'done',
        ...(st?.doneAt ? { doneAt: st.doneAt } : {}),
        ...(s.deadline && s.deadline.kind !== 'asap' ? { deadline: s.deadline.at } : {}),
      };
    }),
    evidence: c.evidence.map((e) => ({
      kind: e.mediaType ?? (extname(e.filename).slice(1) || 'file'),
      label: `${e.filename}${e.note ? ` — ${e.note}` : ''}${e.stored ? '' : ` (${e.path})`}`,
      sha256: e.sha256,
      at: e.createdAt,
    })),
    contacts: [...contacts.values()].map((k) => ({
      name: k.name,
      ...(k.kind === 'phone'
        ? { phone: k.value }
        : k.kind === 'email'
          ? { email: k.value }
          : { url: k.value }),
      ...(k.unverified ? { unverified: true } : {}),
    })),
    notes: c.notes.map((n) => ({ at: n.createdAt, text: n.body })),
    generatedAt: now.toISOString(),
  };
}
