import { describe, expect, it } from 'vitest';
import { loggedRequests, predictionRows } from '../../../src/core/serve/prediction-rows.js';

describe('prediction log rows', () => {
  const base = {
    ts: '2026-01-01T00:00:00.000Z',
    model: 'clf',
    version: '1.0.0',
    role: 'canary' as const,
    request: 'a1b2c3d4-7',
    id: 'r1',
  };
  const outputs = [
    { name: 'probabilities', datatype: 'FP32' as const, shape: [2, 2], data: [0.9, 0.1, 0.3, 0.7] },
    { name: 'label', datatype: 'INT64' as const, shape: [2], data: [0, 1] },
  ];
  const input = {
    name: 'input',
    datatype: 'FP32' as const,
    shape: [2, 3],
    values: [1, 2, 3, 4, 5, 6],
  };

  it('writes one flat row per predicted row with features by name, the id on the first only', () => {
    const rows = predictionRows({
      ...base,
      inputs: [input],
      outputs,
      features: ['age', 'income', 'tenure'],
    });
    expect(rows).toEqual([
      {
        _ts: base.ts,
        _model: 'clf',
        _version: '1.0.0',
        _role: 'canary',
        _req: 'a1b2c3d4-7',
        _id: 'r1',
        _row: 0,
        age: 1,
        income: 2,
        tenure: 3,
        '_out.probabilities.0': 0.9,
        '_out.probabilities.1': 0.1,
        '_out.label': 0,
      },
      {
        _ts: base.ts,
        _model: 'clf',
        _version: '1.0.0',
        _role: 'canary',
        _req: 'a1b2c3d4-7',
        _row: 1,
        age: 4,
        income: 5,
        tenure: 6,
        '_out.probabilities.0': 0.3,
        '_out.probabilities.1': 0.7,
        '_out.label': 1,
      },
    ]);
  });

  it('names positions when feature names are unknown or do not fit', () => {
    const rows = predictionRows({
      ...base,
      id: undefined,
      inputs: [input],
      outputs,
      features: ['a', 'b'],
    });
    expect(rows[0]).toMatchObject({ _id: null, 'input.0': 1 });
    expect(rows[1]).toMatchObject({ 'input.0': 4, 'input.1': 5, 'input.2': 6 });
    expect(rows[1]).not.toHaveProperty('_id');
  });

  it('writes the time and the canary weight on row 0 only', () => {
    const rows = predictionRows({ ...base, ms: 1.23456, weight: 0.25, inputs: [input], outputs });
    expect(rows[0]).toMatchObject({ _id: 'r1', _ms: 1.235, _weight: 0.25 });
    expect(rows[1]).not.toHaveProperty('_ms');
    expect(rows[1]).not.toHaveProperty('_weight');
  });

  it('groups rows back into requests with their id, model, version and arm', () => {
    const a = predictionRows({ ...base, ms: 2, weight: 0.1, inputs: [input], outputs });
    const b = predictionRows({
      ...base,
      role: 'stable',
      request: 'a1b2c3d4-8',
      id: undefined,
      inputs: [input],
      outputs,
    });
    // The shadow's rows share the key of the request they ran beside: a separate arm.
    const shadow = predictionRows({
      ...base,
      role: 'shadow',
      version: '2.0.0',
      ms: 5,
      inputs: [input],
      outputs,
    });
    const requests = loggedRequests([...a, ...shadow, ...b]);
    expect(requests.map(({ rows, ...r }) => ({ ...r, rows: rows.length }))).toEqual([
      {
        request: 'a1b2c3d4-7',
        id: 'r1',
        model: 'clf',
        version: '1.0.0',
        role: 'canary',
        ms: 2,
        weight: 0.1,
        rows: 2,
      },
      {
        request: 'a1b2c3d4-7',
        id: 'r1',
        model: 'clf',
        version: '2.0.0',
        role: 'shadow',
        ms: 5,
        weight: null,
        rows: 2,
      },
      {
        request: 'a1b2c3d4-8',
        id: null,
        model: 'clf',
        version: '1.0.0',
        role: 'stable',
        ms: null,
        weight: null,
        rows: 2,
      },
    ]);
  });
  it('logs a non-finite float output as a missing value, keeping the column numeric', () => {
    const rows = predictionRows({
      ...base,
      inputs: [{ name: 'x', datatype: 'FP32', shape: [3], values: [1, 0, -1] }],
      outputs: [
        { name: 'log', datatype: 'FP32', shape: [3], data: [0, '-Infinity', 'NaN'] },
        { name: 'word', datatype: 'BYTES', shape: [3], data: ['NaN', 'a', 'b'] },
      ],
    });
    expect(rows.map((r) => r['_out.log'])).toEqual([0, null, null]);
    // Text outputs are data: the string "NaN" stays.
    expect(rows.map((r) => r['_out.word'])).toEqual(['NaN', 'a', 'b']);
  });
});
