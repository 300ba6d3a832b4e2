/**
 * The plan engine: from the answers (brand, channel, what happened, when, which cards) to one ordered list of steps.
 * Pure: the playbooks come in as data, nothing is read or sent.
 *
 * Which playbooks: the brand's own (or the generic shop/service one as fallback), one per card named (the issuer's
 * own, or the generic card one), the generic card one when card details were entered but no card was named, and the
 * common one (police, 188, フィッシング対策協議会) always. Their scenarios matching each thing that happened and the
 * channel list the steps; a step listed twice appears once, a step another one `replaces` is left out, and the steps
 * are ordered by phase (stop the money first, then contain, verify, secure the account, report, watch, prevent),
 * then by their order number, then brand before card before common.
 */
import { DEFAULT_LIBRARY, type Library } from './library.js';
import { durationMs, formatInstant, parseInstant } from './time.js';
import {
  type Answers,
  CHANNELS,
  type Condition,
  HAPPENED,
  PHASES,
  type Plan,
  type PlanDeadline,
  type PlanStep,
  type Playbook,
  type Source,
  type StepDef,
} from './types.js';

/** Answers that cannot make a plan: an unknown channel or happening, no happening, an unreadable time. */
export class AnswerError extends Error {}

const CARD_HAPPENINGS = new Set(['card-entered', 'unknown-charges']);

/** Brand ids are lower-case with hyphens; people type "Amazon", "楽天カード" or "smbc". */
export function normaliseBrand(brand: string, lib: Library = DEFAULT_LIBRARY): string {
  const t = brand.trim().toLowerCase();
  if (lib.byBrand.has(t) || lib.byId.has(t)) return t;
  for (const p of lib.playbooks) {
    if (p.name.ja.toLowerCase() === t || p.name.en.toLowerCase() === t) return p.brands[0] ?? p.id;
  }
  const aliases: Record<string, string> = {
    アマゾン: 'amazon',
    楽天: 'rakuten',
    楽天市場: 'rakuten',
    'rakuten-ichiba': 'rakuten',
    楽天カード: 'rakuten-card',
    三井住友カード: 'smbc-card',
    smbc: 'smbc-card',
    アップル: 'apple',
    'apple-id': 'apple',
    ヤマト運輸: 'yamato',
    佐川急便: 'sagawa',
    日本郵便: 'japan-post',
  };
  return aliases[t] ?? aliases[brand.trim()] ?? t;
}

export function validateAnswers(a: Answers): void {
  if (!(CHANNELS as readonly string[]).includes(a.channel))
    throw new AnswerError(`channel must be one of ${CHANNELS.join(', ')}, not ${a.channel}`);
  if (a.happened.length === 0) throw new AnswerError('say what happened (at least one)');
  for (const h of a.happened)
    if (!(HAPPENED as readonly string[]).includes(h))
      throw new AnswerError(`happened takes ${HAPPENED.join(', ')}, not ${h}`);
  if (!parseInstant(a.when))
    throw new AnswerError(`when must be a date and time like 2026-05-08T10:00+09:00, not ${a.when}`);
}

interface Pick {
  playbook: Playbook;
  rank: number;
  /** The card(s) this playbook is used for. */
  for?: string[];
}

function choosePlaybooks(a: Answers, lib: Library): { picks: Pick[]; fallback: boolean } {
  const own =
    lib.byBrand.get(a.brand) ??
    (lib.byId.get(a.brand)?.kind === 'common' ? undefined : lib.byId.get(a.brand));
  const fallback = !own;
  const primary = own ?? (lib.byId.get('generic-service') as Playbook);
  const picks: Pick[] = [{ playbook: primary, rank: 0 }];
  const primaryIsCard = primary.kind === 'card-issuer' || primary.kind === 'generic-card';
  if (primaryIsCard) picks[0] = { playbook: primary, rank: 0, for: [a.brand] };

  const generic = lib.byId.get('generic-card');
  const unknownCards: string[] = [];
  for (const card of [...new Set(a.cards.map((c) => c.trim()).filter(Boolean))]) {
    const id = normaliseBrand(card, lib);
    const p = lib.byBrand.get(id);
    if (p && p.kind === 'card-issuer') {
      const seen = picks.find((x) => x.playbook === p);
      if (seen) seen.for = [...new Set([...(seen.for ?? []), id])];
      else picks.push({ playbook: p, rank: 1, for: [id] });
    } else unknownCards.push(card);
  }
  const cardNamed = picks.some((p) => p.for);
  const needGeneric =
    unknownCards.length > 0 ||
    (!cardNamed && !primaryIsCard && a.happened.some((h) => CARD_HAPPENINGS.has(h)));
  if (generic && needGeneric && !picks.some((p) => p.playbook === generic))
    picks.push({ playbook: generic, rank: 2, ...(unknownCards.length ? { for: unknownCards } : {}) });
  const common = lib.byId.get('common');
  if (common && !picks.some((p) => p.playbook === common)) picks.push({ playbook: common, rank: 3 });
  return { picks, fallback };
}

function conditionHolds(c: Condition | undefined, a: Answers): boolean {
  if (!c) return true;
  if (c.happened && !c.happened.some((h) => a.happened.includes(h))) return false;
  if (c.channel && !c.channel.includes(a.channel)) return false;
  if (c.cards !== undefined && c.cards !== a.cards.length > 0) return false;
  return true;
}

function deadline(step: StepDef, when: string): PlanDeadline | undefined {
  const d = step.deadline;
  if (!d) return undefined;
  const start = parseInstant(when);
  const after = durationMs(d.after);
  if (!start || after === null) return undefined;
  return {
    kind: d.kind,
    at: formatInstant({ ms: start.ms + after, offset: start.offset }),
    after: d.after,
    label: d.label,
    remind: d.remind ?? 'PT0M',
  };
}

export function buildPlan(answers: Answers, lib: Library = DEFAULT_LIBRARY): Plan {
  const start = parseInstant(answers.when);
  if (!start)
    throw new AnswerError(`when must be a date and time like 2026-05-08T10:00+09:00, not ${answers.when}`);
  const a: Answers = {
    ...answers,
    // Written out with its offset, so a saved plan means the same instant wherever it is read.
    when: formatInstant(start),
    brand: normaliseBrand(answers.brand, lib),
    happened: [...new Set(answers.happened)].sort((x, y) => HAPPENED.indexOf(x) - HAPPENED.indexOf(y)),
    cards: answers.cards.map((c) => c.trim()).filter(Boolean),
  };
  validateAnswers(a);
  const { picks, fallback } = choosePlaybooks(a, lib);

  const chosen = new Map<string, { step: StepDef; playbook: Playbook; rank: number; for: Set<string> }>();
  for (const pick of picks) {
    for (const scenario of pick.playbook.scenarios) {
      if (!a.happened.includes(scenario.happened)) continue;
      if (scenario.channel && !scenario.channel.includes(a.channel)) continue;
      if (scenario.as === 'brand' && pick.rank !== 0) continue;
      if (scenario.as === 'card' && pick.rank === 0 && !pick.for) continue;
      for (const id of scenario.steps) {
        const found = lib.steps.get(id);
        if (!found || !conditionHolds(found.step.when, a)) continue;
        const entry = chosen.get(id) ?? { ...found, rank: pick.rank, for: new Set<string>() };
        entry.rank = Math.min(entry.rank, pick.rank);
        for (const c of pick.for ?? []) entry.for.add(c);
        chosen.set(id, entry);
      }
    }
  }
  for (const { step } of [...chosen.values()]) for (const r of step.replaces ?? []) chosen.delete(r);

  const ordered = [...chosen.values()].sort(
    (x, y) =>
      PHASES.indexOf(x.step.phase) - PHASES.indexOf(y.step.phase) ||
      x.step.order - y.step.order ||
      x.rank - y.rank ||
      x.step.id.localeCompare(y.step.id),
  );

  const cited = new Set<string>();
  const steps: PlanStep[] = ordered.map(({ step, playbook, for: forCards }, i) => {
    const contacts = (step.contacts ?? []).flatMap((id) => {
      const c = lib.contacts.get(id);
      return c ? [c] : [];
    });
    for (const s of step.sources) cited.add(s);
    for (const c of contacts) for (const s of c.sources) cited.add(s);
    const dl = deadline(step, a.when);
    return {
      id: step.id,
      n: i + 1,
      playbook: playbook.id,
      phase: step.phase,
      title: step.title,
      why: step.why,
      how: step.how,
      ...(step.expect ? { expect: step.expect } : {}),
      ...(dl ? { deadline: dl } : {}),
      ...(forCards.size ? { for: [...forCards] } : {}),
      contacts,
      sources: step.sources,
      unverified: step.unverified === true,
    };
  });

  const sources: Source[] = [...cited].flatMap((id) => {
    const s = lib.sources.get(id);
    return s ? [s] : [];
  });
  return {
    schemaVersion: 1,
    answers: a,
    playbooks: picks.map((p) => p.playbook.id),
    fallback,
    steps,
    sources,
  };
}

/** The steps with a deadline, soonest first: what the reminders and the calendar export show. */
export function deadlines(plan: Plan): PlanStep[] {
  return plan.steps
    .filter((s) => s.deadline)
    .sort((x, y) => Date.parse(x.deadline?.at ?? '') - Date.parse(y.deadline?.at ?? ''));
}
