import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { formatReport, verdictLabel } from '../../cli/format.js';
import type { Report } from '../../engine/report.js';
import { AUTO_SUBMITTED } from './policy.js';

export interface ReplyInput {
  from: string;
  to: string;
  /** The forward's Message-ID and Subject, so the answer threads under it. */
  inReplyTo: string | null;
  subject: string | null;
  report: Report;
}

/**
 * The answer to a forwarder: the verdict in the subject, the same explained report the CLI prints (Japanese, then
 * English) in the body, and Auto-Submitted so that their auto-responders do not answer us back (RFC 3834 §5).
 */
export async function composeReply(input: ReplyInput): Promise<Buffer> {
  const { report } = input;
  const label = `${verdictLabel(report.verdict, 'ja')} / ${verdictLabel(report.verdict, 'en')}`;
  const text = [
    'sagicheck（詐欺チェック）が転送されたメールを確認しました。リンクは開かずに、公式アプリかブックマークから確認してください。',
    'sagicheck checked the message you forwarded. Do not open its links; use the official app or your bookmark instead.',
    '',
    formatReport(report, 'ja', false),
    '',
    formatReport(report, 'en', false),
  ].join('\n');
  const mail = new MailComposer({
    from: input.from,
    to: input.to,
    subject: `[sagicheck] ${label}${input.subject ? `: ${input.subject}` : ''}`,
    text,
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo, references: input.inReplyTo } : {}),
    headers: { 'Auto-Submitted': AUTO_SUBMITTED, 'X-Auto-Response-Suppress': 'All' },
  });
  return mail.compile().build();
}
