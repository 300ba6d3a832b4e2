import { PLAYBOOKS } from './playbooks.js';
import type { Contact, Playbook, Source, StepDef } from './types.js';

/** The playbooks indexed: step, contact and source ids are global, so one playbook can reuse another's. */
export interface Library {
  playbooks: readonly Playbook[];
  byId: ReadonlyMap<string, Playbook>;
  /** Brand id → its playbook (brand, card-issuer or sms-lure). */
  byBrand: ReadonlyMap<string, Playbook>;
  steps: ReadonlyMap<string, { step: StepDef; playbook: Playbook }>;
  contacts: ReadonlyMap<string, Contact>;
  sources: ReadonlyMap<string, Source>;
}

export function makeLibrary(playbooks: readonly Playbook[]): Library {
  const byId = new Map<string, Playbook>();
  const byBrand = new Map<string, Playbook>();
  const steps = new Map<string, { step: StepDef; playbook: Playbook }>();
  const contacts = new Map<string, Contact>();
  const sources = new Map<string, Source>();
  for (const p of playbooks) {
    byId.set(p.id, p);
    for (const b of p.brands) if (!byBrand.has(b)) byBrand.set(b, p);
    for (const s of p.steps) if (!steps.has(s.id)) steps.set(s.id, { step: s, playbook: p });
    for (const c of p.contacts) if (!contacts.has(c.id)) contacts.set(c.id, c);
    for (const s of p.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  }
  return { playbooks, byId, byBrand, steps, contacts, sources };
}

export const DEFAULT_LIBRARY: Library = makeLibrary(PLAYBOOKS);
