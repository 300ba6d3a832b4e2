import { defineRule } from '../../rule.js';
import { BAIT_KINDS, findLures, matchEvidence } from './phrases.js';

/**
 * Several kinds of bait in one message ("you won" + "complete the survey" + "pay the shipping"), or bait in the
 * subject that the body repeats: an ordinary mail may touch one of these subjects, a scam stacks them.
 */
export default defineRule({
  meta: {
    id: 'lure/combined',
    family: 'lure',
    category: 'scam',
    weight: 6,
    description: {
      ja: '複数の種類の誘い文句が重ねられている（件名と本文の両方、または当選・アンケート・支払いなど）',
      en: 'Several kinds of bait stacked in one message, or bait in the subject that the body repeats',
    },
  },
  check(ctx) {
    if (ctx.senderBrand) return null;
    const matches = findLures(ctx, BAIT_KINDS);
    if (matches.length < 2) return null;
    const labels = new Map<string, (typeof matches)[number]>();
    for (const m of matches) if (!labels.has(m.lure.label.en)) labels.set(m.lure.label.en, m);
    const inSubject = matches.find((m) => m.where === 'subject');
    const inBody = matches.find((m) => m.where === 'body');
    const echoed = inSubject !== undefined && inBody !== undefined;
    if (labels.size < 2 && !echoed) return null;
    const weight = Math.min(12, (labels.size >= 3 ? 10 : labels.size === 2 ? 6 : 0) + (echoed ? 4 : 0));
    const shown =
      labels.size >= 2
        ? [...labels.values()].slice(0, 3)
        : [inSubject, inBody].filter((m) => m !== undefined);
    const names = [...labels.values()].slice(0, 4);
    return {
      weight,
      evidence: shown.map((m) => matchEvidence(ctx, m)),
      message:
        labels.size >= 2
          ? {
              ja: `${names.map((m) => m.lure.label.ja).join('・')}と、種類の違う誘い文句が${labels.size}つ重ねられています${echoed ? '（件名でも本文でも）' : ''}`,
              en: `${labels.size} different kinds of bait are stacked: ${names.map((m) => m.lure.label.en).join(', ')}${echoed ? ' (in the subject and again in the body)' : ''}`,
            }
          : {
              ja: `件名の誘い文句（「${inSubject?.phrase}」）を本文でも繰り返しています`,
              en: `The bait in the subject ("${inSubject?.phrase}") is repeated in the body`,
            },
    };
  },
});
