/** One check, as a worker thread runs it: parse and analyse the input, render the preview, serialise the report. */
import { asRfc822 } from '../cli/msg.js';
import type { EngineData } from '../engine/data/types.js';
import { DEFAULT_LIMITS, type ParseLimits, UnreadableInput } from '../engine/parse/email.js';
import type { InputKind, Report, Verdict } from '../engine/report.js';
import { inspectEmail, scanText, scanUrl } from '../engine/scan.js';
import { renderPreview, renderTextPreview } from './preview.js';

export type Job =
  | { kind: 'email'; raw: Uint8Array; name: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string };

export type Outcome =
  | {
      ok: true;
      kind: InputKind;
      verdict: Verdict;
      score: number;
      brand: string | null;
      subject: string | null;
      senderAddress: string | null;
      senderDomain: string | null;
      reportJson: string;
      preview: string;
    }
  | { ok: false; detail: string };

export function analyseJob(
  job: Job,
  data: EngineData,
  limits: ParseLimits = DEFAULT_LIMITS,
): Promise<Outcome> {
  return run(job, data, limits).catch((err: Error) => ({
    ok: false as const,
    detail: err instanceof UnreadableInput ? err.message : `internal error: ${err.message}`,
  }));
}

async function run(job: Job, data: EngineData, limits: ParseLimits): Promise<Outcome> {
  const source = { path: job.kind === 'email' ? (job.name ?? 'upload') : job.kind };
  let report: Report;
  let html: string;
  if (job.kind === 'email') {
    // Outlook .msg files become RFC 5322 the way the CLI reads them.
    let raw: Uint8Array;
    try {
      raw = asRfc822(job.raw);
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
    const inspected = await inspectEmail(raw, data, { source, limits });
    report = inspected.report;
    html = renderPreview(inspected.message, report);
  } else {
    const text = job.kind === 'text' ? job.text : job.url;
    report =
      job.kind === 'text'
        ? scanText(text, data, { source, limits })
        : scanUrl(text, data, { source, limits });
    html = renderTextPreview(text, report);
  }
  const address = report.sender.claimed.address?.toLowerCase() || null;
  return {
    ok: true,
    kind: report.kind,
    verdict: report.verdict,
    score: report.score,
    brand: report.brand,
    subject: report.subject,
    senderAddress: address,
    senderDomain: address?.includes('@') ? (address.split('@').pop() ?? null) : null,
    reportJson: JSON.stringify(report),
    preview: html,
  };
}
