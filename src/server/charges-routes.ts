/**
 * Card charges in the web app (issue 6) under /api/v1/: the stored charges per card for the chart (flagged ones with
 * their reasons), a statement import (楽天カード, 三井住友カード or a generic CSV with a column mapping the card then
 * remembers), "this merchant is mine", and a flagged charge opening or joining a recovery case as its evidence.
 * The flagging and the store are src/watch/charges and src/store/charges.ts; per user like the checks.
 */
import { buildPlan } from '../respond/plan.js';
import { addEvidence, createCase, getCase } from '../store/cases.js';
import {
  getCard,
  listCards,
  markKnown,
  recordCharges,
  type StoredCharge,
  saveCard,
  storedCharges,
} from '../store/charges.js';
import type { Db } from '../store/db.js';
import { detectFormat, parseMapping, parseStatement } from '../watch/charges/formats.js';
import { decodeBytes, merchantKey, parseDate, yen } from '../watch/charges/text.js';
import type { ColumnMapping, StatementFormat } from '../watch/charges/types.js';
import { bad, type ExtraRoute, formBody, jsonBody, type RouteCtx } from './cases-routes.js';
import { HttpError, sendJson } from './http.js';

/** One stored charge as the chart reads it: the stored charge without who used the card and its source line. */
export type ChargeItem = Omit<StoredCharge, 'user' | 'source'>;

/** The issuer playbook of the short card names a statement import uses. */
const CARD_ISSUER: Record<string, string> = { rakuten: 'rakuten-card', smbc: 'smbc-card', jcb: 'jcb' };
const CARD_NAME: Record<string, { ja: string; en: string }> = {
  rakuten: { ja: '楽天カード', en: 'Rakuten Card' },
  smbc: { ja: '三井住友カード', en: 'SMBC Card' },
  jcb: { ja: 'JCBカード', en: 'JCB card' },
};
const CARD = /^[\w.@+-][\w .@+-]{0,63}$/u;
const STATEMENT_LIMIT = 8 * 1024 * 1024;

export class ChargeRoutes {
  constructor(private db: Db) {}

  routes(): ExtraRoute[] {
    return [
      { method: 'GET', pattern: /^\/api\/v1\/charges$/, handler: (c) => this.list(c) },
      { method: 'POST', pattern: /^\/api\/v1\/charges\/import$/, handler: (c) => this.import(c) },
      { method: 'POST', pattern: /^\/api\/v1\/charges\/known$/, handler: (c) => this.known(c) },
      {
        method: 'POST',
        pattern: /^\/api\/v1\/charges\/([0-9]{1,18})\/case$/,
        handler: (c) => this.toCase(c),
      },
    ];
  }

  private async items(user: string, card: string | null, from: string, to: string): Promise<ChargeItem[]> {
    const rows = await storedCharges(this.db, user, {
      ...(card === null ? {} : { card }),
      since: from,
      until: to,
      order: 'oldest',
      limit: 5000,
    });
    return rows.map(({ user: _user, source: _source, ...item }) => item);
  }

  private async list({ res, user, url }: RouteCtx): Promise<void> {
    const q = url.searchParams;
    const day = (name: string, fallback: string) => {
      const v = q.get(name);
      if (v === null || v === '') return fallback;
      const d = parseDate(v);
      if (!d)
        throw new HttpError(400, 'bad-parameter', 'Bad parameter', `${name} must be a date (YYYY-MM-DD)`);
      return d;
    };
    const card = q.get('card') || null;
    if (card !== null && !CARD.test(card))
      throw new HttpError(400, 'bad-parameter', 'Bad parameter', 'card must be a card name');
    sendJson(res, 200, {
      cards: await listCards(this.db, user),
      items: await this.items(user, card, day('from', '0000-01-01'), day('to', '9999-12-31')),
    });
  }

  private async import({ req, res, user }: RouteCtx): Promise<void> {
    const { file, fields } = await formBody(req, STATEMENT_LIMIT);
    if (!file) throw new HttpError(400, 'no-file', 'No file', 'the form has no file field named "file"');
    const { text, encoding } = decodeBytes(file.content);
    const formatField = fields.get('format')?.trim() || null;
    if (formatField && !['rakuten', 'smbc', 'generic'].includes(formatField))
      throw bad('"format" must be rakuten, smbc or generic');
    const cardField = fields.get('card')?.trim() || null;
    if (cardField !== null && !CARD.test(cardField)) throw bad('"card" must be a short card name');
    let mapping: ColumnMapping | null = null;
    const map = fields.get('map')?.trim();
    if (map) {
      try {
        mapping = parseMapping(map);
      } catch (err) {
        throw bad(`"map": ${(err as Error).message}`);
      }
    }
    const stored = cardField ? await getCard(this.db, user, cardField) : null;
    const format: StatementFormat | null =
      (formatField as StatementFormat | null) ??
      (mapping ? 'generic' : null) ??
      detectFormat(text) ??
      stored?.format ??
      null;
    if (!format)
      throw new HttpError(
        422,
        'unreadable',
        'Statement not recognised',
        'not a 楽天カード or 三井住友カード statement: choose generic with a card name and a column mapping (date=0,merchant=1,amount=2)',
      );
    const card = cardField ?? (format === 'generic' ? null : format);
    if (!card) throw bad('a generic CSV needs a card name (its column mapping is remembered for that card)');
    const columns = format === 'generic' ? (mapping ?? stored?.mapping ?? null) : null;
    if (format === 'generic' && !columns)
      throw bad(`no column mapping known for card ${card}: give one (date=0,merchant=1,amount=2)`);
    const parsed = parseStatement(text, format, columns ?? undefined);
    if (parsed.charges.length === 0)
      throw new HttpError(
        422,
        'unreadable',
        'No charges found',
        parsed.problems.map((p) => `line ${p.line}: ${p.text}`).join('; ') || 'the file holds no charge rows',
      );
    await saveCard(this.db, user, card, format, columns);
    const result = await recordCharges(this.db, user, card, 'csv', parsed.charges);
    sendJson(res, 200, {
      file: file.name,
      card,
      format,
      layout: parsed.layout,
      encoding,
      problems: parsed.problems,
      added: result.added,
      flagged: result.charges.filter((c) => c.flagged).length,
      charges: result.charges,
    });
  }

  private async known({ req, res, user }: RouteCtx): Promise<void> {
    const body = await jsonBody(req);
    const card = typeof body.card === 'string' ? body.card.trim() : '';
    const merchant = typeof body.merchant === 'string' ? body.merchant.trim() : '';
    if (!CARD.test(card)) throw bad('"card" must be a card name');
    if (!merchant || merchant.length > 200) throw bad('"merchant" must be the merchant as shown');
    const key = merchantKey(merchant);
    if (!key) throw bad('"merchant" has nothing to compare by');
    const added = await markKnown(this.db, user, card, merchant, key);
    sendJson(res, added ? 201 : 200, { card, merchant, added });
  }

  /**
   * A flagged charge joins a case (`caseId`) or opens one ("unknown charges" on the card's issuer, from the charge's
   * day): the charge and its reasons become evidence, as JSON with its SHA-256, with a note a person can read.
   */
  private async toCase({ req, res, user, params }: RouteCtx): Promise<void> {
    const body = await jsonBody(req);
    const lang = body.lang === 'en' ? 'en' : 'ja';
    const found = (
      await this.db.query<{ card: string }>(
        'select card from charges where id = $1::bigint and user_id = $2',
        [params[0], user],
      )
    )[0];
    if (!found) throw new HttpError(404, 'not-found', 'Not found', `no charge ${params[0]} among yours`);
    const charge = (await this.items(user, found.card, '0000-01-01', '9999-12-31')).find(
      (c) => c.id === params[0],
    );
    if (!charge) throw new HttpError(404, 'not-found', 'Not found', `no charge ${params[0]} among yours`);
    let caseId = typeof body.caseId === 'string' && body.caseId ? body.caseId : null;
    const opened = caseId === null;
    if (caseId !== null) {
      if (!(await getCase(this.db, user, caseId)))
        throw new HttpError(404, 'not-found', 'Not found', `no case ${caseId} among your cases`);
    } else {
      const issuer = CARD_ISSUER[charge.card] ?? charge.card;
      const plan = buildPlan({
        brand: issuer,
        channel: 'mail',
        happened: ['unknown-charges'],
        when: `${charge.date}T${charge.time ?? '00:00'}+09:00`,
        cards: [issuer],
      });
      caseId = await createCase(this.db, {
        user,
        plan,
        lang,
        title:
          lang === 'ja'
            ? `${CARD_NAME[charge.card]?.ja ?? charge.card}の身に覚えのない請求`
            : `Unknown charges on ${CARD_NAME[charge.card]?.en ?? charge.card}`,
      });
    }
    const line = `${charge.date} ${charge.merchant ?? '-'} ${yen(charge.amount)}: ${charge.reasons.map((r) => r.message[lang]).join(' / ')}`;
    const evidence = await addEvidence(this.db, user, caseId, {
      filename: `charge-${charge.card}-${charge.date}-${charge.id}.json`,
      mediaType: 'application/json',
      content: Buffer.from(`${JSON.stringify(charge, null, 2)}\n`),
      note: line,
    });
    sendJson(res, opened ? 201 : 200, { caseId, opened, evidence }, { Location: `/api/v1/cases/${caseId}` });
  }
}
