/**
 * The work of the analysis threads: a check (parse, analyse, serialise the report, compress the input for the store)
 * and, when a preview is first viewed, its rendering from the stored input.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { asRfc822 } from '../cli/msg.js';
import type { EngineData } from '../engine/data/types.js';
import { DEFAULT_LIMITS, type ParseLimits, parseEmail, UnreadableInput } from '../engine/parse/email.js';
import type { InputKind, Report, Verdict } from '../engine/report.js';
import { inspectEmail, scanText, scanUrl } from '../engine/scan.js';
import { renderPreview, renderTextPreview } from './preview.js';

export type CheckJob =
  | { kind: 'email'; raw: Uint8Array; name: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string };
export type PreviewJob = { kind: 'preview'; input: InputKind; message: Uint8Array; reportJson: string };
export type Job = CheckJob | PreviewJob;

export interface Checked {
  ok: true;
  kind: InputKind;
  verdict: Verdict;
  score: number;
  brand: string | null;
  subject: string | null;
  senderAddress: string | null;
  senderDomain: string | null;
  reportJson: string;
  /** The same report gzip-compressed, as the store keeps it (made here, off the server's main thread). */
  reportGz: Uint8Array;
  /** The part of the report the store's queries read (see `reportIndex`), as JSON. */
  reportIndexJson: string;
  /** The input as checked (RFC 5322, or the text), gzip-compressed. */
  message: Uint8Array;
}

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

/**
 * What the database's queries look into (the dashboard's lure counts, the watcher's genuine notices): a few hundred
 * bytes instead of the whole report (~25 KB for a mail with a hundred links), which PGlite's jsonb input costs ~1 ms
 * of the main thread to take in. The whole report is stored beside it, compressed.
 */
export function reportIndex(report: Report): Pick<Report, 'genuine'> & {
  findings: Pick<Report['findings'][number], 'rule' | 'family' | 'category' | 'weight'>[];
} {
  return {
    genuine: report.genuine,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      family: f.family,
      category: f.category,
      weight: f.weight,
    })),
  };
}

/** The same parse the verdict came from (the parser is deterministic), rendered with the stored report's marks. */
async function preview(job: PreviewJob, limits: ParseLimits): Promise<string> {
  const raw = gunzipSync(job.message);
  const report = JSON.parse(job.reportJson) as Report;
  if (job.input !== 'email') return renderTextPreview(raw.toString('utf8'), report);
  return renderPreview(await parseEmail(raw, limits), report);
}
