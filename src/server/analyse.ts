/**
 * The work of the analysis threads: a check (parse, analyse, serialise the report, compress the input for the store)
 * and, when a preview is first viewed, its rendering from the stored input.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { asRfc822 } from '../cli/msg.js';
import type { EngineData } from '../engine/data/types.js';
import { DEFAULT_LIMITS, type ParseLimits, parseEmail, UnreadableInput } from '../engine/parse/email.js';
import type { InputKind, Report } from '../engine/report.js';
import { inspectEmail, scanText, scanUrl } from '../engine/scan.js';
import { type NewCheck, reportIndex } from '../store/checks.js';
import { renderPreview, renderTextPreview } from './preview.js';

export type CheckJob =
  | { kind: 'email'; raw: Uint8Array; name: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string };
export type PreviewJob = { kind: 'preview'; input: InputKind; message: Uint8Array; reportJson: string };
export type Job = CheckJob | PreviewJob;

/** A finished check: the store's row for it (less whose it is), with the report in every form the store keeps. */
export type Checked = { ok: true } & Pick<
  NewCheck,
  'kind' | 'verdict' | 'score' | 'brand' | 'subject' | 'senderAddress' | 'senderDomain' | 'reportJson'
> & {
    /** Gzip-compressed here, off the server's main thread. */
    reportGz: Uint8Array;
    reportIndexJson: string;
    message: Uint8Array;
  };

export type Failed = { ok: false; detail: string };
export type Previewed = { ok: true; preview: string };
export type Outcome = Checked | Previewed | Failed;

export function analyseJob(job: CheckJob, data: EngineData, limits?: ParseLimits): Promise<Checked | Failed>;
export function analyseJob(
  job: PreviewJob,
  data: EngineData,
  limits?: ParseLimits,
): Promise<Previewed | Failed>;
export function analyseJob(job: Job, data: EngineData, limits?: ParseLimits): Promise<Outcome>;
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
  if (job.kind === 'preview') return { ok: true, preview: await preview(job, limits) };
  const source = { path: job.kind === 'email' ? (job.name ?? 'upload') : job.kind };
  let report: Report;
  let input: Uint8Array;
  if (job.kind === 'email') {
    // Outlook .msg files become RFC 5322 the way the CLI reads them.
    try {
      input = asRfc822(job.raw);
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
    report = (await inspectEmail(input, data, { source, limits })).report;
  } else {
    const text = job.kind === 'text' ? job.text : job.url;
    report =
      job.kind === 'text'
        ? scanText(text, data, { source, limits })
        : scanUrl(text, data, { source, limits });
    input = Buffer.from(text);
  }
  const address = report.sender.claimed.address?.toLowerCase() || null;
  const reportJson = JSON.stringify(report);
  return {
    ok: true,
    kind: report.kind,
    verdict: report.verdict,
    score: report.score,
    brand: report.brand,
    subject: report.subject,
    senderAddress: address,
    senderDomain: address?.includes('@') ? (address.split('@').pop() ?? null) : null,
    reportJson,
    reportGz: gzipSync(reportJson, { level: 1 }),
    reportIndexJson: JSON.stringify(reportIndex(report)),
    message: gzipSync(input, { level: 1 }),
  };
}

/** The same parse the verdict came from (the parser is deterministic), rendered with the stored report's marks. */
async function preview(job: PreviewJob, limits: ParseLimits): Promise<string> {
  const raw = gunzipSync(job.message);
  const report = JSON.parse(job.reportJson) as Report;
  if (job.input !== 'email') return renderTextPreview(raw.toString('utf8'), report);
  return renderPreview(await parseEmail(raw, limits), report);
}
