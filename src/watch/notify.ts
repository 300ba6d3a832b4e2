/**
 * Telling the user at once: a flagged charge (from an import or a notice mail) or a flagged message (from the mailbox
 * watcher) goes to the webhook and/or the mail address they configured (`sagicheck charges notify`), nowhere else.
 */
import nodemailer from 'nodemailer';
import type { Report } from '../engine/report.js';
import type { NotifySettings } from '../store/charges.js';
import { type FlaggedNotice, mailMessage } from './charges/notify.js';

export interface MessageNotice {
  type: 'sagicheck.message.flagged';
  version: 1;
  /** The mailbox and UID, or a file name. */
  source: string;
  checkId: string;
  verdict: Report['verdict'];
  score: number;
  brand: string | null;
  subject: string | null;
  from: string | null;
  findings: { rule: string; weight: number; message: { ja: string; en: string } }[];
}

export type Notice = FlaggedNotice | MessageNotice;

export function messageNotice(source: string, checkId: string, report: Report): MessageNotice {
  return {
    type: 'sagicheck.message.flagged',
    version: 1,
    source,
    checkId,
    verdict: report.verdict,
    score: report.score,
    brand: report.brand,
    subject: report.subject,
    from: report.sender.claimed.address ?? null,
    findings: report.findings
      .filter((f) => f.weight > 0)
      .map(({ rule, weight, message }) => ({ rule, weight, message })),
  };
}

/** Japanese first, then English, like every text sagicheck writes to a person. */
export function messageMail(n: MessageNotice): { subject: string; text: string } {
  const subject = `[sagicheck] ${n.verdict}: ${n.subject ?? '(件名なし / no subject)'}`;
  const lines = [
    `受信したメールが「${n.verdict}」と判定されました（スコア ${n.score}）。リンクを開かず、添付も開かないでください。`,
    `差出人: ${n.from ?? '不明'} / 件名: ${n.subject ?? '（なし）'} / ${n.source}`,
    ...n.findings.map((f) => `  - ${f.message.ja}`),
    '',
    '---',
    '',
    `A message you received was judged "${n.verdict}" (score ${n.score}). Do not open its links or attachments.`,
    `From: ${n.from ?? 'unknown'} / Subject: ${n.subject ?? '(none)'} / ${n.source}`,
    ...n.findings.map((f) => `  - ${f.message.en}`),
    '',
  ];
  return { subject, text: lines.join('\n') };
}

/** Sends the notice where the user configured it; returns one line per failure (never throws). */
export async function notify(settings: NotifySettings, notice: Notice): Promise<string[]> {
  const failures: string[] = [];
  if (settings.webhook) {
    try {
      const res = await fetch(settings.webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'sagicheck' },
        body: JSON.stringify(notice),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) failures.push(`webhook ${settings.webhook}: HTTP ${res.status}`);
    } catch (err) {
      failures.push(`webhook ${settings.webhook}: ${(err as Error).message}`);
    }
  }
  if (settings.smtp) {
    const s = settings.smtp;
    try {
      const transport = nodemailer.createTransport({
        host: s.host,
        port: s.port,
        secure: s.secure,
        ...(s.user ? { auth: { user: s.user, pass: process.env.SAGICHECK_SMTP_PASSWORD ?? '' } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      const { subject, text } =
        notice.type === 'sagicheck.message.flagged' ? messageMail(notice) : mailMessage(notice);
      await transport.sendMail({
        from: s.from,
        to: s.to,
        subject,
        text,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      transport.close();
    } catch (err) {
      failures.push(`mail via ${s.host}:${s.port}: ${(err as Error).message}`);
    }
  }
  return failures;
}
