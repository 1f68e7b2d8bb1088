import { describe, expect, it } from 'vitest';
import { ModelciError } from '../../../../src/core/errors.js';
import {
  bumpVersion,
  checkName,
  compareVersions,
  parseSemver,
  sortVersions,
} from '../../../../src/core/registry/names.js';
import type { VersionRecord } from '../../../../src/core/registry/records.js';
import { allocateVersion, compareSignatures } from '../../../../src/core/registry/versioning.js';
import type { ModelSignature } from '../../../../src/core/report/evaluation-report.js';

const sig: ModelSignature = {
  inputs: [{ name: 'x', type: 'float', shape: ['N', 4] }],
  outputs: [{ name: 'label', type: 'int64', shape: ['N'] }],
};

function rec(version: string, over: Partial<VersionRecord> = {}): VersionRecord {
  return {
    schema: 'modelci/version@1',
    model: 'm',
    version,
    artifact: { uri: 'git:m/a', sha256: 'b'.repeat(64), bytes: 3, format: 'onnx' },
    signature: sig,
    lineage: { commit: 'c'.repeat(40) },
    created_at: 't1',
    created_by: 'me',
    ...over,
  };
}

describe('semver and names', () => {
  it('parses, orders and bumps plain semver', () => {
    expect(parseSemver('v1.2.3')).toEqual({ major: 1, minor: 2, patch: 3 });
    expect(parseSemver('1.2')).toBeUndefined();
    expect(parseSemver('01.2.3')).toBeUndefined();
    expect(parseSemver('1.2.3-rc.1')).toBeUndefined();
    expect(sortVersions(['1.10.0', '1.2.0', '1.9.9', 'x', '0.0.1'])).toEqual([
      '0.0.1',
      '1.2.0',
      '1.9.9',
      '1.10.0',
    ]);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion(undefined, 'minor')).toBe('0.1.0');
  });
  it('accepts safe names only', () => {
    expect(checkName('churn-v2.1_x')).toBe('churn-v2.1_x');
    for (const bad of ['', '../x', 'a/b', 'A', '.hidden', '-x', 'a..b', 'a b'])
      expect(() => checkName(bad)).toThrow(ModelciError);
  });
});

describe('compareSignatures', () => {
  it('calls removed, retyped or reshaped inputs and new inputs breaking; a new output is not', () => {
    expect(compareSignatures(sig, sig)).toEqual({ breaking: false, changes: [] });
    expect(
      compareSignatures(sig, {
        ...sig,
        outputs: [...sig.outputs, { name: 'p', type: 'float', shape: ['N', 2] }],
      }),
    ).toEqual({
      breaking: false,
      changes: ['new output "p"'],
    });
    expect(
      compareSignatures(sig, { ...sig, inputs: [{ name: 'x', type: 'double', shape: ['N', 4] }] }),
    ).toEqual({
      breaking: true,
      changes: ['input "x" dtype float -> double'],
    });
    expect(
      compareSignatures(sig, { ...sig, inputs: [{ name: 'x', type: 'float', shape: ['N', 5] }] })
        .changes,
    ).toEqual(['input "x" dimension 1 4 -> 5']);
    expect(
      compareSignatures(sig, {
        ...sig,
        inputs: [{ name: 'x', type: 'float', shape: ['batch', 4] }],
      }).breaking,
    ).toBe(false);
    expect(
      compareSignatures(sig, { ...sig, inputs: [{ name: 'y', type: 'float', shape: ['N', 4] }] })
        .changes,
    ).toEqual(['input "x" was removed', 'new input "y" (callers do not send it)']);
  });
});

describe('allocateVersion', () => {
  const base = { defaultBump: 'minor' as const };
  it('bumps the latest by the configured rule, major on a breaking signature change', () => {
    const latest = rec('1.2.0');
    const cand = { ...rec('0.0.0', { artifact: { ...latest.artifact, sha256: 'd'.repeat(64) } }) };
    expect(
      allocateVersion({ ...base, existing: ['1.0.0', '1.2.0'], latest, candidate: cand }),
    ).toMatchObject({ kind: 'new', version: '1.3.0' });
    expect(
      allocateVersion({
        ...base,
        defaultBump: 'patch',
        existing: ['1.2.0'],
        latest,
        candidate: cand,
      }).version,
    ).toBe('1.2.1');
    const breaking = { ...cand, signature: { ...sig, inputs: [] } };
    expect(
      allocateVersion({ ...base, existing: ['1.2.0'], latest, candidate: breaking }),
    ).toMatchObject({ version: '2.0.0', bump: 'major' });
    expect(
      allocateVersion({ ...base, existing: ['1.2.0'], latest, candidate: breaking, bump: 'patch' })
        .version,
    ).toBe('1.2.1');
    expect(allocateVersion({ ...base, existing: [], candidate: cand })).toMatchObject({
      version: '0.1.0',
      reason: 'first version',
    });
  });
  it('treats a re-run with the latest content as a no-op', () => {
    const latest = rec('1.2.0', {
      lineage: { commit: 'c'.repeat(40), parent_version: '1.1.0', run_url: 'r1' },
    });
    const again = rec('0.0.0', {
      lineage: { commit: 'c'.repeat(40), parent_version: '1.2.0', run_url: 'r2' },
      created_at: 't2',
    });
    expect(
      allocateVersion({ ...base, existing: ['1.2.0'], latest, candidate: again }),
    ).toMatchObject({ kind: 'existing', version: '1.2.0' });
  });
  it('keeps explicit versions immutable: same content is a no-op, other content is refused', () => {
    const existing = rec('1.0.0');
    expect(
      allocateVersion({
        ...base,
        existing: ['1.0.0'],
        existingRecord: existing,
        candidate: rec('x', { created_at: 'later' }),
        version: '1.0.0',
      }),
    ).toMatchObject({ kind: 'existing' });
    expect(() =>
      allocateVersion({
        ...base,
        existing: ['1.0.0'],
        existingRecord: existing,
        candidate: rec('x', { metrics: { auc: { value: 0.9 } } }),
        version: '1.0.0',
      }),
    ).toThrow(/version 1.0.0 of "m" already exists with different content/);
    expect(
      allocateVersion({ ...base, existing: ['1.0.0'], candidate: rec('x'), version: 'v1.5.0' }),
    ).toMatchObject({ kind: 'new', version: '1.5.0' });
    expect(() =>
      allocateVersion({ ...base, existing: [], candidate: rec('x'), version: '1.0' }),
    ).toThrow(/invalid version/);
  });
});
