// A large registry with a real git history: one commit per registration and per promotion (with
// modelci's trailers, as register and promote write them), streamed to `git fast-import` rather
// than committed one by one. For the catalog benchmark (20 models × 500 versions).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { StagePointer, VersionRecord } from '../src/core/registry/records.js';
import { commitMessage } from '../src/core/registry/trailers.js';
import { recordToYaml } from '../src/registry/record-file.js';
import { rng } from '../test/harness/random.js';

export interface ScaleOptions {
  models: number;
  versions: number;
  /** Every `promoteEvery` versions go to staging, and the one before to production. */
  promoteEvery?: number;
}

const env = {
  ...process.env,
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
  GIT_CONFIG_KEY_1: 'init.defaultBranch',
  GIT_CONFIG_VALUE_1: 'main',
};

/** Creates `dir` as a git repository whose `registry/` holds the generated history. */
export function generateRegistryHistory(dir: string, opts: ScaleOptions): { commits: number } {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '-b', 'main', dir], { env });
  const every = opts.promoteEvery ?? 25;
  const rand = rng(7);
  const chunks: string[] = [];
  let mark = 0;
  let time = Date.parse('2025-01-01T00:00:00Z') / 1000;
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (message: string, files: [string, string][]): void => {
    time += 600;
    mark++;
    chunks.push(
      `commit refs/heads/main\nmark :${mark}\nauthor Release Bot <bot@example.com> ${time} +0000\ncommitter Release Bot <bot@example.com> ${time} +0000\n${data(message)}`,
      ...files.map(([path, text]) => `M 100644 inline ${path}\n${data(text)}`),
      '\n',
    );
  };
  const iso = (): string => new Date(time * 1000).toISOString();
  // Registrations interleave across models, as a busy organisation's would.
  const quality = Array.from({ length: opts.models }, () => 0.8 + rand() * 0.1);
  for (let v = 1; v <= opts.versions; v++) {
    for (let m = 0; m < opts.models; m++) {
      const model = `model-${String(m).padStart(2, '0')}`;
      const version = `1.${v}.0`;
      quality[m] = Math.min(0.99, Math.max(0.6, quality[m]! + (rand() - 0.48) * 0.01));
      const auc = quality[m]!;
      const half = 0.01 + rand() * 0.01;
      const sha256 = createHash('sha256').update(`${model}@${version}`).digest('hex');
      const rec: VersionRecord = {
        schema: 'modelci/version@1',
        model,
        version,
        artifact: {
          uri: `github-release:acme/models/modelci-artifacts/${model}-${sha256.slice(0, 16)}-model.onnx`,
          sha256,
          bytes: 120_000 + Math.floor(rand() * 10_000),
          format: 'onnx',
        },
        signature: {
          inputs: [{ name: 'input', type: 'float', shape: ['batch', 12] }],
          outputs: [{ name: 'label', type: 'int64', shape: ['batch'] }],
        },
        metrics: {
          roc_auc: { value: round(auc), ci: [round(auc - half), round(auc + half)] },
          accuracy: { value: round(auc - 0.05), ci: [round(auc - 0.07), round(auc - 0.03)] },
          f1: { value: round(auc - 0.1), ci: [round(auc - 0.13), round(auc - 0.07)] },
        },
        evaluation_data: {
          path: 'data/holdout.csv',
          sha256: 'e'.repeat(64),
          bytes: 1e6,
          rows: 10_000,
        },
        training_data: { path: 'data/train.csv', sha256: 'f'.repeat(64), bytes: 4e6, rows: 40_000 },
        gates: {
          passed: auc >= 0.8,
          results: [
            { gate: 'min.roc_auc', passed: auc >= 0.8, reason: `roc_auc ${round(auc)} vs 0.8` },
          ],
        },
        params: { C: 1, max_iter: 200 },
        lineage: {
          commit: createHash('sha1').update(version).digest('hex'),
          ref: 'refs/heads/main',
          run_url: `https://github.com/acme/models/actions/runs/${v * 100 + m}`,
          ...(v > 1 ? { parent_version: `1.${v - 1}.0` } : {}),
        },
        created_at: iso(),
        created_by: 'release-bot',
      };
      const files: [string, string][] = [
        [`registry/${model}/versions/${version}.yaml`, recordToYaml(rec)],
      ];
      if (v === 1)
        files.push([
          `registry/${model}/model.yaml`,
          recordToYaml({
            schema: 'modelci/model@1',
            name: model,
            task: 'binary',
            primary_metric: 'roc_auc',
            owners: [`@team-${m % 5}`],
            description: `Generated model ${m} for the catalog scale test.`,
            created_at: iso(),
          }),
        ]);
      commit(
        commitMessage(`Register ${model} ${version}`, 'minor bump', {
          model,
          version,
          action: 'register',
          actor: 'release-bot',
          run: rec.lineage.run_url!,
        }),
        files,
      );
      if (v % every === 0)
        for (const [stage, at] of [
          ['staging', v],
          ['production', v - 1],
        ] as const) {
          const p: StagePointer = {
            schema: 'modelci/stage@1',
            model,
            stage,
            version: `1.${at}.0`,
            ...(v > every
              ? { previous: `1.${stage === 'staging' ? v - every : v - every - 1}.0` }
              : {}),
            promoted_at: iso(),
            promoted_by: 'ana',
            reason: `scheduled ${stage} release`,
          };
          commit(
            commitMessage(`Promote ${model} 1.${at}.0 to ${stage}`, `${stage} release`, {
              model,
              version: `1.${at}.0`,
              stage,
              action: 'promote',
              actor: 'ana',
            }),
            [[`registry/${model}/stages/${stage}.yaml`, recordToYaml(p)]],
          );
        }
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env,
    input: chunks.join(''),
    maxBuffer: 64 << 20,
  });
  execFileSync('git', ['checkout', '--quiet', '-f', 'main'], { cwd: dir, env });
  return { commits: mark };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
