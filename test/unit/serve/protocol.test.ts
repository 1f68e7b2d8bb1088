import { describe, expect, it } from 'vitest';
import {
  encodeFloatElement,
  isEncodedNonFinite,
  parseInferenceRequest,
  ProtocolError,
  validateAgainstSignature,
  type ServingSignature,
} from '../../../src/core/serve/protocol.js';

const signature: ServingSignature = {
  inputs: [
    { name: 'x', datatype: 'FP32', shape: [-1, 3] },
    { name: 'ids', datatype: 'INT64', shape: [-1] },
  ],
  outputs: [
    { name: 'y', datatype: 'FP32', shape: [-1] },
    { name: 'z', datatype: 'INT64', shape: [-1] },
  ],
};

function request(over: Record<string, unknown> = {}, x: Record<string, unknown> = {}) {
  return {
    inputs: [
      {
        name: 'x',
        shape: [2, 3],
        datatype: 'FP32',
        data: [
          [1, 2, 3],
          [4, 5, 6],
        ],
        ...x,
      },
      { name: 'ids', shape: [2], datatype: 'INT64', data: [7, 8] },
    ],
    ...over,
  };
}

function rejects(body: unknown, pattern: RegExp, status = 400): void {
  let err: unknown;
  try {
    validateAgainstSignature(parseInferenceRequest(body), signature, { maxBatch: 100 });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ProtocolError);
  expect((err as ProtocolError).status).toBe(status);
  expect((err as ProtocolError).message).toMatch(pattern);
}

describe('inference request validation', () => {
  it('flattens nested data row-major and keeps the id and requested outputs', () => {
    const d = validateAgainstSignature(
      parseInferenceRequest(request({ id: 'r-1', outputs: [{ name: 'z' }] })),
      signature,
    );
    expect(d.id).toBe('r-1');
    expect(d.inputs[0]!.values).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.inputs[1]!.values).toEqual([7, 8]);
    expect(d.outputs).toEqual(['z']);
  });

  it('returns every model output when the request names none', () => {
    const d = validateAgainstSignature(parseInferenceRequest(request()), signature);
    expect(d.outputs).toEqual(['y', 'z']);
  });

  it('accepts flat data of the right length', () => {
    const d = validateAgainstSignature(
      parseInferenceRequest(request({}, { data: [1, 2, 3, 4, 5, 6] })),
      signature,
    );
    expect(d.inputs[0]!.shape).toEqual([2, 3]);
  });

  it('rejects bodies that are not inference requests', () => {
    rejects([], /JSON object with "inputs"/);
    rejects({ inputs: [] }, /non-empty array/);
    rejects({ ...request(), id: 3 }, /"id" must be a string/);
    rejects({ ...request(), parameters: { a: [1] } }, /parameter "a"/);
    rejects({ inputs: [{ name: 'x', shape: [2, -3], datatype: 'FP32', data: [] }] }, /"shape"/);
    rejects(
      { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP33', data: [1, 2, 3] }] },
      /unknown datatype "FP33"/,
    );
    rejects(
      { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: 'abc' }] },
      /"data" must be an array/,
    );
  });

  it('caps the id and the parameters a client can make the server log or echo', () => {
    const ok = parseInferenceRequest({ ...request(), id: 'x'.repeat(256) });
    expect(ok.id).toHaveLength(256);
    rejects({ ...request(), id: 'x'.repeat(257) }, /"id" is 257 characters long; at most 256/);
    rejects({ ...request(), id: 'x'.repeat(50_000) }, /"id" is 50000 characters/);
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, i]));
    rejects({ ...request(), parameters: many }, /request "parameters" has 33 entries; at most 32/);
    rejects(
      { ...request(), parameters: { note: 'y'.repeat(1025) } },
      /request parameter "note" is 1025 characters long; at most 1024/,
    );
    rejects({ ...request(), parameters: { ['k'.repeat(65)]: 1 } }, /65-character name/);
    rejects(
      request({}, { parameters: { note: 'y'.repeat(2000) } }),
      /input "x" parameter "note" is 2000 characters/,
    );
  });

  it('rejects inputs that do not match the signature, naming the input', () => {
    rejects(request({}, { name: 'q' }), /unknown input "q"; the model's inputs are "x", "ids"/);
    rejects({ inputs: [request().inputs[0]] }, /missing input "ids"/);
    rejects(
      { inputs: [request().inputs[0], request().inputs[0], request().inputs[1]] },
      /more than once/,
    );
    rejects(request({}, { datatype: 'FP64' }), /"x" has datatype FP64, but the model expects FP32/);
    rejects(
      request({}, { shape: [2, 4], data: [1, 2, 3, 4, 5, 6, 7, 8] }),
      /shape \[2, 4\], but the model expects \[-1, 3\]/,
    );
    rejects(request({}, { shape: [6], data: [1, 2, 3, 4, 5, 6] }), /shape \[6\]/);
    rejects(request({}, { data: [1, 2, 3, 4, 5] }), /has 5 values, but shape \[2, 3\] needs 6/);
    rejects(
      request({}, { data: [1, 2, 'x', 4, 5, 6] }),
      /element 2 is "x", but datatype FP32 needs a number/,
    );
    rejects(request({}, { data: [1, 2, true, 4, 5, 6] }), /element 2 is true/);
    rejects(request({ outputs: [{ name: 'nope' }] }), /unknown output "nope"/);
    rejects(request({}, { shape: [101, 3], data: new Array(303).fill(0) }), /at most 100/);
  });

  it('refuses FP32 values that overflow float32 (they would reach the model as infinity)', () => {
    // 3.4028235e38 rounds to the largest float32; 3.5e38 is past it and becomes Infinity.
    const ok = validateAgainstSignature(
      parseInferenceRequest(request({}, { data: [3.4028235e38, -3.4028235e38, 1e-50, 4, 5, 6] })),
      signature,
    );
    expect(ok.inputs[0]!.values.slice(0, 3)).toEqual([3.4028235e38, -3.4028235e38, 1e-50]);
    rejects(
      request({}, { data: [1, 2, 3, 4, -3.5e38, 6] }),
      /^input "x": element 4 is -3\.5e\+38, but datatype FP32 needs a number within ±3\.4028234663852886e\+38 \(larger values overflow to infinity in float32\)$/,
    );
    // FP64 takes it.
    const sig64: ServingSignature = {
      inputs: [{ name: 'x', datatype: 'FP64', shape: [-1] }],
      outputs: [],
    };
    expect(
      validateAgainstSignature(
        parseInferenceRequest({
          inputs: [{ name: 'x', shape: [1], datatype: 'FP64', data: [1e300] }],
        }),
        sig64,
      ).inputs[0]!.values,
    ).toEqual([1e300]);
  });

  it('encodes non-finite float outputs as the strings JSON lacks literals for', () => {
    expect([1.5, NaN, Infinity, -Infinity, -0].map(encodeFloatElement)).toEqual([
      1.5,
      'NaN',
      'Infinity',
      '-Infinity',
      -0,
    ]);
    expect(['NaN', 'Infinity', '-Infinity'].map((s) => Number(s))).toEqual([
      NaN,
      Infinity,
      -Infinity,
    ]);
    expect(['NaN', 'Infinity', '-Infinity', 'nan', 1].map(isEncodedNonFinite)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('range-checks integer datatypes', () => {
    const body = request();
    body.inputs[1] = { name: 'ids', shape: [2], datatype: 'INT64', data: [1.5, 2] };
    rejects(body, /element 0 is 1.5, but datatype INT64 needs a whole number/);
    const sig: ServingSignature = {
      inputs: [{ name: 'b', datatype: 'UINT8', shape: [-1] }],
      outputs: [],
    };
    expect(() =>
      validateAgainstSignature(
        parseInferenceRequest({
          inputs: [{ name: 'b', shape: [1], datatype: 'UINT8', data: [256] }],
        }),
        sig,
      ),
    ).toThrow(/\[0, 255\]/);
  });

  it('checks BOOL and BYTES elements', () => {
    const sig: ServingSignature = {
      inputs: [
        { name: 'flag', datatype: 'BOOL', shape: [-1] },
        { name: 'text', datatype: 'BYTES', shape: [-1] },
      ],
      outputs: [],
    };
    const ok = validateAgainstSignature(
      parseInferenceRequest({
        inputs: [
          { name: 'flag', shape: [2], datatype: 'BOOL', data: [true, false] },
          { name: 'text', shape: [2], datatype: 'BYTES', data: ['a', 'b'] },
        ],
      }),
      sig,
    );
    expect(ok.inputs.map((i) => i.values)).toEqual([
      [true, false],
      ['a', 'b'],
    ]);
    expect(() =>
      validateAgainstSignature(
        parseInferenceRequest({
          inputs: [
            { name: 'flag', shape: [1], datatype: 'BOOL', data: [1] },
            { name: 'text', shape: [1], datatype: 'BYTES', data: ['a'] },
          ],
        }),
        sig,
      ),
    ).toThrow(/true or false/);
  });
});
