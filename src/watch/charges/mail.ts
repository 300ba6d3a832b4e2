/**
 * Card-usage notice mails (楽天カード「カード利用のお知らせ」, 三井住友カード「ご利用のお知らせ」, JCB「ショッピング
 * ご利用のお知らせ」): the engine first proves the mail genuine (an authenticated sender of the issuer's domain in
 * data/brands.json), only then are date, merchant and amount read from the text. A notice that fails that proof is
 * never imported: a fake "usage notice" is itself a phishing lure.
 */
import type { EngineData } from '../../engine/data/types.js';
import { visibleText } from '../../engine/parse/message.js';
import type { Report } from '../../engine/report.js';
import { inspectEmail, type ScanOptions } from '../../engine/scan.js';
import { parseAmount, parseDate, tidy } from './text.js';
import type { Charge } from './types.js';

/** The issuers whose notices are read, by brand id in data/brands.json. */
export const NOTICE_ISSUERS = ['rakuten-card', 'smbc-card', 'jcb'] as const;
export type NoticeIssuer = (typeof NOTICE_ISSUERS)[number];

export interface NoticeResult {
  /** The brand proven by authentication, when the mail is a genuine notice of a supported issuer. */
  issuer: NoticeIssuer | null;
  charges: Charge[];
  /** Why nothing was imported (not genuine, not a supported issuer, no charge found). */
  refused: { ja: string; en: string } | null;
  report: Report;
  /** The Message-ID, so one mail imported twice stores its charges once. */
  messageId: string | null;
}

/** Reads one raw message: the engine's report decides genuineness, then the issuer's layout is parsed. */
export async function chargesFromEmail(
  raw: Uint8Array | string,
  data: EngineData,
  options: ScanOptions = {},
): Promise<NoticeResult> {
  const { report, message } = await inspectEmail(raw, data, options);
  const messageId = message.headers.find((h) => h.key === 'message-id')?.value.trim() ?? null;
  const brand = report.genuine?.brand ?? null;
  if (!brand) {
    return {
      issuer: null,
      charges: [],
      report,
      messageId,
      refused: {
        ja: `送信元が認証されていないため、利用通知として読み込みません（判定: ${report.verdict}）`,
        en: `not imported: the sender is not authenticated (verdict: ${report.verdict})`,
      },
    };
  }
  if (!(NOTICE_ISSUERS as readonly string[]).includes(brand)) {
    return {
      issuer: null,
      charges: [],
      report,
      messageId,
      refused: {
        ja: `${brand} の正規メールですが、対応しているカード利用通知ではありません`,
        en: `genuine ${brand} mail, but not a supported card-usage notice`,
      },
    };
  }
  const issuer = brand as NoticeIssuer;
  const charges = noticeCharges(issuer, visibleText(message));
  return {
    issuer,
    charges,
    report,
    messageId,
    refused:
      charges.length === 0
        ? {
            ja: '利用通知の明細（利用日・金額）が見つかりません',
            en: 'no charge (date and amount) found in the notice',
          }
        : null,
  };
}

/** The charges written in a genuine notice's text (call only after the sender was authenticated). */
export function noticeCharges(issuer: NoticeIssuer, text: string): Charge[] {
  const t = text.normalize('NFKC').replace(/\r\n?/g, '\n');
  const format = `mail:${issuer}`;
  if (issuer === 'rakuten-card') return rakuten(t, format);
  if (issuer === 'smbc-card') return smbc(t, format);
  return jcb(t, format);
}

function make(
  format: string,
  date: string,
  time: string | null,
  merchant: string | null,
  amount: number,
  user: string | null = null,
): Charge {
  return {
    date,
    time,
    merchant: merchant ? tidy(merchant) || null : null,
    amount,
    currency: null,
    originalAmount: null,
    user,
    source: { format },
  };
}

/** ■利用日: … ■利用先: … ■利用者: … ■支払方法: … ■利用金額: 1,980 円 (速報版 without 利用先), or one line each. */
function rakuten(t: string, format: string): Charge[] {
  const out: Charge[] = [];
  const blocks = t.split(/(?=■利用日\s*[:：])/u).filter((b) => b.startsWith('■利用日'));
  for (const block of blocks) {
    const field = (name: string) =>
      new RegExp(`■${name}\\s*[:：]\\s*([^\\n]*)`, 'u').exec(block)?.[1]?.trim();
    const date = parseDate(field('利用日'));
    const amount = parseAmount(field('利用金額'));
    if (!date || amount === null) continue;
    out.push(make(format, date, null, field('利用先') ?? null, amount, field('利用者') ?? null));
  }
  if (out.length > 0) return out;
  const line = /^(\d{4}\/\d{1,2}\/\d{1,2})\s+(.+?)\s+(-?[\d,]+)\s*円(?:.*?利用者\s*[:：]\s*(\S+))?/gmu;
  for (const m of t.matchAll(line)) {
    const date = parseDate(m[1]);
    const amount = parseAmount(m[3]);
    if (date && amount !== null) out.push(make(format, date, null, m[2] ?? null, amount, m[4] ?? null));
  }
  return out;
}

/** ◇利用日：… ◇利用先：… ◇利用金額：2,849円, or ご利用日時：… then `<merchant>（買物） 1,375円` (one or two lines). */
function smbc(t: string, format: string): Charge[] {
  const out: Charge[] = [];
  const labelled = t.split(/(?=◇利用日\s*[:：])/u).filter((b) => b.startsWith('◇利用日'));
  for (const block of labelled) {
    const field = (name: string) =>
      new RegExp(`◇${name}\\s*[:：]\\s*([^\\n]*)`, 'u').exec(block)?.[1]?.trim();
    const when = /^(\S+)(?:\s+(\d{1,2}:\d{2}))?/u.exec(field('利用日') ?? '');
    const date = parseDate(when?.[1]);
    const amount = parseAmount(field('利用金額'));
    if (!date || amount === null) continue;
    out.push(make(format, date, when?.[2] ?? null, field('利用先') ?? null, amount));
  }
  if (out.length > 0) return out;
  const flat =
    /ご利用日時\s*[:：]\s*(\d{4}\/\d{1,2}\/\d{1,2})(?:\s+(\d{1,2}:\d{2}))?\s*\n\s*(.+?)\s*\n?\s*(-?[\d,]+)\s*円/gu;
  for (const m of t.matchAll(flat)) {
    const date = parseDate(m[1]);
    const amount = parseAmount(m[4]);
    const merchant = (m[3] ?? '').replace(/\((?:買物|ショッピング)\)\s*$/u, '');
    if (date && amount !== null) out.push(make(format, date, m[2] ?? null, merchant || null, amount));
  }
  return out;
}

/** 【ご利用日時(日本時間)】 YYYY/MM/DD HH:MM 【ご利用金額】 159円 【ご利用先】 … */
function jcb(t: string, format: string): Charge[] {
  const out: Charge[] = [];
  const blocks = t.split(/(?=【ご利用日時)/u).filter((b) => b.startsWith('【ご利用日時'));
  for (const block of blocks) {
    const when = /【ご利用日時[^】]*】\s*(\d{4}\/\d{1,2}\/\d{1,2})(?:\s+(\d{1,2}:\d{2}))?/u.exec(block);
    const amount = parseAmount(/【ご利用金額】\s*([^\n]*)/u.exec(block)?.[1]);
    const merchant = /【ご利用先】\s*([^\n]*)/u.exec(block)?.[1]?.trim() ?? null;
    const date = parseDate(when?.[1]);
    if (!date || amount === null) continue;
    out.push(make(format, date, when?.[2] ?? null, merchant, amount));
  }
  return out;
}
