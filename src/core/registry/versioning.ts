import { ModelciError } from '../errors.js';
import type { ModelSignature, TensorSpec } from '../report/evaluation-report.js';
import { bumpVersion, checkVersion, sortVersions, type Bump } from './names.js';
import { sameVersionContent, type VersionRecord } from './records.js';

export interface SignatureChange {
  breaking: boolean;
  /** One sentence per change, e.g. `input "age": type float -> double`. */
  changes: string[];
}

function shapeCompatible(a: TensorSpec['shape'], b: TensorSpec['shape']): boolean {
  if (a.length !== b.length) return false;
  // A symbolic dimension (batch) matches anything; two fixed sizes must agree.
  return a.every((d, i) => typeof d !== 'number' || typeof b[i] !== 'number' || d === b[i]);
}

/**
 * How a caller of the old model is affected by the new signature: a removed or changed input or
 * output, or a new required input, breaks it; a new output does not.
 */
export function compareSignatures(oldSig: ModelSignature, newSig: ModelSignature): SignatureChange {
  const changes: string[] = [];
  let breaking = false;
  const side = (kind: 'input' | 'output', before: TensorSpec[], after: TensorSpec[]) => {
    const now = new Map(after.map((t) => [t.name, t]));
    const was = new Map(before.map((t) => [t.name, t]));
    for (const t of before) {
      const n = now.get(t.name);
      if (!n) {
        changes.push(`${kind} "${t.name}" removed`);
        breaking = true;
      } else {
        if (n.type !== t.type) {
          changes.push(`${kind} "${t.name}": type ${t.type} -> ${n.type}`);
          breaking = true;
        }
        if (!shapeCompatible(t.shape, n.shape)) {
          changes.push(
            `${kind} "${t.name}": shape [${t.shape.join(', ')}] -> [${n.shape.join(', ')}]`,
          );
          breaking = true;
        }
      }
    }
    for (const t of after)
      if (!was.has(t.name)) {
        changes.push(`${kind} "${t.name}" added`);
        if (kind === 'input') breaking = true;
      }
  };
  side('input', oldSig.inputs, newSig.inputs);
  side('output', oldSig.outputs, newSig.outputs);
  return { breaking, changes };
}

export type Allocation =
  | { kind: 'new'; version: string; bump?: Bump; reason: string }
  | { kind: 'existing'; version: string; reason: string };

export interface AllocateInput {
  /** Versions already in the registry (any order). */
  existing: string[];
  /** The latest version's record, when there is one (for the signature rule and re-run no-op). */
  latest?: VersionRecord;
  /** The record to write, without its version yet decided. */
  candidate: Omit<VersionRecord, 'version'>;
  /** Explicit version, or an explicit bump. */
  version?: string;
  bump?: Bump;
  /** The configured bump for a compatible signature. */
  defaultBump: 'minor' | 'patch';
  /** The record stored under `version` when an explicit version already exists. */
  existingRecord?: VersionRecord;
}

/**
 * Decides the version number: explicit, or the latest bumped by rule (breaking signature change ->
 * major). An explicit existing version with the same content, or an automatic bump whose content
 * equals the latest version (a re-run), is a no-op; an existing version with other content is refused.
 */
export function allocateVersion(input: AllocateInput): Allocation {
  const sorted = sortVersions(input.existing);
  const latest = sorted[sorted.length - 1];
  if (input.version) {
    const v = checkVersion(input.version);
    if (input.existing.includes(v)) {
      const rec = input.existingRecord;
      if (rec && sameVersionContent(rec, { ...input.candidate, version: v } as VersionRecord))
        return { kind: 'existing', version: v, reason: 'already registered with the same content' };
      throw new ModelciError(
        'REGISTRY',
        `version ${v} of "${input.candidate.model}" already exists with different content; versions are immutable`,
        { hint: 'Register a new version (omit --version to bump automatically)' },
      );
    }
    return { kind: 'new', version: v, reason: 'given explicitly' };
  }
  if (
    input.latest &&
    sameVersionContent(input.latest, { ...input.candidate, version: input.latest.version })
  )
    return {
      kind: 'existing',
      version: input.latest.version,
      reason: 'the latest version has the same content',
    };
  if (input.bump)
    return {
      kind: 'new',
      version: bumpVersion(latest, input.bump),
      bump: input.bump,
      reason: `${input.bump} bump requested`,
    };
  if (input.latest?.signature && input.candidate.signature) {
    const change = compareSignatures(input.latest.signature, input.candidate.signature);
    if (change.breaking)
      return {
        kind: 'new',
        version: bumpVersion(latest, 'major'),
        bump: 'major',
        reason: `breaking signature change: ${change.changes.join('; ')}`,
      };
  }
  return {
    kind: 'new',
    version: bumpVersion(latest, input.defaultBump),
    bump: input.defaultBump,
    reason: latest ? `${input.defaultBump} bump from ${latest}` : 'first version',
  };
}
