// One signature rule: the signature gate (`compatible`) and the version bump (major on a breaking
// change) must give the same answer, with the same reasons, on every pair of signatures.
import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../../src/core/gates/evaluate-gates.js';
import type { VersionRecord } from '../../../../src/core/registry/records.js';
import { allocateVersion, compareSignatures } from '../../../../src/core/registry/versioning.js';
import type { ModelSignature, TensorSpec } from '../../../../src/core/report/evaluation-report.js';
import { signatureChanges } from '../../../../src/core/signature/compatibility.js';
import { Xoshiro128 } from '../../../../src/core/stats/prng.js';

const t = (name: string, type: string, shape: TensorSpec['shape']): TensorSpec => ({
  name,
  type,
  shape,
});
const BASE: ModelSignature = {
  inputs: [t('X', 'float', [null, 30])],
  outputs: [t('label', 'int64', [null]), t('probabilities', 'float', [null, 2])],
};

function record(version: string, signature: ModelSignature, sha: string): VersionRecord {
  return {
    schema: 'modelci/version@1',
    model: 'm',
    version,
    artifact: { uri: 'git:m/a', sha256: sha.repeat(64), bytes: 1, format: 'onnx' },
    signature,
    lineage: {},
    created_at: 't',
    created_by: 'me',
  };
}

/** What each side decides for one pair. */
function verdicts(before: ModelSignature, after: ModelSignature) {
  const gate = evaluateGates(
    { signature: 'compatible' },
    { metrics: {}, signatures: { baseline: before, candidate: after } },
  ).verdict.results[0]!;
  const alloc = allocateVersion({
    existing: ['1.4.0'],
    latest: record('1.4.0', before, 'a'),
    candidate: record('0.0.0', after, 'b'),
    defaultBump: 'minor',
  });
  if (alloc.kind !== 'new') throw new Error('a different artifact must get a new version');
  return {
    gatePasses: gate.passed,
    gateReason: gate.reason,
    major: alloc.version === '2.0.0',
    bumpReason: alloc.reason,
    breaking: compareSignatures(before, after).breaking,
  };
}

const CASES: [string, ModelSignature, boolean][] = [
  ['unchanged', BASE, true],
  ['[?,30] -> [1,30]: batch made static', { ...BASE, inputs: [t('X', 'float', [1, 30])] }, false],
  ['[?,30] -> [?,31]', { ...BASE, inputs: [t('X', 'float', [null, 31])] }, false],
  [
    '[?,30] -> [?,F]: input made symbolic',
    { ...BASE, inputs: [t('X', 'float', [null, 'F'])] },
    true,
  ],
  ['batch renamed', { ...BASE, inputs: [t('X', 'float', ['batch', 30])] }, true],
  ['input dtype', { ...BASE, inputs: [t('X', 'double', [null, 30])] }, false],
  ['input rank', { ...BASE, inputs: [t('X', 'float', [null, 30, 1])] }, false],
  ['input removed', { ...BASE, inputs: [] }, false],
  ['input renamed', { ...BASE, inputs: [t('Y', 'float', [null, 30])] }, false],
  ['input added', { ...BASE, inputs: [...BASE.inputs, t('Z', 'float', [null, 1])] }, false],
  ['output added', { ...BASE, outputs: [...BASE.outputs, t('margin', 'float', [null])] }, true],
  ['output removed', { ...BASE, outputs: [BASE.outputs[0]!] }, false],
  ['output dtype', { ...BASE, outputs: [t('label', 'string', [null]), BASE.outputs[1]!] }, false],
  [
    'output [?,2] -> [?,?]: static output made symbolic',
    { ...BASE, outputs: [BASE.outputs[0]!, t('probabilities', 'float', [null, null])] },
    false,
  ],
  [
    'output [?] -> [1]: symbolic output made static',
    { ...BASE, outputs: [t('label', 'int64', [1]), BASE.outputs[1]!] },
    true,
  ],
];

describe('signature gate and version bump agree', () => {
  it.each(CASES)('%s', (_name, after, compatible) => {
    const v = verdicts(BASE, after);
    expect(v.gatePasses).toBe(compatible);
    expect(v.major).toBe(!compatible);
    expect(v.breaking).toBe(!compatible);
  });

  it('matches inputs by name: reordering them breaks no caller', () => {
    const ab = { inputs: [t('a', 'float', [null]), t('b', 'float', [null])], outputs: [] };
    const v = verdicts(ab, { ...ab, inputs: [ab.inputs[1]!, ab.inputs[0]!] });
    expect([v.gatePasses, v.major]).toEqual([true, false]);
  });

  it('name the same reasons: the gate lists exactly the changes the bump calls breaking', () => {
    const v = verdicts(BASE, { ...BASE, inputs: [t('X', 'float', [1, 30])] });
    expect(v.gateReason).toBe('signature not compatible: input "X" dimension 0 ? -> 1');
    expect(v.bumpReason).toBe('breaking signature change: input "X" dimension 0 ? -> 1');
  });

  it('agree on 3,000 random pairs of signatures', () => {
    const rng = new Xoshiro128(20260601);
    const pick = <T>(xs: T[]): T => xs[rng.nextInt(xs.length)]!;
    const dims: TensorSpec['shape'] = [null, 'batch', 'N', 1, 2, 3, 30];
    const tensor = (name: string): TensorSpec =>
      t(
        name,
        pick(['float', 'double', 'int64']),
        Array.from({ length: 1 + rng.nextInt(3) }, () => pick(dims)),
      );
    const signature = (): ModelSignature => ({
      inputs: ['a', 'b', 'c'].filter(() => rng.nextInt(3) > 0).map(tensor),
      outputs: ['p', 'q', 'r'].filter(() => rng.nextInt(3) > 0).map(tensor),
    });
    /** A small edit of `s`, so that compatible pairs are common too. */
    const mutate = (s: ModelSignature): ModelSignature => {
      const copy: ModelSignature = structuredClone(s);
      const side = pick([copy.inputs, copy.outputs]);
      const i = rng.nextInt(side.length + 1);
      if (i === side.length) side.push(tensor(pick(['a', 'b', 'c', 'p', 'q', 'z'])));
      else if (rng.nextInt(4) === 0) side.splice(i, 1);
      else {
        const shape = side[i]!.shape;
        if (shape.length) shape[rng.nextInt(shape.length)] = pick(dims);
      }
      return copy;
    };
    let compatible = 0;
    for (let n = 0; n < 3000; n++) {
      const before = signature();
      const after = rng.nextInt(4) === 0 ? signature() : mutate(before);
      const v = verdicts(before, after);
      expect(v.major, JSON.stringify({ before, after })).toBe(!v.gatePasses);
      expect(v.breaking).toBe(!v.gatePasses);
      if (!v.gatePasses)
        expect(v.bumpReason.slice('breaking signature change: '.length)).toBe(
          v.gateReason.slice('signature not compatible: '.length),
        );
      else compatible++;
    }
    // Both outcomes are exercised, not just one.
    expect(compatible).toBeGreaterThan(300);
    expect(compatible).toBeLessThan(2700);
  });

  it('lists non-breaking changes too, for the bump reason of a compatible change', () => {
    expect(
      signatureChanges(BASE, {
        inputs: [t('X', 'float', [null, 'F'])],
        outputs: [...BASE.outputs, t('margin', 'float', [null])],
      }).map((c) => [c.text, c.breaking]),
    ).toEqual([
      ['input "X" dimension 1 30 -> F', false],
      ['new output "margin"', false],
    ]);
  });
});
