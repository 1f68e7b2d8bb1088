import { describe, expect, it } from 'vitest';
import type { ResponseOutput } from '../../../src/core/serve/protocol.js';
import type { LoadedModel } from '../../../src/serve/loaded-model.js';
import { ServerMetrics } from '../../../src/serve/metrics.js';
import { ShadowRunner, type ShadowJob } from '../../../src/serve/shadow-runner.js';

/** A shadow version whose runs finish when the test says so; counts acquire/release. */
function heldModel() {
  const pending: { resolve(o: ResponseOutput[]): void; reject(e: Error): void }[] = [];
  let held = 0;
  const model = {
    version: '2.0.0',
    infer: () =>
      new Promise<ResponseOutput[]>((resolve, reject) => pending.push({ resolve, reject })),
    acquire: () => held++,
    release: () => held--,
  };
  return {
    model: model as unknown as LoadedModel,
    pending,
    held: () => held,
    acquire: () => model.acquire(),
  };
}

const job = (model: LoadedModel, id: string): ShadowJob => ({
  name: 'clf',
  model,
  id,
  logKey: undefined,
  request: {
    id,
    parameters: undefined,
    inputs: [{ name: 'input', datatype: 'FP32', shape: [1, 4], values: [1, 2, 3, 4] }],
    outputs: ['label'],
  },
});

const tick = () => new Promise((r) => setImmediate(r));

describe('shadow runner', () => {
  it('starts no run in the turn that queued it: the answer goes out first', async () => {
    const m = heldModel();
    const runner = new ShadowRunner(new ServerMetrics());
    m.acquire();
    runner.offer(job(m.model, 'a'));
    expect(m.pending).toHaveLength(0);
    await tick();
    expect(m.pending).toHaveLength(1);
    m.pending[0]!.resolve([]);
    await runner.idle();
    expect(m.held()).toBe(0);
  });

  it('runs one at a time from a bounded queue and drops (and releases) what does not fit', async () => {
    const m = heldModel();
    const metrics = new ServerMetrics();
    const runner = new ShadowRunner(metrics, { capacity: 2 });
    const offered = ['a', 'b', 'c', 'd', 'e'].map((id) => {
      m.acquire();
      return runner.offer(job(m.model, id));
    });
    expect(offered).toEqual([true, true, false, false, false]);
    expect(m.held()).toBe(2);
    await tick();
    // One run at a time: the second waits for the first; the queue has room for one more now.
    expect(m.pending).toHaveLength(1);
    m.acquire();
    expect(runner.offer(job(m.model, 'f'))).toBe(true);
    m.pending[0]!.resolve([]);
    await tick();
    expect(m.pending).toHaveLength(2);
    m.pending[1]!.reject(new Error('boom'));
    await tick();
    m.pending[2]!.resolve([]);
    await runner.idle();
    expect(m.held()).toBe(0);
    const count = (outcome: string) =>
      metrics.shadowRuns.get({ model: 'clf', version: '2.0.0', outcome });
    expect([count('ok'), count('failed'), count('dropped')]).toEqual([2, 1, 3]);
    expect(metrics.shadowQueue.get()).toBe(0);
  });
});
