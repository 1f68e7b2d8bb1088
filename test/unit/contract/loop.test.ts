import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../src/core/drift/compare-profiles.js';
import {
  driftReason,
  retrainBody,
  retrainTitle,
  retrainYaml,
} from '../../../src/core/drift/retrain-request.js';
import { decidePromotion } from '../../../src/core/registry/promotion.js';
import type { VersionRecord } from '../../../src/core/registry/records.js';
import { parseEvaluationReport } from '../../../src/core/report/parse-evaluation-report.js';
import { errorOf } from '../../harness/error-of.js';

// Issue 19 in the loop: promotion can require passed data checks, the retraining pull request says
// whether it was a schema break or drift, and a report's data checks from a file are checked first.

const record: VersionRecord = {
  schema: 'modelci/version@1',
  model: 'm',
  version: '1.1.0',
  artifact: { uri: 'git:x', sha256: 'a'.repeat(64), bytes: 1, format: 'onnx' },
  lineage: { commit: 'abcdef0123456789' },
  created_at: 't',
  created_by: 'me',
};
const promotion = {
  stages: ['staging', 'production'],
  stage: 'production',
  pointers: {},
  requirePreviousStage: false,
  checks: [],
};

describe('promotion with registry.require_data_checks', () => {
  const checks = (passed: boolean) => ({
    contract: 'c.yaml',
    passed,
    errors: passed ? 0 : 2,
    warnings: 1,
  });

  it('refuses a version whose evaluation data was not checked or failed; moves one that passed', () => {
    expect(decidePromotion({ ...promotion, record, requireDataChecks: true })).toEqual({
      action: 'refuse',
      reasons: [
        'the evaluation data of 1.1.0 was not checked against a data contract (registry.require_data_checks)',
      ],
    });
    expect(
      decidePromotion({
        ...promotion,
        record: { ...record, data_checks: checks(false) },
        requireDataChecks: true,
      }).reasons,
    ).toEqual(['the evaluation data of 1.1.0 failed its data checks (2 errors against c.yaml)']);
    expect(
      decidePromotion({
        ...promotion,
        record: { ...record, data_checks: checks(true) },
        requireDataChecks: true,
      }),
    ).toEqual({ action: 'move', reasons: [] });
  });

  it('is off by default, and a rollback returns to a version that already held the stage', () => {
    expect(decidePromotion({ ...promotion, record }).action).toBe('move');
    expect(
      decidePromotion({ ...promotion, record, requireDataChecks: true, rollback: true }).action,
    ).toBe('move');
  });
});

describe('the retraining pull request says which it was', () => {
  const report = (drifted: boolean, schemaBreak?: string[]): DriftReport => ({
    drifted,
    dataset_drifted: drifted,
    share: drifted ? 0.5 : 0,
    drift_share_threshold: 0.25,
    n_tested: 4,
    n_drifted: drifted ? 2 : 0,
    rows: { reference: 400, current: 140 },
    columns: [],
    prediction_drift: null,
    performance: null,
    problems: [],
    ...(schemaBreak ? { schema_break: schemaBreak } : {}),
  });
  const ctx = {
    model: 'cancer',
    registryDir: 'registry',
    dataWindow: 'w',
    reference: 'r',
    current: 'c',
    at: 't',
  };

  it('a schema break alone: not drift, fix the pipeline', () => {
    const r = report(false, ['mean_radius', 'mean_texture']);
    expect(retrainTitle('cancer', r)).toBe('Retrain cancer: schema break in the data, not drift');
    expect(driftReason(r)).toBe(
      'schema break, not drift: "mean_radius", "mean_texture" broke the data contract (missing or of another type); fix the pipeline before retraining; no dataset drift: 0 of 4 feature columns drifted (0.0%, threshold 25.0%)',
    );
    expect(retrainYaml(r, ctx)).toContain('schema_break:\n  - mean_radius\n  - mean_texture\n');
    expect(retrainBody(r, '', ctx)).toContain('found **schema break, not drift:');
  });

  it('both, and drift alone as before', () => {
    expect(retrainTitle('cancer', report(true, ['x']))).toBe(
      'Retrain cancer: schema break and drift detected',
    );
    expect(retrainTitle('cancer', report(true))).toBe('Retrain cancer: data drift detected');
    expect(driftReason(report(true))).toMatch(/^dataset drift: 2 of 4 feature columns drifted/);
    expect(retrainYaml(report(true), ctx)).not.toContain('schema_break');
  });
});

describe("an evaluation report read from a file (a fork's artifact)", () => {
  const base = JSON.parse(
    JSON.stringify({
      schema: 'modelci/evaluation-report@1',
      model_name: 'm',
      metrics: {},
      candidate: { model: { bytes: 1, sha256: 'x' }, signature: { inputs: [], outputs: [] } },
      dataset: { path: 'h.csv', sha256: 'x' },
      bootstrap: { resamples: 0, confidence: 0.95 },
    }),
  ) as Record<string, unknown>;
  const checks = {
    schema: 'modelci/validation-report@1',
    contract: 'c.yaml',
    passed: true,
    errors: 0,
    warnings: 1,
    datasets: [{ file: 'h.csv', role: 'data', format: 'csv', rows: 3, columns: 2 }],
    violations: [
      {
        dataset: 'h.csv',
        check: 'extra_column',
        column: 'x',
        severity: 'warning',
        count: 0,
        share: 0,
        message: 'm',
        examples: [],
      },
    ],
  };

  it('keeps data checks of the right shape', () => {
    expect(parseEvaluationReport({ ...base, data_checks: checks }, 'r.json').data_checks).toEqual(
      checks,
    );
  });

  it('refuses data checks the renderer cannot read, naming the key path', () => {
    const bad = (patch: (c: typeof checks) => unknown) =>
      errorOf(() =>
        parseEvaluationReport({ ...base, data_checks: patch(structuredClone(checks)) }, 'r.json'),
      ).format();
    expect(bad((c) => ({ ...c, passed: 'yes' }))).toMatch(
      /^r\.json: data_checks\.passed: must be true or false/,
    );
    expect(bad((c) => ({ ...c, violations: [{ ...c.violations[0], severity: 'fatal' }] }))).toMatch(
      /^r\.json: data_checks\.violations\[0\]\.severity: must be "error" or "warning"/,
    );
    expect(
      bad((c) => ({ ...c, violations: [{ ...c.violations[0], examples: [{ row: '1' }] }] })),
    ).toMatch(/^r\.json: data_checks\.violations\[0\]\.examples\[0\]: must be a mapping with row/);
    expect(bad(() => 'ok')).toMatch(/^r\.json: data_checks: must be a mapping/);
  });
});
