import { describe, expect, it } from 'vitest';
import {
  isGtoName,
  nextTagNumber,
  stageTag,
  versionTag,
} from '../../../../src/core/registry/gto-tags.js';
import { decidePromotion, rollbackTarget } from '../../../../src/core/registry/promotion.js';
import type { StagePointer, VersionRecord } from '../../../../src/core/registry/records.js';
import {
  commitMessage,
  HISTORY_FORMAT,
  parseHistory,
} from '../../../../src/core/registry/trailers.js';

const record: VersionRecord = {
  schema: 'modelci/version@1',
  model: 'm',
  version: '1.1.0',
  artifact: { uri: 'git:x', sha256: 'a'.repeat(64), bytes: 1, format: 'onnx' },
  lineage: { commit: 'abcdef0123456789' },
  created_at: 't',
  created_by: 'me',
  gates: { passed: true, results: [{ gate: 'min.auc', passed: true, reason: 'auc 0.9 ≥ 0.8' }] },
};
const pointer = (stage: string, version: string, previous?: string): StagePointer => ({
  schema: 'modelci/stage@1',
  model: 'm',
  stage,
  version,
  ...(previous ? { previous } : {}),
  promoted_at: 't',
  promoted_by: 'me',
});
const base = {
  stages: ['staging', 'production'],
  stage: 'production',
  record,
  pointers: {},
  requirePreviousStage: false,
  checks: [],
};

describe('decidePromotion', () => {
  it('moves a version whose gates passed', () => {
    expect(decidePromotion(base)).toEqual({ action: 'move', reasons: [] });
    expect(
      decidePromotion({ ...base, pointers: { production: pointer('production', '1.1.0') } }).action,
    ).toBe('noop');
  });
  it('refuses with every reason: failed gates, earlier stage, red or missing checks, deprecation', () => {
    const failed = {
      ...record,
      deprecated: { at: 't', by: 'x', reason: 'leaks' },
      gates: {
        passed: false,
        results: [{ gate: 'min.auc', passed: false, reason: 'auc 0.7 < 0.8' }],
      },
    };
    const d = decidePromotion({
      ...base,
      record: failed,
      requirePreviousStage: true,
      pointers: { staging: pointer('staging', '1.0.0') },
      checks: [
        { name: 'test', state: 'success' },
        { name: 'lint', state: 'failure', detail: 'conclusion failure' },
        { name: 'e2e', state: 'missing' },
      ],
    });
    expect(d).toEqual({
      action: 'refuse',
      reasons: [
        'version 1.1.0 is deprecated (leaks)',
        'gates failed: min.auc: auc 0.7 < 0.8',
        'production requires the version to be in staging first (staging holds 1.0.0)',
        'required check "lint" is failure (conclusion failure) on abcdef012345',
        'required check "e2e" is not reported on abcdef012345',
      ],
    });
  });
  it('lets the first stage and rollbacks skip the earlier-stage rule; rejects unknown stages', () => {
    expect(decidePromotion({ ...base, stage: 'staging', requirePreviousStage: true }).action).toBe(
      'move',
    );
    expect(decidePromotion({ ...base, requirePreviousStage: true, rollback: true }).action).toBe(
      'move',
    );
    expect(() => decidePromotion({ ...base, stage: 'prod' })).toThrow(/unknown stage "prod"/);
  });
  it('the last stage takes only a recorded evaluation whose gates passed, unless switched off', () => {
    const strict = { ...base, requireEvaluation: true };
    const metrics = { accuracy: { value: 0.9 } };
    const { gates: _gates, ...unevaluated } = record;
    const refused = (r: VersionRecord) => decidePromotion({ ...strict, record: r }).reasons;
    expect(refused(unevaluated)).toEqual([
      'production is the last stage and takes only a version with a recorded evaluation whose gates passed; 1.1.0 has no recorded evaluation (register it with --report from modelci evaluate with gates configured, or set registry.require_evaluation: false)',
    ]);
    // Metrics without gates: nothing said what good enough is.
    expect(refused({ ...unevaluated, metrics })[0]).toMatch(/1\.1\.0 has no recorded gates/);
    expect(decidePromotion({ ...strict, record: { ...record, metrics } }).action).toBe('move');
    // Only the last stage asks; a rollback to a version the stage held is not asked again.
    expect(decidePromotion({ ...strict, record: unevaluated, stage: 'staging' }).action).toBe(
      'move',
    );
    expect(decidePromotion({ ...strict, record: unevaluated, rollback: true }).action).toBe('move');
    expect(decidePromotion({ ...base, record: unevaluated }).action).toBe('move');
  });
  it('rolls back to the previous version or explains why it cannot', () => {
    expect(rollbackTarget(pointer('production', '1.1.0', '1.0.0'))).toBe('1.0.0');
    expect(rollbackTarget(pointer('production', '1.1.0'), '0.9.0')).toBe('0.9.0');
    expect(() => rollbackTarget(pointer('production', '1.1.0'))).toThrow(/has held only 1.1.0/);
    expect(() => rollbackTarget(undefined)).toThrow(/holds no version/);
  });
});

describe('trailers and GTO tags', () => {
  it('writes trailers that parseHistory reads back, and cannot be forged through newlines', () => {
    const msg = commitMessage('Register m 1.1.0', undefined, {
      model: 'm',
      version: '1.1.0',
      action: 'register',
      actor: 'eve\nStage: production',
      run: 'https://x/run/1',
    });
    expect(msg).toBe(
      'Register m 1.1.0\n\nModel: m\nVersion: 1.1.0\nRegistry-Action: register\nActor: eve Stage: production\nRun: https://x/run/1\n',
    );
    expect(HISTORY_FORMAT).toContain('%(trailers:only,unfold)');
    const log = `abc\x1f2026-01-01T00:00:00Z\x1fbot\x1fRegister m 1.1.0\x1fModel: m\nVersion: 1.1.0\nRegistry-Action: register\nActor: eve\n\x1e\ndef\x1f2026-01-02T00:00:00Z\x1fbot\x1fother\x1f\x1e\n`;
    expect(parseHistory(log)).toEqual([
      {
        commit: 'abc',
        date: '2026-01-01T00:00:00Z',
        author: 'bot',
        subject: 'Register m 1.1.0',
        model: 'm',
        action: 'register',
        version: '1.1.0',
        actor: 'eve',
      },
    ]);
    expect(parseHistory(log, 'other')).toEqual([]);
  });
  it("takes GTO's name grammar as GTO does (tests/test_constants.py)", () => {
    for (const name of [
      '1',
      'm',
      'nn',
      'm1',
      '1nn',
      'model-prod',
      'model-prod-v1',
      'model_prod_v1',
      'dvclive/model',
      'model_A',
      'DVCLive/Model',
    ])
      expect(isGtoName(name), name).toBe(true);
    for (const name of [
      '',
      'm/',
      '/m',
      '###',
      '@@@',
      'a model',
      '_model',
      '-model',
      'model-',
      'model@1',
      'model#1',
      '@namespace/model',
      'my_model.v2',
      'pre.prod',
    ])
      expect(isGtoName(name), name).toBe(false);
  });
  it('formats GTO tags and numbers them per model, as GTO does', () => {
    expect(versionTag('m', '1.2.0')).toBe('m@v1.2.0');
    expect(stageTag('m', 'prod', 3)).toBe('m#prod#3');
    // gto/tag.py name_tag: one more than the highest counter on any tag of the artifact.
    expect(
      nextTagNumber('m', ['m#prod#1', 'm#prod!#2', 'm#production#7', 'mx#prod#9', 'm@v1.0.0']),
    ).toBe(8);
    expect(nextTagNumber('m', ['m@v1.0.0!#4', 'dir=m#prod#12', 'm#bad.stage#20'])).toBe(5);
    expect(nextTagNumber('m', [])).toBe(1);
  });
});
