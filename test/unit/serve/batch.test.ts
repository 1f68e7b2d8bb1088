import { describe, expect, it } from 'vitest';
import { batchKey, mergeRequests, splitOutputs } from '../../../src/core/serve/batch.js';
import type { DecodedRequest, ServingSignature } from '../../../src/core/serve/protocol.js';

const signature: ServingSignature = {
  inputs: [
    { name: 'x', datatype: 'FP32', shape: [-1, 2] },
    { name: 'k', datatype: 'INT64', shape: [-1] },
  ],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 3] }],
};

const request = (rows: number, base: number, outputs = ['y']): DecodedRequest => ({
  id: `r${base}`,
  parameters: undefined,
  inputs: [
    // Inputs in another order than the signature's: matched by name.
    {
      name: 'k',
      datatype: 'INT64',
      shape: [rows],
      values: Array.from({ length: rows }, (_, i) => base + i),
    },
    {
      name: 'x',
      datatype: 'FP32',
      shape: [rows, 2],
      values: Array.from({ length: rows * 2 }, (_, i) => base * 10 + i),
    },
  ],
  outputs,
});

describe('batch merge and split', () => {
  it('stacks requests with the same inputs and outputs; others get another key or none', () => {
    expect(batchKey(request(1, 0), signature)).toBe(batchKey(request(5, 7), signature));
    expect(batchKey(request(1, 0, ['y']), signature)).not.toBe(
      batchKey(request(1, 0, []), signature),
    );
    const fixed = {
      ...signature,
      inputs: [{ name: 'x', datatype: 'FP32' as const, shape: [1, 2] }],
    };
    expect(batchKey(request(1, 0), fixed)).toBeUndefined();
    const ragged = request(2, 0);
    ragged.inputs[0]!.shape = [3];
    expect(batchKey(ragged, signature)).toBeUndefined();
  });

  it('merges rows in order and cuts the outputs back per request', () => {
    const merged = mergeRequests([request(1, 0), request(2, 5)]);
    expect(merged.inputs.map((i) => [i.name, i.shape, Array.from(i.values)])).toEqual([
      ['k', [3], [0, 5, 6]],
      ['x', [3, 2], [0, 1, 50, 51, 52, 53]],
    ]);
    // FP32 rows are stacked into the run's tensor as they are merged; INT64 stays a list (BigInt).
    expect(merged.inputs[1]!.values).toBeInstanceOf(Float32Array);
    expect(Array.isArray(merged.inputs[0]!.values)).toBe(true);
    const y = {
      name: 'y',
      datatype: 'FP32' as const,
      shape: [3, 3],
      data: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    };
    expect(splitOutputs([y], [1, 2])).toEqual([
      [{ ...y, shape: [1, 3], data: [1, 2, 3] }],
      [{ ...y, shape: [2, 3], data: [4, 5, 6, 7, 8, 9] }],
    ]);
    // An output that is not one entry per row cannot be cut: the caller runs requests alone.
    expect(splitOutputs([{ ...y, shape: [9], data: y.data }], [1, 2])).toBeUndefined();
  });
});
