import type { SenderFacts } from '../../engine/analysis/sender.js';
import type { Header } from '../../engine/parse/message.js';

/** Who may get an answer from the forward-to-check address. */
export interface ReplyPolicy {
  /** Our own address: mail from it is our own reply coming back. */
  self: string;
  /** Addresses (`taro@example.jp`) and domains (`example.jp`, covering its subdomains) whose members may forward. */
  allow: string[];
  /** Replies per forwarder per hour. */
  perHour: number;
}

export type ReplyDecision = { reply: true; to: string } | { reply: false; reason: string };

/** The header we put on every reply (RFC 3834 §5) and look for to break loops. */
export const AUTO_SUBMITTED = 'auto-replied';

/**
 * Whether to answer a forwarded message, and to whom. The answer goes only to the forwarder's own From address, and
 * only when a trusted receiver proved that From domain (DMARC, or aligned DKIM/SPF): a Reply-To or an unauthenticated
 * From is the attacker's word, and answering it would make us their mail relay. Machine-made and looping mail gets
 * no answer (RFC 3834 §2).
 */
export function decideReply(
  headers: readonly Header[],
  sender: SenderFacts,
  policy: ReplyPolicy,
  recent: readonly Date[],
  now: Date,
): ReplyDecision {
  const value = (key: string) =>
    headers
      .find((h) => h.key === key)
      ?.value.trim()
      .toLowerCase() ?? null;
  const auto = value('auto-submitted');
  if (auto && auto !== 'no') return { reply: false, reason: `Auto-Submitted: ${auto} (RFC 3834)` };
  const precedence = value('precedence');
  if (precedence && /^(bulk|junk|list)$/.test(precedence))
    return { reply: false, reason: `Precedence: ${precedence}` };
  if (value('list-id') || value('list-unsubscribe')) return { reply: false, reason: 'mailing-list mail' };
  if (value('return-path') === '<>') return { reply: false, reason: 'a bounce (empty Return-Path)' };
  const from = sender.fromAddress;
  if (!from) return { reply: false, reason: 'no From address' };
  if (from === policy.self.toLowerCase()) return { reply: false, reason: 'our own address (loop)' };
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/.test(from))
    return { reply: false, reason: `${from} takes no replies` };
  if (!sender.authenticatedDomain || sender.authenticatedDomain !== sender.fromDomain) {
    return { reply: false, reason: `the forwarder ${from} is not authenticated by a trusted receiver` };
  }
  if (!allowed(from, policy.allow)) return { reply: false, reason: `${from} is not on the allow list` };
  const hourAgo = now.getTime() - 3_600_000;
  if (recent.filter((d) => d.getTime() > hourAgo).length >= policy.perHour) {
    return { reply: false, reason: `${from} already got ${policy.perHour} replies this hour` };
  }
  return { reply: true, to: from };
}

function allowed(address: string, allow: readonly string[]): boolean {
  const domain = address.split('@').pop() ?? '';
  return allow.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e.includes('@')) return e === address;
    return domain === e || domain.endsWith(`.${e}`);
  });
}
