import { ModelciError } from '../errors.js';
import type { RequestInput } from '../serve/protocol.js';

/**
 * The smoke samples file (`smoke.jsonl`, format `modelci/smoke-samples@1`): one JSON object per
 * line, an Open Inference Protocol request's inputs and the outputs recorded at evaluation for it:
 *   {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [...]}],
 *    "outputs": {"probabilities": [0.89, 0.11], "label": [0]}}
 * Outputs are flat row-major arrays by output name; only the outputs listed are compared.
 * `recordSmokeSamples` (src/deploy/smoke-samples.ts) writes it from a model and rows.
 */
export const SMOKE_SAMPLES_FORMAT = 'modelci/smoke-samples@1';

export interface SmokeSample {
  /** 1-based line in the file, for messages. */
  line: number;
  inputs: RequestInput[];
  outputs: Record<string, (number | string | boolean)[]>;
}

function fail(file: string, line: number, message: string): ModelciError {
  return new ModelciError('DATA', message, {
    file,
    row: line,
    hint: `Each line is {"inputs": [...], "outputs": {...}} (${SMOKE_SAMPLES_FORMAT})`,
  });
}

export function parseSmokeSamples(text: string, file: string): SmokeSample[] {
  const samples: SmokeSample[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      throw fail(file, line, `not JSON: ${(e as Error).message}`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw fail(file, line, 'not an object');
    const { inputs, outputs } = v as Record<string, unknown>;
    if (!Array.isArray(inputs) || inputs.length === 0)
      throw fail(file, line, '"inputs" must be a non-empty list');
    if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs))
      throw fail(file, line, '"outputs" must be an object of output name -> flat list');
    for (const [name, data] of Object.entries(outputs))
      if (!Array.isArray(data)) throw fail(file, line, `outputs.${name} must be a flat list`);
    samples.push({
      line,
      inputs: inputs as RequestInput[],
      outputs: outputs as SmokeSample['outputs'],
    });
  });
  if (samples.length === 0)
    throw new ModelciError('DATA', 'no smoke samples in file', {
      file,
      hint: 'Record samples with the evaluation (one JSON line per request)',
    });
  return samples;
}

export interface OutputMismatch {
  output: string;
  index: number;
  expected: unknown;
  actual: unknown;
}

/**
 * The first difference between recorded and served outputs: numbers within `tolerance`
 * (absolute, or relative to the recorded value when that is larger), everything else equal.
 */
export function compareOutputs(
  expected: SmokeSample['outputs'],
  actual: Record<string, unknown[]>,
  tolerance: number,
): OutputMismatch | undefined {
  for (const [name, want] of Object.entries(expected)) {
    const got = actual[name];
    if (!got) return { output: name, index: -1, expected: 'present', actual: 'missing' };
    if (got.length !== want.length)
      return {
        output: name,
        index: -1,
        expected: `${want.length} values`,
        actual: `${got.length} values`,
      };
    for (let i = 0; i < want.length; i++) {
      const w = want[i];
      const g = got[i];
      const ok =
        typeof w === 'number' && typeof g === 'number'
          ? Math.abs(w - g) <= tolerance * Math.max(1, Math.abs(w))
          : w === g;
      if (!ok) return { output: name, index: i, expected: w, actual: g };
    }
  }
  return undefined;
}
