import type { RunRecord } from '../../../src/core/runs/record.js';

/** A plausible run record; tests override what they look at. */
export function record(over: Partial<RunRecord> = {}): RunRecord {
  return {
    schema: 'modelci/run@1',
    id: '20260102-030405-a1b2c3',
    model_name: 'churn',
    status: 'succeeded',
    trainer: 'command',
    command: 'python train.py',
    seed: 42,
    params: { C: 1 },
    started_at: '2026-01-02T03:04:05.000Z',
    finished_at: '2026-01-02T03:05:05.000Z',
    duration_ms: 60_000,
    data: {},
    code: { commit: 'c'.repeat(40), dirty: false, branch: 'main' },
    environment: { os: 'linux', arch: 'x64', node: '20.0.0', modelci: '0.1.0' },
    tags: [],
    ...over,
  };
}
