/** What the user is sent when charges are flagged: a webhook's JSON body and a plain-text mail. Pure. */
import { yen } from './text.js';
import type { FlaggedCharge } from './types.js';

export interface FlaggedNotice {
  type: 'sagicheck.charges.flagged';
  version: 1;
  card: string;
  /** Where the charges came from (a file name or a message), for the reader. */
  source: string;
  charges: Pick<FlaggedCharge, 'date' | 'time' | 'merchant' | 'amount' | 'currency' | 'score' | 'reasons'>[];
}

export function webhookPayload(card: string, source: string, charges: FlaggedCharge[]): FlaggedNotice {
  return {
    type: 'sagicheck.charges.flagged',
    version: 1,
    card,
    source,
    charges: charges
      .filter((c) => c.flagged)
      .map(({ date, time, merchant, amount, currency, score, reasons }) => ({
        date,
        time,
        merchant,
        amount,
        currency,
        score,
        reasons,
      })),
  };
}

/** Subject and body in both languages (Japanese first): the mail goes to the user's own address. */
export function mailMessage(notice: FlaggedNotice): { subject: string; text: string } {
  const n = notice.charges.length;
  const subject = `[sagicheck] ${notice.card}: 確認が必要なカード利用 ${n}件 / ${n} card charge(s) to check`;
  const lines: string[] = [
    `カード「${notice.card}」に、確認が必要な利用が${n}件あります（${notice.source}）。`,
    '身に覚えがなければ、カード裏面の電話番号でカード会社に連絡し、カードを止めてください。',
    '',
  ];
  for (const c of notice.charges) {
    lines.push(
      `■ ${c.date}${c.time ? ` ${c.time}` : ''}  ${c.merchant ?? '（利用先なし）'}  ${yen(c.amount)}`,
    );
    for (const r of c.reasons) lines.push(`  - ${r.message.ja}`);
  }
  lines.push('', '---', '', `Card "${notice.card}" has ${n} charge(s) to check (${notice.source}).`);
  lines.push(
    'If you do not recognise them, call the number on the back of the card and have it stopped.',
    '',
  );
  for (const c of notice.charges) {
    lines.push(`* ${c.date}${c.time ? ` ${c.time}` : ''}  ${c.merchant ?? '(no merchant)'}  ${c.amount} JPY`);
    for (const r of c.reasons) lines.push(`  - ${r.message.en}`);
  }
  return { subject, text: `${lines.join('\n')}\n` };
}
