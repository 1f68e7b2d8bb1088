import { ModelciError } from '../errors.js';
import type { ModelSignature } from '../report/evaluation-report.js';
import { breakingChanges, signatureChanges } from '../signature/compatibility.js';
import { bumpVersion, checkVersion, sortVersions, type Bump } from './names.js';
import { sameVersionContent, type VersionRecord } from './records.js';

export interface SignatureComparison {
  /** True when callers of the old model break (the signature gate's `compatible` fails). */
  breaking: boolean;
  /** One phrase per change, breaking or not, e.g. `input "age" dtype float -> double`. */
  changes: string[];
}

/** The bump's view of a signature change: the gate's rule (core/signature/compatibility.ts). */
export function compareSignatures(
  oldSig: ModelSignature,
  newSig: ModelSignature,
): SignatureComparison {
  const changes = signatureChanges(oldSig, newSig);
  return { breaking: changes.some((c) => c.breaking), changes: changes.map((c) => c.text) };
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
    const breaking = breakingChanges(input.latest.signature, input.candidate.signature);
    if (breaking.length)
      return {
        kind: 'new',
        version: bumpVersion(latest, 'major'),
        bump: 'major',
        reason: `breaking signature change: ${breaking.join('; ')}`,
      };
  }
  return {
    kind: 'new',
    version: bumpVersion(latest, input.defaultBump),
    bump: input.defaultBump,
    reason: latest ? `${input.defaultBump} bump from ${latest}` : 'first version',
  };
}
