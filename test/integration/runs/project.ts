// A project repository for the run-tracking tests: a bare `origin` holding modelci.yaml and a
// training script that copies a real ONNX model and writes metrics from its params, and clones.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtBundle } from '../../harness/bundles.js';
import { tempDir } from '../../harness/temp.js';
import { clone, git, gitEnv, makeOrigin } from '../registry/git-fixture.js';

export const CLI = builtBundle('dist/cli/index.js');
const MODEL = resolve('test/fixtures/onnx/bc_logreg_c001.onnx');
const DATA = resolve('test/fixtures/data/breast_cancer.csv');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bundled CLI in a child process (as a user or a workflow step runs it). */
export function modelci(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...gitEnv, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

/** modelci.yaml for model `churn`: a shell training command with `params`. */
export function config(
  params: Record<string, unknown> = { C: 1 },
  command = 'sh train.sh',
): string {
  return [
    'version: 1',
    'models:',
    '  churn:',
    '    task: binary',
    '    primary_metric: accuracy',
    `    data: { train: ${DATA}, holdout: ${DATA}, label: malignant }`,
    '    train:',
    `      command: ${command}`,
    `      params: ${JSON.stringify(params)}`,
    '',
  ].join('\n');
}

/** modelci.yaml for model `churn` trained by the built-in logistic regression with `C`. */
export function trainerConfig(C: number): string {
  return [
    'version: 1',
    'models:',
    '  churn:',
    '    task: binary',
    '    primary_metric: roc_auc',
    `    data: { train: ${DATA}, holdout: ${DATA}, label: malignant }`,
    '    train:',
    '      trainer: logistic-regression',
    `      params: { C: ${C} }`,
    '',
  ].join('\n');
}

/** The CLI's output; a failure is an error with its stderr. */
export async function ok(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<string> {
  const r = await modelci(cwd, args, env);
  if (r.code !== 0) throw new Error(`modelci ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Trains and evaluates in a checkout (the evaluation attached to the run); with `push`, both go to
 * origin. Returns the run id, the output folder and its run.json.
 */
export async function trainAndEvaluate(
  repo: string,
  o: { push?: boolean; evaluate?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<{ id: string; out: string; file: string }> {
  const out = join(tempDir('modelci-out-'), 'out');
  const t = await ok(repo, ['train', '--output-dir', out, ...(o.push ? ['--push'] : [])], o.env);
  await ok(
    repo,
    [
      'evaluate',
      '--artifact',
      join(out, 'model.onnx'),
      '--report',
      join(out, 'evaluation.json'),
      '--resamples',
      '300',
      ...(o.push ? ['--push-run'] : []),
      ...(o.evaluate ?? []),
    ],
    o.env,
  );
  return { id: /^run (\S+)/m.exec(t)![1]!, out, file: join(out, 'run.json') };
}

/** A bare origin whose main holds trainerConfig(1). */
export function trainerOrigin(): string {
  const origin = makeOrigin();
  const seed = clone(origin);
  writeFileSync(join(seed, 'modelci.yaml'), trainerConfig(1));
  writeFileSync(join(seed, '.gitignore'), 'modelci-*\n');
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'Project');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  return origin;
}

/** A pull request's checkout: a fresh clone (no runs: a checkout fetches branches only). */
export function pullRequest(origin: string, branch: string, C: number): string {
  const repo = clone(origin);
  git(repo, 'checkout', '--quiet', '-b', branch);
  writeFileSync(join(repo, 'modelci.yaml'), trainerConfig(C));
  git(repo, 'commit', '--quiet', '-am', `C = ${C}`);
  return repo;
}

/** Copies the fixture model; accuracy is 0.9 + C/100 so params show in the metrics. */
export const TRAIN_SH = [
  `cp ${MODEL} "$MODELCI_MODEL_FILE"`,
  'C=$(sed -n \'s/.*"C": *\\([0-9.]*\\).*/\\1/p\' "$MODELCI_PARAMS_FILE")',
  'printf \'{"accuracy": %s, "loss": 0.25}\' "$(awk "BEGIN { print 0.9 + $C / 100 }")" > "$MODELCI_METRICS_FILE"',
  '',
].join('\n');

/** A bare origin whose main holds the project, and a clone of it. */
export function project(params?: Record<string, unknown>): { origin: string; repo: string } {
  const origin = makeOrigin();
  const seed = clone(origin);
  writeFileSync(join(seed, 'modelci.yaml'), config(params));
  writeFileSync(join(seed, 'train.sh'), TRAIN_SH);
  writeFileSync(join(seed, '.gitignore'), 'modelci-train/\n');
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'Project');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  return { origin, repo: clone(origin) };
}

/** Every run ref (name → commit) in a repository or bare origin. */
export function runRefs(dir: string): Map<string, string> {
  const out = git(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/modelci/runs/');
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]),
  );
}

export { clone, git, gitEnv };
