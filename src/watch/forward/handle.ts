import { senderFacts } from '../../engine/analysis/sender.js';
import type { EngineData } from '../../engine/data/types.js';
import { parseEmail } from '../../engine/parse/email.js';
import type { Report } from '../../engine/report.js';
import { receiversFor, scanEmail } from '../../engine/scan.js';
import type { SmtpSettings, sendRaw } from '../../report/smtp.js';
import { decideReply, type ReplyDecision, type ReplyPolicy } from './policy.js';
import { composeReply } from './reply.js';

export interface ForwardDeps {
  data: EngineData;
  policy: ReplyPolicy;
  smtp: SmtpSettings;
  send: typeof sendRaw;
  /** Reply times per forwarder, for the hourly limit; kept by the caller across messages. */
  recent: Map<string, Date[]>;
  now?: () => Date;
}

export interface ForwardResult {
  report: Report;
  decision: ReplyDecision;
}

/**
 * A message that reached the forward-to-check address: the original inside is checked (the engine unwraps the
 * forward), while whether to answer is decided on the outer message, the forwarder's own, as its receiver wrote it.
 */
export async function handleForward(raw: Uint8Array, deps: ForwardDeps): Promise<ForwardResult> {
  const report = await scanEmail(raw, deps.data);
  // The header block alone parses as the forwarder's message without the original that scanEmail unwrapped.
  const outer = await parseEmail(headerBlock(raw));
  const sender = senderFacts(outer, receiversFor(deps.data), null);
  const now = deps.now?.() ?? new Date();
  const key = sender.fromAddress ?? '';
  const decision = decideReply(outer.headers, sender, deps.policy, deps.recent.get(key) ?? [], now);
  if (decision.reply) {
    const messageId = outer.headers.find((h) => h.key === 'message-id')?.value.trim() ?? null;
    const reply = await composeReply({
      from: deps.smtp.from,
      to: decision.to,
      inReplyTo: messageId,
      subject: outer.subject,
      report,
    });
    await deps.send(deps.smtp, { from: deps.smtp.from, to: [decision.to] }, reply);
    deps.recent.set(key, [...(deps.recent.get(key) ?? []), now]);
  }
  return { report, decision };
}

function headerBlock(raw: Uint8Array): Uint8Array {
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return raw.subarray(0, i + 2);
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return raw.subarray(0, i + 3);
  }
  return raw;
}
