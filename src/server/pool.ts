/**
 * The analysis runs off the main thread: a pool of worker threads (one per core by default) takes the checks, while
 * the main thread only parses HTTP and writes to the database. A job that runs past its time limit costs its worker:
 * JavaScript cannot interrupt a running function, so the worker is terminated and a fresh one started.
 */
import { Worker } from 'node:worker_threads';
import type { Indicator } from '../engine/data/types.js';
import type { ParseLimits } from '../engine/parse/email.js';
import type { Checked, CheckJob, Failed, Job, Outcome, Previewed, PreviewJob } from './analyse.js';
import { HttpError } from './http.js';

export interface PoolOptions {
  size: number;
  indicators: Indicator[];
  limits: ParseLimits;
  /** Time for one check, from its start in a worker; past it the request fails with 503. */
  jobTimeoutMs: number;
  /** Checks waiting for a worker beyond this are refused at once (503) rather than queued for ever. */
  maxQueue: number;
}

interface Pending {
  id: number;
  job: Job;
  resolve(o: Outcome): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  running: Map<number, Pending>;
  ready: Promise<void>;
}

/** Jobs a worker holds at once: the second waits in its own queue, so it never idles between two messages. */
const PER_WORKER = 2;
const MAX_START_FAILURES = 5;

export class AnalysisPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that died before they were ready, since the last one that got ready. */
  private startFailures = 0;

  constructor(private options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  /**
   * Resolves when every worker has loaded the engine and its data. A worker that dies while loading is replaced
   * (see `replace`), so the pool is waited on again; after MAX_START_FAILURES deaths in a row it gives up.
   */
  async ready(): Promise<void> {
    for (;;) {
      try {
        await Promise.all(this.slots.map((s) => s.ready));
        return;
      } catch (err) {
        if (this.startFailures >= MAX_START_FAILURES || this.closed) throw err;
      }
    }
  }

  get size(): number {
    return this.slots.length;
  }

  run(job: CheckJob): Promise<Checked | Failed>;
  run(job: PreviewJob): Promise<Previewed | Failed>;
  run(job: Job): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    if (this.queue.length >= this.options.maxQueue)
      return Promise.reject(
        new HttpError(503, 'busy', 'Server busy', 'too many checks are waiting; try again in a moment', {
          'Retry-After': '1',
        }),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue) p.reject(new Error('server shutting down'));
    this.queue = [];
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { indicators: this.options.indicators, limits: this.options.limits },
    });
    const running = new Map<number, Pending>();
    let markReady: () => void = () => {};
    let failReady: (err: Error) => void = () => {};
    let isReady = false;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => {});
    const slot: Slot = { worker, running, ready };
    worker.on('message', (m: { ready?: true; id?: number; outcome?: Outcome }) => {
      if (m.ready) {
        isReady = true;
        this.startFailures = 0;
        markReady();
        return;
      }
      const p = running.get(m.id as number);
      if (!p) return;
      running.delete(p.id);
      clearTimeout(p.timer);
      p.resolve(m.outcome as Outcome);
      this.dispatch();
    });
    const died = (err: Error) => {
      if (!isReady) {
        this.startFailures++;
        failReady(err);
      }
      this.replace(slot, err);
    };
    worker.on('error', died);
    worker.on('exit', (code) => {
      if (!this.closed) died(new Error(`analysis worker exited with code ${code}`));
    });
    return slot;
  }

  /** A worker died or hung: fail what it held, start another in its place. */
  private replace(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    for (const p of slot.running.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    slot.running.clear();
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    if (this.closed) return;
    if (this.startFailures >= MAX_START_FAILURES) {
      // A worker that cannot even load (a broken install) would be restarted for ever: stop, and fail what waits.
      this.slots.splice(i, 1);
      if (this.slots.length === 0) {
        for (const p of this.queue) p.reject(err);
        this.queue = [];
        this.closed = true;
      }
      return;
    }
    this.slots[i] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | null = null;
      for (const s of this.slots)
        if (s.running.size < PER_WORKER && (!best || s.running.size < best.running.size)) best = s;
      if (!best) return;
      const p = this.queue.shift() as Pending;
      const slot = best;
      slot.running.set(p.id, p);
      p.timer = setTimeout(
        () =>
          this.replace(
            slot,
            new HttpError(
              503,
              'timeout',
              'Check timed out',
              `the check took longer than ${this.options.jobTimeoutMs / 1000} s and was stopped`,
            ),
          ),
        // The second job of a worker waits for the first: its clock includes that wait.
        this.options.jobTimeoutMs * slot.running.size,
      );
      if (p.job.kind === 'email') {
        // A copy of just the message's bytes, moved rather than cloned: a Buffer may view a much larger allocation.
        const raw = new Uint8Array(p.job.raw);
        slot.worker.postMessage({ id: p.id, job: { ...p.job, raw } }, [raw.buffer]);
      } else slot.worker.postMessage({ id: p.id, job: p.job });
    }
  }
}
