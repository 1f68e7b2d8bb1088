import { describe, expect, it } from 'vitest';
import { parseRunCommitMessage, runCommitMessage } from '../../../src/core/runs/message.js';
import {
  checkSerialisable,
  checkTag,
  isRunId,
  runId,
  storedRecord,
} from '../../../src/core/runs/record.js';
import { parseRunRef, runRef } from '../../../src/core/runs/refs.js';
import { runSummary } from '../../../src/core/runs/summary.js';
import { runRecordProblem } from '../../../src/core/runs/validate.js';
import { errorOf } from '../../harness/error-of.js';
import { record } from './fixture.js';

describe('run ids and refs', () => {
  it('an id sorts by start time (UTC) and carries the random part', () => {
    const id = runId(new Date('2026-01-02T03:04:05.678Z'), 'a1b2c3');
    expect(id).toBe('20260102-030405-a1b2c3');
    expect(isRunId(id)).toBe(true);
    expect(isRunId('20260102-030405-A1B2C3')).toBe(false);
    expect(runId(new Date('2025-12-31T23:59:59Z'), '000000') < id).toBe(true);
  });

  it('a ref is refs/modelci/runs/<model>/<id>, and names git would refuse are refused', () => {
    expect(runRef('churn', '20260102-030405-a1b2c3')).toBe(
      'refs/modelci/runs/churn/20260102-030405-a1b2c3',
    );
    expect(parseRunRef('refs/modelci/runs/my.model/20260102-030405-a1b2c3')).toEqual({
      model: 'my.model',
      id: '20260102-030405-a1b2c3',
    });
    expect(parseRunRef('refs/heads/main')).toBeUndefined();
    expect(errorOf(() => runRef('churn.lock', '20260102-030405-a1b2c3')).message).toBe(
      'model name "churn.lock" cannot name a run ref',
    );
    expect(errorOf(() => runRef('Churn', '20260102-030405-a1b2c3')).message).toMatch(/Churn/);
    expect(errorOf(() => checkTag('two words')).message).toBe('invalid run tag "two words"');
  });
});

describe('params that JSON cannot carry are refused with their key path', () => {
  it.each([
    [{ lr: NaN }, 'params.lr', 'the number NaN'],
    [{ opt: { betas: [0.9, Infinity] } }, 'params.opt.betas[1]', 'the number Infinity'],
    [{ when: new Date(0) }, 'params.when', 'a date (write it as a string)'],
    [{ 'odd key': { f: () => 1 } }, 'params["odd key"].f', 'a function'],
    [{ big: 10n }, 'params.big', 'the big integer 10'],
    [{ gone: undefined }, 'params.gone', 'an undefined value'],
  ])('%o → %s', (value, path, what) => {
    const e = errorOf(() => checkSerialisable(value, 'params', 'modelci.yaml'));
    expect(e.where).toEqual({ file: 'modelci.yaml', path });
    expect(e.message).toBe(`${what} cannot be recorded in a run`);
  });

  it('a cycle is refused; plain data passes', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(errorOf(() => checkSerialisable(a, 'params')).where.path).toBe('params.self');
    const shared = { k: 1 };
    expect(() =>
      checkSerialisable({ a: shared, b: shared, c: [null, 'x', true, -0.5] }, 'params'),
    ).not.toThrow();
  });
});

describe('the commit message holds the record', () => {
  it('round-trips, and says what is wrong with anything else', () => {
    const r = record({ tags: ['baseline'], note: 'first "try"\nsecond line' });
    const msg = runCommitMessage(r);
    expect(msg.split('\n')[0]).toBe('Run churn 20260102-030405-a1b2c3: succeeded');
    // The message holds the summary (what listing needs); run.json in the tree the full record.
    expect(parseRunCommitMessage(msg).summary).toEqual(runSummary(r));
    expect(msg.length).toBeLessThan(JSON.stringify(r).length);
    expect(parseRunCommitMessage('just a subject\n').problem).toBe(
      'the commit message holds no run record',
    );
    expect(parseRunCommitMessage('s\n\n{"schema":"other"}').problem).toBe(
      'schema is "other", not modelci/run@1',
    );
    expect(parseRunCommitMessage('s\n\n{oops').problem).toMatch(
      /^the commit message is not a run record/,
    );
    expect(runRecordProblem({ ...record(), tags: 'x' })).toBe('tags is not a list of strings');
  });

  it('the stored record leaves out local file paths', () => {
    const withFiles = { ...record(), files: { model: '/home/runner/m.onnx' } };
    expect(storedRecord(withFiles)).toEqual(record());
  });
});
