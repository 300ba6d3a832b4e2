import type { Link } from '../../analysis/links.js';
import { fold } from '../../analysis/text.js';
import { defineRule } from '../../rule.js';
import { sameOrganisation } from '../sender/org.js';
import { firstBait, matchEvidence } from './phrases.js';

/**
 * Link texts that ask the reader to act (a button), in the languages of the lure lists. Whole link texts only
 * (at most a few words), so a sentence that happens to contain "here" is not a button.
 */
const CALL_TO_ACTION = new RegExp(
  [
    // en
    'click (here|below|now)',
    'tap here',
    'claim( (it|now|yours|your [a-z]+( [a-z]+)?|here|reward|prize|gift|bonus|offer))?',
    'get (started|it( now)?|yours|my [a-z]+|your [a-z]+|offer|access|quote|paid)',
    '(shop|order|buy|apply|start|join|play|register|sign up|act|check|learn|quote|compare) (now|today|here)',
    '(see|view|unlock|activate|redeem|accept|collect|receive|open) (the |my |your )?(offer|deal|reward|prize|gift|bonus|benefits?|rate|quote|now|here)',
    'redeem( now)?',
    'continue( here)?',
    'yes,? i want( it)?',
    'i want (it|my [a-z]+)',
    // pt / es
    'clique (aqui|agora|no botao|no botão)',
    'cote agora',
    '(quero|ver|resgatar|receber|solicitar|garantir|acessar|acesse|confirmar) ?([a-zà-ú]+ ?){0,3}',
    'saiba mais',
    '(haga|haz|pulse) (clic|click)( aqui| aquí)?',
    '(reclamar|obtener|ver|solicitar|acceder|conseguir) ([a-zá-ú]+ ?){0,3}',
    // de / nl
    'hier klicken',
    'jetzt [a-zäöüß]+( [a-zäöüß]+)?',
    'zum angebot',
    '(angebot|gewinn|gutschein|bonus|pramie|prämie) (sichern|einlosen|einlösen|anfordern|abholen)',
    'klik (hier|nu)',
    // fr / it
    'cliquez (ici|maintenant)',
    "j'en profite",
    '(reclamer|réclamer|recevoir|obtenir|profiter|decouvrir|découvrir) ([a-zà-ÿ]+ ?){0,3}',
    'clicca qui',
    '(richiedi|scopri|ottieni|riscatta) ([a-zà-ù]+ ?){0,3}',
    // ja
    'こちら.{0,8}',
    '今すぐ.{0,10}',
    '(受け取る|受け取り|申し込む|お申し込み|確認する|詳細を見る|詳しくはこちら)',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'u',
);
const CTA = new RegExp(`^(?:${CALL_TO_ACTION.source})[\\s!.>»→▶►:]*$`, 'u');

/** The words of a button-like link text, folded, with arrows and decoration dropped. */
function buttonText(text: string | null): string | null {
  if (!text) return null;
  const t = fold(text)
    .replace(/[\s\p{Extended_Pictographic}>»→▶►✔✅👉]+/gu, ' ')
    .trim();
  if (t.length === 0 || t.length > 40) return null;
  return CTA.test(t) ? t : null;
}

/**
 * A button ("Claim your reward", 「こちら」, "clique aqui") that leads to a site unrelated to the sender, in a message
 * that carries bait: the offer is made in one name and collected somewhere else.
 */
export default defineRule({
  meta: {
    id: 'lure/call-to-action-elsewhere',
    family: 'lure',
    category: 'scam',
    weight: 6,
    description: {
      ja: '誘い文句のあるメールで、「こちら」「今すぐ受け取る」などのボタンが送信元と無関係なサイトにつながっている',
      en: 'In a message with bait, a call-to-action button leads to a site unrelated to the sender',
    },
  },
  check(ctx) {
    const { message, sender, links } = ctx;
    if (message.kind !== 'email' || ctx.senderBrand || !sender.fromRegistrable) return null;
    let hit: { link: Link; text: string } | null = null;
    for (const l of links) {
      if (l.source !== 'html' || !l.host?.registrableDomain || !/^https?$/.test(l.scheme ?? '')) continue;
      const text = buttonText(l.text);
      if (!text) continue;
      if (sameOrganisation(l.host.registrableDomain, sender.fromRegistrable, ctx.brands)) continue;
      hit = { link: l, text };
      break;
    }
    if (!hit) return null;
    const bait = firstBait(ctx);
    if (!bait) return null;
    const site = hit.link.host?.registrableDomain ?? '';
    return {
      links: [hit.link],
      evidence: [
        { kind: 'link', value: `${hit.link.text?.trim()} → ${hit.link.destination}`, where: 'html' },
        matchEvidence(ctx, bait),
      ],
      message: {
        ja: `「${hit.link.text?.trim()}」のボタンは、送信元（${sender.fromRegistrable}）と関係のない ${site} につながっています。${bait.lure.label.ja}の文言（「${bait.phrase}」）で誘い、別のサイトへ連れて行く手口です`,
        en: `The button "${hit.link.text?.trim()}" leads to ${site}, which has nothing to do with the sender (${sender.fromRegistrable}); the ${bait.lure.label.en} wording ("${bait.phrase}") draws the reader to another site`,
      },
    };
  },
});
