/** A worker thread of the analysis pool: takes jobs by message, answers each with its id. */
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_DATA } from '../engine/data/default.js';
import type { Indicator } from '../engine/data/types.js';
import type { ParseLimits } from '../engine/parse/email.js';
import { analyseJob, type Job } from './analyse.js';

const { indicators, limits } = workerData as { indicators: Indicator[]; limits: ParseLimits };
const data = { ...DEFAULT_DATA, indicators };

parentPort?.on('message', async ({ id, job }: { id: number; job: Job }) => {
  parentPort?.postMessage({ id, outcome: await analyseJob(job, data, limits) });
});
parentPort?.postMessage({ ready: true });
