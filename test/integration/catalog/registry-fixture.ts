// A registry written by the real register and promote commands into a real git repository (bare
// origin), with what a real history holds: a promotion merged through a pull request (GitHub's
// merge commit), a rollback, a deprecation, a corrupt record, a corrupt stage pointer, hostile
// strings in every field a person can write, a drift history and a training run ref.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runDeprecate } from '../../../src/commands/deprecate.js';
import { runPromote } from '../../../src/commands/promote.js';
import { runRollback } from '../../../src/commands/rollback.js';
import { runRegister } from '../../../src/commands/register.js';
import { runTrain, TrainFailure } from '../../../src/commands/train.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { RunStore } from '../../../src/git/run-refs.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import { clone, git, gitEnv, makeOrigin, onnxModel, tempDir } from '../registry/git-fixture.js';

/** Strings that would run script or break markup if any page forgot to escape them. */
export const HOSTILE = {
  script: '<script>window.__pwned = 1</script>',
  attr: '" onerror="window.__pwned=1" x="',
  img: '<img src=x onerror="window.__pwned=1">',
  jsUrl: 'javascript:window.__pwned=1',
};

/** The numbers the tests check the model card against. */
export const CHURN_METRICS = [
  { accuracy: [0.81, 0.78, 0.84], roc_auc: [0.861, 0.832, 0.889] },
  { accuracy: [0.84, 0.811, 0.867], roc_auc: [0.902, 0.881, 0.921] },
  { accuracy: [0.79, 0.76, 0.82], roc_auc: [0.845, 0.81, 0.874] },
  { accuracy: [0.86, 0.834, 0.884], roc_auc: [0.9173, 0.8991, 0.9342] },
] as const;

export interface CatalogFixture {
  root: string;
  origin: string;
  repo: string;
  registry: string;
  config: string;
  driftHistory: string;
  /** Temp folders to remove. */
  dirs: string[];
}

const CONFIG = `version: 1
models:
  churn:
    task: binary
    primary_metric: roc_auc
    description: Predicts which customers cancel within 30 days.
    owners: ['@data-science', 'ana@example.com']
    card:
      intended_use: Rank customers by churn risk so the retention team calls the riskiest first.
      users: The retention team.
      out_of_scope_use: Pricing decisions or any automated action without a person.
      limitations: Trained on customers of 2024 only; new products are not represented.
      ethical_considerations: Age is a feature; its slices are checked at every release.
      caveats: Scores are ranks, not calibrated probabilities.
      training_data: Customer activity of 2024 (data/train.csv).
      evaluation_data: A held-out quarter of the same year.
      license: apache-2.0
      tags: [tabular, churn]
      contact: ml-team@example.com
  hostile:
    description: '${HOSTILE.script} ${HOSTILE.img}'
    owners: ['${HOSTILE.attr.replace(/'/g, "''")}']
    card:
      intended_use: '${HOSTILE.script}'
      limitations: '[click](${HOSTILE.jsUrl}) ${HOSTILE.img}'
registry:
  stages: [staging, production]
`;

function report(
  file: string,
  model: string,
  sha256: string,
  metrics: Record<string, readonly [number, number, number]>,
  slices = true,
): void {
  const m = (v: readonly [number, number, number]) => ({
    value: v[0],
    ci: [v[1], v[2]] as [number, number],
  });
  const r: EvaluationReport = {
    schema: 'modelci/evaluation-report@1',
    model_name: model,
    task: 'binary',
    candidate: {
      model: { path: 'model.onnx', sha256, bytes: 1 },
      signature: {
        inputs: [{ name: 'input', type: 'float', shape: ['batch', 3] }],
        outputs: [{ name: 'label', type: 'int64', shape: ['batch'] }],
      },
      params: { C: 0.5, max_iter: 200 },
    },
    dataset: {
      path: 'data/holdout.csv',
      sha256: 'e'.repeat(64),
      bytes: 20480,
      rows: 500,
      label: 'churned',
      dropped_rows: 0,
      training_data: { path: 'data/train.csv', sha256: 'f'.repeat(64), bytes: 81920, rows: 2000 },
    },
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, m(v)])),
    ...(slices
      ? {
          slices: [
            {
              column: 'age_band',
              value: '18-30',
              rows: 120,
              metrics: { roc_auc: m([0.83, 0.79, 0.87]) },
            },
            {
              column: 'age_band',
              value: '60+',
              rows: 80,
              metrics: { roc_auc: m([0.8, 0.74, 0.85]) },
            },
          ],
        }
      : {}),
    gates: {
      passed: true,
      results: [
        { gate: 'min.roc_auc', passed: true, reason: `roc_auc ${metrics.roc_auc?.[0]} ≥ 0.8` },
      ],
    },
    bootstrap: { resamples: 1000, seed: 1, confidence: 0.95 },
  };
  writeFileSync(file, JSON.stringify(r));
}

export async function buildCatalogFixture(): Promise<CatalogFixture> {
  const origin = makeOrigin();
  const repo = clone(origin);
  const art = tempDir('modelci-site-art-');
  const root = tempDir('modelci-site-');
  const registry = join(repo, 'registry');
  const config = join(repo, 'modelci.yaml');
  writeFileSync(config, CONFIG);
  git(repo, 'add', 'modelci.yaml');
  git(repo, 'commit', '-qm', 'Configure models');
  const env = { ...gitEnv, GITHUB_ACTOR: 'ana' };
  const base = { registry, env, push: true, cwd: repo };
  let t = Date.parse('2026-03-01T09:00:00Z');
  /** The next step of the history, a day and two hours on: the record's time is its commit's. */
  const at = (stepEnv: NodeJS.ProcessEnv = env) => {
    const d = new Date((t += 3_600_000 * 26));
    const iso = d.toISOString();
    return { now: () => d, env: { ...stepEnv, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso } };
  };

  for (const [i, metrics] of CHURN_METRICS.entries()) {
    const artifact = onnxModel(art, `churn-${i}.onnx`, i + 1);
    const file = join(art, `churn-${i}.json`);
    report(file, 'churn', await sha256File(artifact), metrics);
    await runRegister({
      ...base,
      model: 'churn',
      artifact,
      report: file,
      ...at(),
      context: {
        runUrl: `https://github.com/acme/models/actions/runs/${100 + i}`,
        pullRequest: 40 + i,
      },
    });
  }
  const stage = { ...base, model: 'churn' };
  await runPromote({ ...stage, ...at(), version: '0.1.0', stage: 'staging' });
  await runPromote({
    ...stage,
    ...at(),
    version: '0.1.0',
    stage: 'production',
    reason: 'first release',
  });
  await runPromote({ ...stage, ...at(), version: '0.2.0', stage: 'staging' });
  await runPromote({
    ...stage,
    ...at(),
    version: '0.2.0',
    stage: 'production',
    reason: 'better roc_auc',
  });
  await runRollback({
    ...stage,
    ...at(),
    stage: 'production',
    reason: 'latency regression in canary',
  });
  await runDeprecate({
    ...stage,
    ...at(),
    version: '0.3.0',
    reason: 'trained on a broken extract',
  });
  await runPromote({ ...stage, ...at(), version: '0.4.0', stage: 'staging' });

  // Production takes 0.4.0 through a promotion pull request, merged by a reviewer on GitHub.
  git(repo, 'checkout', '-q', '-b', 'modelci/promote/churn/production');
  await runPromote({
    ...stage,
    ...at(),
    version: '0.4.0',
    stage: 'production',
    push: false,
    reason: 'wins on roc_auc',
  });
  git(repo, 'checkout', '-q', 'main');
  execFileSync(
    'git',
    [
      'merge',
      '--no-ff',
      '-q',
      '-m',
      'Merge pull request #57 from acme/modelci/promote/churn/production',
      'modelci/promote/churn/production',
    ],
    {
      cwd: repo,
      env: {
        ...at(gitEnv).env,
        GIT_AUTHOR_NAME: 'Mona Reviewer',
        GIT_AUTHOR_EMAIL: 'mona@example.com',
      },
    },
  );
  git(repo, 'push', '-q', 'origin', 'main');

  // A model whose texts and registration context are hostile.
  const hostileEnv = { ...gitEnv, GITHUB_ACTOR: HOSTILE.img };
  const h = onnxModel(art, 'hostile.onnx', 9);
  const hr = join(art, 'hostile.json');
  report(
    hr,
    'hostile',
    await sha256File(h),
    { accuracy: [0.7, 0.6, 0.8], roc_auc: [0.75, 0.7, 0.8] },
    false,
  );
  await runRegister({
    ...base,
    ...at(hostileEnv),
    model: 'hostile',
    artifact: h,
    report: hr,
    params: { [HOSTILE.script]: HOSTILE.attr },
    context: { runUrl: HOSTILE.jsUrl, actor: HOSTILE.img },
  });
  await runPromote({
    ...base,
    ...at(hostileEnv),
    model: 'hostile',
    version: '0.1.0',
    stage: 'production',
    // Straight to production: this model is here for its strings, not its stage order.
    config: { require_previous_stage: false },
    reason: `${HOSTILE.script} ${HOSTILE.attr}`,
    context: { runUrl: HOSTILE.jsUrl, actor: HOSTILE.attr },
  });

  // A corrupt record and a corrupt stage pointer, committed as a careless hand edit would be.
  const f = onnxModel(art, 'fraud.onnx', 11);
  await runRegister({ ...base, ...at(), model: 'fraud', artifact: f });
  await runRegister({
    ...base,
    ...at(),
    model: 'fraud',
    artifact: onnxModel(art, 'fraud2.onnx', 12),
  });
  writeFileSync(
    join(registry, 'fraud/versions/0.2.0.yaml'),
    'schema: modelci/version@1\nmodel: fraud\nversion: 0.2.0\nartifact: [not, a, mapping\n',
  );
  mkdirSync(join(registry, 'fraud/stages'), { recursive: true });
  writeFileSync(
    join(registry, 'fraud/stages/production.yaml'),
    'schema: modelci/stage@1\nmodel: fraud\nstage: production\n',
  );
  git(repo, 'add', '-A');
  execFileSync('git', ['commit', '-qm', 'Hand edit gone wrong'], {
    cwd: repo,
    env: at(gitEnv).env,
  });

  // Training runs as `modelci train` keeps them (one commit per run under refs/modelci/runs/):
  // one that trained the artifact registered as churn 0.4.0, one that failed.
  const store = RunStore.at(repo, gitEnv);
  const trainAt = (iso: string) => () => new Date(iso);
  const trained = await runTrain({
    modelName: 'churn',
    train: {
      command: `cp ${join(art, 'churn-3.onnx')} "$MODELCI_MODEL_FILE" && printf '{"roc_auc": 0.9173, "accuracy": 0.86}' > "$MODELCI_METRICS_FILE"`,
      params: { C: 0.5, max_iter: 200 },
    },
    data: {},
    outputDir: join(art, 'run-ok'),
    cwd: repo,
    env: gitEnv,
    now: trainAt('2026-03-10T08:00:00Z'),
    run: {
      tags: ['candidate'],
      ci: { event: 'push', run_url: 'https://github.com/acme/models/actions/runs/99' },
    },
  });
  const { files: _files, ...ok } = trained;
  await store.create(ok);
  const failure = await runTrain({
    modelName: 'churn',
    train: { command: 'echo out of memory >&2; exit 3', params: { C: 50 } },
    data: {},
    outputDir: join(art, 'run-failed'),
    cwd: repo,
    env: gitEnv,
    now: trainAt('2026-03-11T08:00:00Z'),
  }).catch((e: unknown) => e);
  if (!(failure instanceof TrainFailure)) throw new Error('the failing training run did not fail');
  const { files: _failedFiles, ...failed } = failure.run;
  await store.create(failed);
  // A ref under refs/modelci/runs/ that holds no run record is shown as such.
  const empty = execFileSync(
    'git',
    [
      'commit-tree',
      execFileSync('git', ['mktree'], { cwd: repo, env: gitEnv, input: '' }).toString().trim(),
      '-m',
      'junk',
    ],
    { cwd: repo, env: gitEnv },
  )
    .toString()
    .trim();
  git(repo, 'update-ref', 'refs/modelci/runs/churn/broken', empty);

  const driftHistory = join(root, 'drift-history.json');
  writeFileSync(
    driftHistory,
    JSON.stringify([
      {
        at: '2026-03-20T05:17:00Z',
        drifted: false,
        share: 0.1,
        n_drifted: 1,
        n_tested: 10,
        model: 'churn',
        threshold: 0.5,
        run_url: 'https://github.com/acme/models/actions/runs/900',
      },
      {
        at: '2026-03-21T05:17:00Z',
        drifted: false,
        share: 0.2,
        n_drifted: 2,
        n_tested: 10,
        model: 'churn',
        threshold: 0.5,
      },
      {
        at: '2026-03-22T05:17:00Z',
        drifted: true,
        share: 0.6,
        n_drifted: 6,
        n_tested: 10,
        model: 'churn',
        threshold: 0.5,
        performance_drifted: true,
        run_url: HOSTILE.jsUrl,
      },
      {
        at: '2026-03-22T06:00:00Z',
        drifted: false,
        share: 0,
        n_drifted: 0,
        n_tested: 4,
        model: 'hostile',
      },
      { at: 'not a check' },
    ]),
  );
  return {
    root,
    origin,
    repo,
    registry,
    config,
    driftHistory,
    dirs: [root, art, dirname(repo), dirname(origin)],
  };
}
