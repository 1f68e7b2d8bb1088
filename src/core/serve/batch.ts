import type { DecodedRequest, ResponseOutput, ServingSignature } from './protocol.js';

/**
 * Dynamic batching, the pure half: which requests can share one model run, how their inputs are
 * stacked along the batch (first) dimension, and how the run's outputs are cut back per request.
 */

/** Rows of a request: the first dimension its inputs share (1 for scalars). */
export function requestRows(request: DecodedRequest): number {
  return request.inputs[0]?.shape[0] ?? 1;
}

/**
 * Requests with the same key can be stacked: every input of the model has a variable first
 * dimension, the request's inputs agree on it, and the requests have the same inputs (name,
 * datatype, dimensions after the first) and ask for the same outputs. undefined: run it alone.
 */
export function batchKey(request: DecodedRequest, signature: ServingSignature): string | undefined {
  if (!signature.inputs.every((t) => t.shape.length >= 1 && t.shape[0] === -1)) return undefined;
  const rows = requestRows(request);
  const parts: string[] = [];
  for (const input of [...request.inputs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (input.shape.length < 1 || input.shape[0] !== rows) return undefined;
    parts.push(`${input.name}:${input.datatype}:${input.shape.slice(1).join('x')}`);
  }
  return `${parts.join('|')}>${request.outputs.join('|')}`;
}

// Float rows are stacked straight into the run's tensor: pushing a batch's values onto a growing
// array and copying that into a Float32Array cost ~40x more (64 rows of 256 features).
const STACKED = { FP32: Float32Array, FP64: Float64Array } as const;

/** One request holding the rows of all, in order (inputs matched by name). */
export function mergeRequests(requests: DecodedRequest[]): DecodedRequest {
  const first = requests[0]!;
  const total = requests.reduce((n, r) => n + requestRows(r), 0);
  const inputs = first.inputs.map((input) => {
    const parts = requests.map((r) => r.inputs.find((i) => i.name === input.name)!.values);
    const length = parts.reduce((n, p) => n + p.length, 0);
    const typed = input.datatype === 'FP32' || input.datatype === 'FP64';
    let values: DecodedRequest['inputs'][number]['values'];
    if (typed) {
      const stacked = new STACKED[input.datatype as 'FP32' | 'FP64'](length);
      let offset = 0;
      for (const p of parts) {
        stacked.set(p as ArrayLike<number>, offset);
        offset += p.length;
      }
      values = stacked;
    } else {
      const list: (number | boolean | string)[] = [];
      for (const p of parts) for (let k = 0; k < p.length; k++) list.push(p[k]!);
      values = list;
    }
    return { ...input, shape: [total, ...input.shape.slice(1)], values };
  });
  return { id: undefined, parameters: undefined, inputs, outputs: first.outputs };
}

/**
 * The outputs of a merged run cut back into each request's rows; undefined when an output does not
 * have one entry per row along its first dimension (the model mixes rows: run requests alone).
 */
export function splitOutputs(
  outputs: ResponseOutput[],
  rows: number[],
): ResponseOutput[][] | undefined {
  const total = rows.reduce((a, b) => a + b, 0);
  if (!outputs.every((o) => o.shape.length >= 1 && o.shape[0] === total)) return undefined;
  const parts: ResponseOutput[][] = rows.map(() => []);
  for (const o of outputs) {
    const rowWidth = o.shape.slice(1).reduce((a, b) => a * b, 1);
    let offset = 0;
    rows.forEach((n, k) => {
      parts[k]!.push({
        ...o,
        shape: [n, ...o.shape.slice(1)],
        data: o.data.slice(offset * rowWidth, (offset + n) * rowWidth),
      });
      offset += n;
    });
  }
  return parts;
}
