/**
 * Signature compatibility between a baseline and a candidate model.
 * - unchanged: same inputs and outputs (names, order, dtypes, shapes).
 * - compatible: callers of the baseline can call the candidate: the same input names (any order),
 *   each with the same dtype and rank, static dimensions unchanged, no symbolic dimension (e.g. the
 *   batch) made static (a static one may become symbolic), no new inputs; every baseline output still exists with its dtype, rank and static
 *   dimensions; new
 *   outputs are fine.
 */
import type { ModelSignature, TensorSpec } from '../report/evaluation-report.js';

/** Differences that break the requested level; empty when it holds. */
export function signatureDifferences(
  level: 'unchanged' | 'compatible',
  baseline: ModelSignature,
  candidate: ModelSignature,
): string[] {
  if (level === 'unchanged') {
    const diffs: string[] = [];
    for (const side of ['inputs', 'outputs'] as const) {
      const a = baseline[side].map(describe).join(', ');
      const b = candidate[side].map(describe).join(', ');
      if (a !== b) diffs.push(`${side} changed from (${a}) to (${b})`);
    }
    return diffs;
  }
  const diffs: string[] = [];
  const candIn = new Map(candidate.inputs.map((t) => [t.name, t]));
  const baseIn = new Set(baseline.inputs.map((t) => t.name));
  for (const t of baseline.inputs) {
    const c = candIn.get(t.name);
    if (!c) diffs.push(`input "${t.name}" was removed`);
    else diffs.push(...tensorDiffs('input', t, c));
  }
  for (const t of candidate.inputs) {
    if (!baseIn.has(t.name)) diffs.push(`new input "${t.name}" (callers do not send it)`);
  }
  const candOut = new Map(candidate.outputs.map((t) => [t.name, t]));
  for (const t of baseline.outputs) {
    const c = candOut.get(t.name);
    if (!c) diffs.push(`output "${t.name}" was removed`);
    else diffs.push(...tensorDiffs('output', t, c));
  }
  return diffs;
}

function tensorDiffs(kind: string, base: TensorSpec, cand: TensorSpec): string[] {
  const diffs: string[] = [];
  if (base.type !== cand.type) {
    diffs.push(`${kind} "${base.name}" dtype ${base.type} -> ${cand.type}`);
  }
  if (base.shape.length !== cand.shape.length) {
    diffs.push(`${kind} "${base.name}" rank ${base.shape.length} -> ${cand.shape.length}`);
  } else {
    base.shape.forEach((d, i) => {
      const e = cand.shape[i];
      if (typeof d === 'number' && typeof e === 'number' && d !== e) {
        diffs.push(`${kind} "${base.name}" dimension ${i} ${d} -> ${e}`);
      } else if (
        kind === 'input'
          ? typeof e === 'number' && typeof d !== 'number'
          : typeof d === 'number' && typeof e !== 'number'
      ) {
        // an input that became fixed-size, or an output that stopped being fixed-size
        diffs.push(`${kind} "${base.name}" dimension ${i} ${dim(d)} -> ${dim(e)}`);
      }
    });
  }
  return diffs;
}

function dim(d: number | string | null | undefined): string {
  return d === null || d === undefined ? '?' : String(d);
}

function describe(t: TensorSpec): string {
  return `${t.name}: ${t.type}[${t.shape.map(dim).join(', ')}]`;
}
