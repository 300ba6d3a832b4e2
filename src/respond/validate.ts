/**
 * Checks a set of playbooks the way code is checked: every id resolves, every text has both languages, every contact
 * and brand instruction cites a source, and a contact or instruction no official or public page confirmed says
 * `unverified`. Returns the problems, one line each; empty when the data is sound.
 */
import { durationMs } from './time.js';
import { CHANNELS, HAPPENED, PHASES, type Playbook, type Source, type Text } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONFIRMING = new Set<Source['kind']>(['official', 'authority']);

export function validatePlaybooks(playbooks: readonly Playbook[]): string[] {
  const errors: string[] = [];
  const sources = new Map<string, Source>();
  const steps = new Set<string>();
  const contacts = new Set<string>();
  const ids = new Set<string>();
  const unique = (seen: Set<string>, id: string, what: string) => {
    if (seen.has(id)) errors.push(`${what} ${id} is defined twice`);
    seen.add(id);
  };
  for (const p of playbooks) {
    unique(ids, p.id, 'playbook');
    for (const s of p.sources) {
      if (sources.has(s.id)) errors.push(`source ${s.id} is defined twice`);
      sources.set(s.id, s);
    }
    for (const s of p.steps) unique(steps, s.id, 'step');
    for (const c of p.contacts) unique(contacts, c.id, 'contact');
  }
  const text = (t: Text | undefined, where: string) => {
    if (!t?.ja?.trim() || !t.en?.trim()) errors.push(`${where}: needs ja and en text`);
  };
  const cites = (list: string[] | undefined, where: string): Source[] => {
    if (!list || list.length === 0) {
      errors.push(`${where}: cites no source`);
      return [];
    }
    return list.flatMap((id) => {
      const s = sources.get(id);
      if (!s) errors.push(`${where}: unknown source ${id}`);
      return s ? [s] : [];
    });
  };

  for (const s of sources.values()) {
    const where = `source ${s.id}`;
    if (!DATE.test(s.checked)) errors.push(`${where}: checked must be YYYY-MM-DD`);
    if (s.kind === 'editorial' && s.url !== 'editorial')
      errors.push(`${where}: editorial sources have url "editorial"`);
    if (s.kind === 'seed' && !s.url.startsWith('seed:'))
      errors.push(`${where}: seed sources have url seed:<file>`);
    if (CONFIRMING.has(s.kind) && !/^https?:\/\/[^\s]+$/.test(s.url))
      errors.push(`${where}: needs a web address`);
    if (s.via && !/^https?:\/\//.test(s.via)) errors.push(`${where}: via must be a web address`);
  }

  for (const p of playbooks) {
    const at = `playbook ${p.id}`;
    if (p.schemaVersion !== 1) errors.push(`${at}: schemaVersion must be 1`);
    text(p.name, `${at} name`);
    text(p.summary, `${at} summary`);
    if (!DATE.test(p.checked)) errors.push(`${at}: checked must be YYYY-MM-DD`);
    if (p.scenarios.length === 0) errors.push(`${at}: has no scenarios`);
    for (const sc of p.scenarios) {
      if (!(HAPPENED as readonly string[]).includes(sc.happened))
        errors.push(`${at}: unknown happening ${sc.happened}`);
      for (const c of sc.channel ?? [])
        if (!(CHANNELS as readonly string[]).includes(c)) errors.push(`${at}: unknown channel ${c}`);
      if (sc.as !== undefined && sc.as !== 'brand' && sc.as !== 'card')
        errors.push(`${at}: scenario as must be brand or card`);
      for (const id of sc.steps)
        if (!steps.has(id)) errors.push(`${at} scenario ${sc.happened}: unknown step ${id}`);
    }
    for (const s of p.steps) {
      const where = `step ${s.id}`;
      if (!s.id.startsWith(`${p.id}.`)) errors.push(`${where}: id must start with ${p.id}.`);
      if (!(PHASES as readonly string[]).includes(s.phase)) errors.push(`${where}: unknown phase ${s.phase}`);
      if (!Number.isFinite(s.order)) errors.push(`${where}: order must be a number`);
      text(s.title, `${where} title`);
      text(s.why, `${where} why`);
      if (s.how.length === 0) errors.push(`${where}: says nothing about how`);
      s.how.forEach((h, i) => {
        text(h, `${where} how[${i}]`);
      });
      if (s.expect) text(s.expect, `${where} expect`);
      for (const r of s.replaces ?? [])
        if (!steps.has(r)) errors.push(`${where}: replaces unknown step ${r}`);
      for (const c of s.contacts ?? []) if (!contacts.has(c)) errors.push(`${where}: unknown contact ${c}`);
      if (s.deadline) {
        text(s.deadline.label, `${where} deadline label`);
        if (durationMs(s.deadline.after) === null)
          errors.push(`${where}: deadline.after ${s.deadline.after} is no duration`);
        if (s.deadline.remind !== undefined && durationMs(s.deadline.remind) === null)
          errors.push(`${where}: deadline.remind ${s.deadline.remind} is no duration`);
      }
      const cited = cites(s.sources, where);
      const confirmed = cited.some((c) => CONFIRMING.has(c.kind));
      if (!confirmed && !s.editorial && !s.unverified)
        errors.push(
          `${where}: no official or authority source: mark it unverified (or editorial for general advice)`,
        );
      if (s.editorial && cited.every((c) => c.kind === 'seed'))
        errors.push(`${where}: editorial advice must cite the editorial source`);
    }
    for (const c of p.contacts) {
      const where = `contact ${c.id}`;
      text(c.name, `${where} name`);
      if (c.hours) text(c.hours, `${where} hours`);
      if (c.note) text(c.note, `${where} note`);
      const cited = cites(c.sources, where);
      const confirmed = cited.some((s) => CONFIRMING.has(s.kind));
      if (c.value !== undefined) {
        if (!c.value.trim()) errors.push(`${where}: empty value`);
        if (!confirmed && !c.unverified)
          errors.push(`${where}: ${c.value} has no official or authority source: mark it unverified`);
        if (!confirmed && !cited.some((s) => s.kind === 'seed'))
          errors.push(`${where}: an unconfirmed value needs at least the seed it came from, never a guess`);
      }
      if (c.kind === 'email' && c.value && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(c.value))
        errors.push(`${where}: ${c.value} is no e-mail address`);
      if (c.kind === 'web' && c.value && !/^https:\/\//.test(c.value))
        errors.push(`${where}: web contacts are https URLs`);
    }
  }
  return errors;
}
