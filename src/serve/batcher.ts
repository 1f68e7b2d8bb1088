import { batchKey, mergeRequests, requestRows, splitOutputs } from '../core/serve/batch.js';
import type { DecodedRequest, ResponseOutput, ServingSignature } from '../core/serve/protocol.js';

export interface BatchPolicy {
  /** Most rows in one run; a request with more runs alone. */
  maxRows: number;
  /** Longest a request waits for others to share its run (0: those parsed in the same tick). */
  waitMs: number;
}

interface Waiting {
  request: DecodedRequest;
  rows: number;
  resolve(outputs: ResponseOutput[]): void;
  reject(e: unknown): void;
}

interface Queue {
  waiting: Waiting[];
  rows: number;
  timer: NodeJS.Timeout | undefined;
  soon?: NodeJS.Immediate;
}

/**
 * Dynamic batching for one loaded model version: concurrent requests that can be stacked (see
 * core/serve/batch.ts) are coalesced into one run of at most `maxRows`, run as soon as no other
 * request is on its way (or after `waitMs` at the latest), and each gets its own rows back. A
 * failed run is retried one request at a time, so one bad request fails alone.
 */
export class Batcher {
  private readonly queues = new Map<string, Queue>();
  // Set when a merged run's outputs could not be cut per request: this model mixes rows.
  private unsplittable = false;

  constructor(
    private readonly run: (request: DecodedRequest) => Promise<ResponseOutput[]>,
    private readonly signature: ServingSignature,
    private readonly policy: BatchPolicy,
  ) {}

  /**
   * `quiet`: no other request for this model is on its way to the batcher (being read or checked),
   * so nobody is worth waiting for: the batch runs at the end of this tick instead of after the
   * wait. A lone client never waits; under load, requests wait for the ones behind them.
   */
  submit(request: DecodedRequest, quiet = false): Promise<ResponseOutput[]> {
    const key = batchKey(request, this.signature);
    const rows = requestRows(request);
    if (key === undefined || rows >= this.policy.maxRows || this.unsplittable)
      return this.run(request);
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { waiting: [], rows: 0, timer: undefined };
      this.queues.set(key, queue);
    }
    const q = queue;
    const answer = new Promise<ResponseOutput[]>((resolve, reject) =>
      q.waiting.push({ request, rows, resolve, reject }),
    );
    q.rows += rows;
    if (q.rows >= this.policy.maxRows) this.flush(key, q);
    else if (quiet) this.flushSoon(key, q);
    else if (!q.timer && this.policy.waitMs > 0)
      q.timer = setTimeout(() => this.flush(key, q), this.policy.waitMs);
    else if (!q.timer) this.flushSoon(key, q);
    return answer;
  }

  /** Runs what waits now: the requests that could have joined are gone (failed or answered). */
  flushAll(): void {
    for (const [key, q] of this.queues) this.flushSoon(key, q);
  }

  // At the end of this tick, so requests whose bodies completed in the same I/O turn still join.
  private flushSoon(key: string, q: Queue): void {
    if (q.timer) clearTimeout(q.timer as NodeJS.Timeout);
    else if (q.soon) return;
    q.timer = undefined;
    q.soon = setImmediate(() => this.flush(key, q));
  }

  private flush(key: string, q: Queue): void {
    if (this.queues.get(key) !== q) return; // flushed already
    clearTimeout(q.timer);
    if (q.soon) clearImmediate(q.soon);
    this.queues.delete(key);
    // Whole requests up to maxRows per run; the queue was flushed as soon as it reached maxRows,
    // so at most the last request overflows and runs in a second batch.
    let batch: Waiting[] = [];
    let rows = 0;
    for (const w of q.waiting) {
      if (rows + w.rows > this.policy.maxRows && batch.length > 0) {
        void this.runBatch(batch);
        batch = [];
        rows = 0;
      }
      batch.push(w);
      rows += w.rows;
    }
    if (batch.length) void this.runBatch(batch);
  }

  private async runBatch(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    let parts: ResponseOutput[][] | undefined;
    try {
      const outputs = await this.run(mergeRequests(batch.map((w) => w.request)));
      parts = splitOutputs(
        outputs,
        batch.map((w) => w.rows),
      );
      if (!parts) this.unsplittable = true;
    } catch {
      parts = undefined;
    }
    if (!parts) {
      // The run failed (or mixed rows): each request on its own, so errors stay with their request.
      await Promise.all(batch.map((w) => this.runAlone(w)));
      return;
    }
    batch.forEach((w, k) => w.resolve(parts[k]!));
  }

  private async runAlone(w: Waiting): Promise<void> {
    try {
      w.resolve(await this.run(w.request));
    } catch (e) {
      w.reject(e);
    }
  }
}
