/**
 * The one rule for "can callers of the old model call the new one?", shared by the signature gate
 * (core/gates/signature.ts) and the version bump (core/registry/versioning.ts): a change the gate
 * calls incompatible is exactly a change the bump calls breaking (major).
 *
 * Compatible: the same input names (any order), each with the same dtype and rank, static
 * dimensions unchanged, no symbolic dimension (e.g. the batch) made static (a static one may become
 * symbolic), no new inputs; every old output still exists with its dtype, rank and static
 * dimensions (an output may not become symbolic where it was static); new outputs are fine.
 */
import type { ModelSignature, TensorSpec } from '../report/evaluation-report.js';

export interface SignatureChange {
  side: 'input' | 'output';
  name: string;
  /** True when callers of the old model break: the gate fails `compatible`, the bump is major. */
  breaking: boolean;
  /** One phrase, e.g. `input "age" dtype float -> double`. */
  text: string;
}

/** Every change from `before` to `after` that matters to a caller, breaking or not. */
export function signatureChanges(before: ModelSignature, after: ModelSignature): SignatureChange[] {
  return [
    ...sideChanges('input', before.inputs, after.inputs),
    ...sideChanges('output', before.outputs, after.outputs),
  ];
}

/** The texts of the breaking changes; empty when `after` is compatible with `before`. */
export function breakingChanges(before: ModelSignature, after: ModelSignature): string[] {
  return signatureChanges(before, after)
    .filter((c) => c.breaking)
    .map((c) => c.text);
}

function sideChanges(
  side: 'input' | 'output',
  before: TensorSpec[],
  after: TensorSpec[],
): SignatureChange[] {
  const out: SignatureChange[] = [];
  const now = new Map(after.map((t) => [t.name, t]));
  const was = new Set(before.map((t) => t.name));
  for (const t of before) {
    const n = now.get(t.name);
    if (!n)
      out.push({ side, name: t.name, breaking: true, text: `${side} "${t.name}" was removed` });
    else out.push(...tensorChanges(side, t, n));
  }
  for (const t of after)
    if (!was.has(t.name))
      out.push(
        side === 'input'
          ? {
              side,
              name: t.name,
              breaking: true,
              text: `new input "${t.name}" (callers do not send it)`,
            }
          : { side, name: t.name, breaking: false, text: `new output "${t.name}"` },
      );
  return out;
}

function tensorChanges(
  side: 'input' | 'output',
  before: TensorSpec,
  after: TensorSpec,
): SignatureChange[] {
  const out: SignatureChange[] = [];
  const change = (breaking: boolean, what: string) =>
    out.push({ side, name: before.name, breaking, text: `${side} "${before.name}" ${what}` });
  if (before.type !== after.type) change(true, `dtype ${before.type} -> ${after.type}`);
  if (before.shape.length !== after.shape.length) {
    change(true, `rank ${before.shape.length} -> ${after.shape.length}`);
    return out;
  }
  before.shape.forEach((d, i) => {
    const e = after.shape[i];
    const fixedBefore = typeof d === 'number';
    const fixedAfter = typeof e === 'number';
    if (fixedBefore && fixedAfter) {
      if (d !== e) change(true, `dimension ${i} ${dim(d)} -> ${dim(e)}`);
    } else if (fixedBefore !== fixedAfter) {
      // Callers send inputs and read outputs: an input that became fixed-size rejects what they
      // send, an output that stopped being fixed-size breaks what they read; the reverse is fine.
      const breaking = side === 'input' ? fixedAfter : fixedBefore;
      change(breaking, `dimension ${i} ${dim(d)} -> ${dim(e)}`);
    }
  });
  return out;
}

function dim(d: number | string | null | undefined): string {
  return d === null || d === undefined ? '?' : String(d);
}

/** `name: type[d0, d1]`, symbolic dimensions by name (`?` when unnamed). */
export function describeTensor(t: TensorSpec): string {
  return `${t.name}: ${t.type}[${t.shape.map(dim).join(', ')}]`;
}
