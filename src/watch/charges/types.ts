/**
 * Card charges as sagicheck reads them from statement downloads and card-usage notice mails, and the reasons a
 * charge is flagged. Pure data: no I/O anywhere under src/watch/charges.
 */
import type { Evidence, Text } from '../../engine/report.js';

export type StatementFormat = 'rakuten' | 'smbc' | 'generic';

/** One charge as read from a statement row or a notice mail. Amounts are whole yen as billed. */
export interface Charge {
  /** YYYY-MM-DD (the day of use, Japan time as the issuer prints it). */
  date: string;
  /** HH:MM when the source gives it (notice mails), else null. */
  time: string | null;
  /** The merchant as written (trimmed); null when the source omits it (楽天カード 速報版). */
  merchant: string | null;
  /** Yen; negative for a refund. */
  amount: number;
  /** The original currency of a foreign charge (ISO 4217 as printed), else null. */
  currency: string | null;
  /** The amount in that currency, when given. */
  originalAmount: number | null;
  /** 本人 / 家族 … when the source says who used the card. */
  user: string | null;
  /** Where it was read: the format (rakuten, smbc, generic, mail:<issuer>) and the line or message. */
  source: { format: string; line?: number; section?: string | null };
}

/** A reason a charge looks wrong, in the engine's finding shape (id, weight, evidence, message). */
export interface Reason {
  id:
    | 'charges/new-merchant'
    | 'charges/repeated-amount'
    | 'charges/digital-content'
    | 'charges/gift-card'
    | 'charges/test-charge'
    | 'charges/foreign'
    | 'charges/open-case';
  weight: number;
  evidence: Evidence[];
  message: Text;
}

export interface FlaggedCharge extends Charge {
  card: string;
  /** Sum of the reasons' weights, clamped to 0-100 like the engine's score. */
  score: number;
  flagged: boolean;
  reasons: Reason[];
}

/** A charge already stored for the card (earlier imports), as flagging needs it. */
export interface PastCharge {
  date: string;
  merchant: string | null;
  amount: number;
}

/** An open recovery case that names cards: any charge on them after the leak date is suspect. */
export interface OpenCase {
  id: string;
  title?: string;
  /** Card names as the user calls them (the same names as `--card`). */
  cards: string[];
  /** YYYY-MM-DD: when the card details were (or may have been) given away. */
  leakDate: string;
}

/** Column mapping for the generic CSV: 0-based indexes, or header names. */
export interface ColumnMapping {
  date: number | string;
  merchant: number | string;
  amount: number | string;
  currency?: number | string;
}

export interface ParseResult {
  charges: Charge[];
  /** Rows that looked like charges but could not be read, said plainly. */
  problems: { line: number; text: string }[];
  /** Which layout was recognised (e.g. `smbc/vpass-classic`). */
  layout: string;
}
