import { describeError } from '../core/errors.js';
import type { DecodedRequest } from '../core/serve/protocol.js';
import type { LoadedModel } from './loaded-model.js';
import type { ServerMetrics } from './metrics.js';
import type { PredictionLog } from './prediction-log.js';

/** One answered request to run again on the model's shadow version. */
export interface ShadowJob {
  name: string;
  /** The shadow version, acquired by the caller; released here once run or dropped. */
  model: LoadedModel;
  request: DecodedRequest;
  id: string | undefined;
  /** The answered request's key in the prediction log, so both arms' rows share it. */
  logKey: string | undefined;
  features?: string[];
}

/** Shadow runs waiting at most (`--shadow-queue`): beyond it a run is dropped and counted. */
export const DEFAULT_SHADOW_QUEUE = 64;

/**
 * Runs requests on shadow versions after their answers went out, one at a time, from a bounded
 * queue: a slow shadow fills the queue and further runs are dropped (counted), a failing one is
 * counted and logged; neither can delay or fail an answer, which was sent before the job came here.
 */
export class ShadowRunner {
  private readonly queue: ShadowJob[] = [];
  private running: Promise<void> | undefined;
  private readonly failures = new Map<LoadedModel, number>();

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly opts: {
      capacity?: number;
      predictionLog?: PredictionLog | undefined;
      log?: ((line: string) => void) | undefined;
    } = {},
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  /** Queues a run; false (and the model released) when the queue is full. */
  offer(job: ShadowJob): boolean {
    if (this.queue.length >= (this.opts.capacity ?? DEFAULT_SHADOW_QUEUE)) {
      this.metrics.shadowRuns.inc({ ...this.labels(job), outcome: 'dropped' });
      job.model.release();
      return false;
    }
    this.queue.push(job);
    this.metrics.shadowQueue.set({}, this.queue.length);
    // After this turn of the event loop: the answer's bytes go out before the shadow starts.
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
    return true;
  }

  /** Resolves once every queued run has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        this.metrics.shadowQueue.set({}, this.queue.length);
        await this.run(job);
      }
    } finally {
      this.running = undefined;
    }
  }

  private labels(job: ShadowJob): { model: string; version: string } {
    return { model: job.name, version: job.model.version };
  }

  private async run(job: ShadowJob): Promise<void> {
    const labels = this.labels(job);
    const started = performance.now();
    try {
      const outputs = await job.model.infer(job.request, true);
      const ms = performance.now() - started;
      this.metrics.shadowRuns.inc({ ...labels, outcome: 'ok' });
      this.metrics.shadowDuration.observe(labels, ms / 1000);
      this.metrics.rows.inc({ ...labels, role: 'shadow' }, job.request.inputs[0]?.shape[0] ?? 1);
      const log = this.opts.predictionLog;
      if (log && job.logKey !== undefined) {
        const logged = log.write({
          model: job.name,
          version: job.model.version,
          role: 'shadow',
          request: job.logKey,
          id: job.id,
          ms,
          inputs: job.request.inputs,
          outputs,
          ...(job.features ? { features: job.features } : {}),
        });
        this.metrics.logRows.inc({ model: job.name, outcome: 'written' }, logged.rows);
        if (logged.dropped)
          this.metrics.logRows.inc({ model: job.name, outcome: 'dropped' }, logged.dropped);
      }
    } catch (e) {
      this.metrics.shadowRuns.inc({ ...labels, outcome: 'failed' });
      // A shadow that fails every request would flood the log: the 1st, 10th, 100th, ... failure.
      const n = (this.failures.get(job.model) ?? 0) + 1;
      this.failures.set(job.model, n);
      if (/^10*$/.test(String(n)))
        this.opts.log?.(
          `shadow ${job.name} ${job.model.version} failed (${n} time${n > 1 ? 's' : ''}): ${describeError(e)}`,
        );
    } finally {
      job.model.release();
    }
  }
}
