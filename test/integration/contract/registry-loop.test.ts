import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPromote } from '../../../src/commands/promote.js';
import { runRegister } from '../../../src/commands/register.js';
import type { ValidationReport } from '../../../src/core/contract/report.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { openRegistry } from '../../../src/registry/index.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import { runCli } from '../../harness/cli.js';
import { errorOf } from '../../harness/error-of.js';
import { clone, gitEnv, makeOrigin, onnxModel, tempDir } from '../registry/git-fixture.js';

// Issue 19 with a real registry (git, a bare origin): register keeps the verdict of the evaluation
// data's checks, promote with registry.require_data_checks refuses a version whose evaluation data
// was not checked or failed, and `contract infer --model` reads the profile stored with a version.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PATIENTS = 'test/fixtures/contract/patients.csv';
let repo: string;
let registry: string;
const base = () => ({ registry, model: 'churn', env: gitEnv, push: true });

function checks(passed: boolean): ValidationReport {
  return {
    schema: 'modelci/validation-report@1',
    contract: 'registry/churn/contract.yaml',
    passed,
    errors: passed ? 0 : 1,
    warnings: 0,
    datasets: [{ file: 'holdout.csv', role: 'data', format: 'csv', rows: 143, columns: 35 }],
    violations: passed
      ? []
      : [
          {
            dataset: 'holdout.csv',
            check: 'allowed',
            column: 'clinic',
            severity: 'error',
            count: 12,
            share: 12 / 143,
            message: '12 values not in the 4 allowed: "central" (12)',
            examples: [{ row: 3, value: 'central' }],
          },
        ],
  } as ValidationReport;
}

beforeAll(async () => {
  repo = clone(makeOrigin());
  registry = join(repo, 'registry');
  const art = tempDir('modelci-art-');
  // 0.1.0: evaluated without a contract; 0.2.0: its evaluation data failed; 0.3.0: passed.
  for (const [i, dataChecks] of [undefined, checks(false), checks(true)].entries()) {
    const artifact = onnxModel(art, `m${i}.onnx`, i + 1);
    const report = join(art, `r${i}.json`);
    writeFileSync(
      report,
      JSON.stringify({
        schema: 'modelci/evaluation-report@1',
        model_name: 'churn',
        task: 'binary',
        candidate: {
          model: { path: 'm.onnx', sha256: await sha256File(artifact), bytes: 1 },
          signature: { inputs: [], outputs: [] },
        },
        dataset: { path: 'h.csv', sha256: 'e'.repeat(64), bytes: 1, label: 'y', dropped_rows: 0 },
        metrics: { accuracy: { value: 0.9 } },
        ...(dataChecks ? { data_checks: dataChecks } : {}),
        bootstrap: { resamples: 1, seed: 1, confidence: 0.95 },
      } satisfies EvaluationReport),
    );
    await runRegister({
      ...base(),
      artifact,
      report,
      // 0.1.0 profiles the patients without their clinic column (an older export).
      profileData: i === 0 ? await withoutClinic(art) : PATIENTS,
    });
  }
});

async function withoutClinic(dir: string): Promise<string> {
  const lines = readFileSync(PATIENTS, 'utf8').trim().split('\n');
  const at = lines[0]!.split(',').indexOf('clinic');
  const file = join(dir, 'old-export.csv');
  writeFileSync(
    file,
    lines
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== at)
          .join(','),
      )
      .join('\n') + '\n',
  );
  return file;
}

describe('register and promote with the data checks of the evaluation', () => {
  it('register records the verdict of the report’s data checks, and only when there were any', () => {
    const r = openRegistry(registry);
    expect(r.getVersion('churn', '0.1.0')!.data_checks).toBeUndefined();
    expect(r.getVersion('churn', '0.2.0')!.data_checks).toEqual({
      contract: 'registry/churn/contract.yaml',
      passed: false,
      errors: 1,
      warnings: 0,
    });
    expect(r.getVersion('churn', '0.3.0')!.data_checks).toMatchObject({ passed: true });
  });

  it('require_data_checks refuses unchecked and failed evaluation data, nothing written; moves the passed one', async () => {
    const config = { require_data_checks: true };
    const unchecked = await errorOf(
      runPromote({ ...base(), config, version: '0.1.0', stage: 'staging' }),
    );
    expect(unchecked.message).toBe(
      'cannot promote churn 0.1.0 to staging: the evaluation data of 0.1.0 was not checked against a data contract (registry.require_data_checks)',
    );
    const failed = await errorOf(
      runPromote({ ...base(), config, version: '0.2.0', stage: 'staging' }),
    );
    expect(failed.message).toBe(
      'cannot promote churn 0.2.0 to staging: the evaluation data of 0.2.0 failed its data checks (1 error against registry/churn/contract.yaml)',
    );
    expect(openRegistry(registry).getStage('churn', 'staging')).toBeUndefined();
    const moved = await runPromote({ ...base(), config, version: '0.3.0', stage: 'staging' });
    expect(moved).toMatchObject({ status: 'moved', version: '0.3.0' });
    // Off (the default), the unchecked version moves as before.
    const plain = await runPromote({ ...base(), version: '0.1.0', stage: 'staging' });
    expect(plain).toMatchObject({ status: 'moved', version: '0.1.0' });
  });
});

describe('contract infer --model: the profile stored with a registered version', () => {
  it('writes <registry>/<model>/contract.yaml from the version asked for (default latest) and it passes that data', () => {
    writeFileSync(
      join(repo, 'modelci.yaml'),
      'version: 1\nmodels:\n  churn:\n    task: binary\n    data: { label: malignant }\n',
    );
    const latest = runCli(['contract', 'infer', '--model', 'churn'], repo);
    expect(latest.stderr).toBe('');
    expect(latest.code).toBe(0);
    const file = join(repo, 'registry', 'churn', 'contract.yaml');
    expect(latest.stdout).toBe(
      `contract for 35 columns inferred from churn@0.3.0 (registry/churn/profiles/0.3.0.json) (569 rows) -> registry/churn/contract.yaml\n`,
    );
    const contract = parse(readFileSync(file, 'utf8')) as Json;
    expect(contract.label).toBe('malignant');
    expect(contract.columns.clinic.allowed).toEqual(['east', 'north', 'south', 'west']);
    copyFileSync(PATIENTS, join(repo, 'patients.csv'));
    const validated = runCli(['validate', '--model', 'churn', '--data', 'patients.csv'], repo);
    expect(validated.code).toBe(0);

    // An older version's profile, by version: that export had no clinic column.
    const old = runCli(
      ['contract', 'infer', '--model', 'churn', '--version', '0.1.0', '--out', 'old.yaml'],
      repo,
    );
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('inferred from churn@0.1.0 (registry/churn/profiles/0.1.0.json)');
    expect((parse(readFileSync(join(repo, 'old.yaml'), 'utf8')) as Json).columns.clinic).toBe(
      undefined,
    );
    // Data with the clinic column fails the old contract on it (an extra column is a warning).
    const against = runCli(
      [
        'validate',
        '--contract',
        'old.yaml',
        '--data',
        'patients.csv',
        '--json',
        '--fail-on',
        'warning',
      ],
      repo,
    );
    expect(against.code).toBe(3);
    expect((JSON.parse(against.stdout) as Json).violations[0]).toMatchObject({
      check: 'extra_column',
      column: 'clinic',
    });
    expect(existsSync(file)).toBe(true);
  });

  it('a version the registry does not hold: one line, nothing written', () => {
    const r = runCli(
      ['contract', 'infer', '--model', 'churn', '--version', '9.9.9', '--out', 'x.yaml'],
      repo,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^modelci contract: error: .*9\.9\.9/);
    expect(existsSync(join(repo, 'x.yaml'))).toBe(false);
  });
});
