import type { Category, Finding, Verdict } from './report.js';

/** Score thresholds (0–100); documented in the README. */
export const VERDICT_THRESHOLDS = {
  /** At or above: phishing or scam, whichever category carries more weight. */
  threat: 60,
  /** At or above: suspicious (or spam when bulk-mail findings dominate). */
  suspicious: 30,
} as const;

export function decide(findings: Finding[]): { verdict: Verdict; score: number } {
  const by: Record<Category, number> = { phishing: 0, scam: 0, spam: 0, trust: 0 };
  for (const f of findings) by[f.category] += f.weight;
  const total = by.phishing + by.scam + by.spam + by.trust;
  const score = Math.max(0, Math.min(100, Math.round(total)));
  const fraud = by.phishing + by.scam;
  if (score >= VERDICT_THRESHOLDS.threat && fraud >= by.spam) {
    return { verdict: by.phishing >= by.scam ? 'phishing' : 'scam', score };
  }
  if (score >= VERDICT_THRESHOLDS.suspicious)
    return { verdict: by.spam > fraud ? 'spam' : 'suspicious', score };
  return { verdict: 'no-threat-found', score };
}

/** Exit code for a verdict (README and --help): 0 no threat, 1 suspicious or spam, 2 phishing or scam. */
export function exitCode(verdict: Verdict): number {
  switch (verdict) {
    case 'phishing':
    case 'scam':
      return 2;
    case 'suspicious':
    case 'spam':
      return 1;
    default:
      return 0;
  }
}
