// Traffic to a real server with a canary and a shadow, then `modelci compare-live` (the bundled
// action and the bundled CLI) on its prediction log: the analysis must find a candidate that flips
// 10% of the labels and must not find an identical one, whichever arm each is on.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveReport } from '../../../src/core/online/live-report.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import { ModelServer } from '../../../src/serve/server.js';
import { runCli } from '../../harness/cli.js';
import { inspectGfm } from '../../harness/github-markdown.js';
import { startGitHubServer } from '../../harness/github/index.js';
import {
  CLASSIFIER_V1,
  predictClassifier,
  writeClassifier,
  type LinearClassifier,
} from '../../harness/onnx-models.js';
import { rng } from '../../harness/random.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

const REQUESTS = 1000;
const CANARY_WEIGHT = 0.3;

/**
 * V1 with its decision boundary turned by θ = 0.1π in a plane through it: on inputs from an
 * isotropic Gaussian the two disagree on exactly θ/π = 10% of rows.
 */
function flipper(): LinearClassifier {
  const d = CLASSIFIER_V1.weights.map((w) => w[0]! - w[1]!);
  const u = [1, -2, 0, 0]; // d · u = 0
  const norm = (v: number[]) => Math.hypot(...v);
  const theta = 0.1 * Math.PI;
  const turned = d.map(
    (x, j) => Math.cos(theta) * x + (Math.sin(theta) * norm(d) * u[j]!) / norm(u),
  );
  return { weights: turned.map((x) => [x / 2, -x / 2]), bias: [0, 0] };
}

/** Standard normal rows (Box-Muller on a seeded stream). */
function rows(n: number, seed: number): number[][] {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Array.from({ length: n }, () => [normal(), normal(), normal(), normal()]);
}

interface Run {
  log: string;
  labels: string;
}

/** A server with stable V1 plus a canary and a shadow; sends the rows; writes log and labels. */
async function experiment(dir: string, canary: string, shadow: string, seed: number): Promise<Run> {
  const log = join(dir, `predictions-${seed}.jsonl`);
  const stable = writeClassifier(join(dir, 'v1.onnx'), CLASSIFIER_V1);
  const server = new ModelServer({ port: 0, predictionLog: new PredictionLog(log) });
  const labels = ['request_id,y'];
  try {
    await server.load({ name: 'clf', version: '1.0.0', file: stable });
    await server.load(
      { name: 'clf', version: '2.0.0', file: canary },
      { canaryWeight: CANARY_WEIGHT },
    );
    await server.load({ name: 'clf', version: '3.0.0', file: shadow }, { shadow: true });
    const url = await server.listen();
    const data = rows(REQUESTS, seed);
    const noise = rng(seed + 1);
    // Eight clients at a time, as traffic comes.
    for (let at = 0; at < data.length; at += 8) {
      await Promise.all(
        data.slice(at, at + 8).map(async (row, k) => {
          const id = `s${seed}-q${at + k}`;
          const res = await fetch(`${url}/v2/models/clf/infer`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              id,
              inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [row] }],
            }),
          });
          expect(res.status).toBe(200);
          await res.arrayBuffer();
        }),
      );
      // The shadow runs one request at a time and drops what its queue cannot hold (shadow.test.ts):
      // here it is given the time to run every request, so the pairing is complete.
      await server.shadows.idle();
    }
    for (const [i, row] of data.entries()) {
      // The truth: what V1 says, wrong on 5% of rows.
      const y = predictClassifier(CLASSIFIER_V1, row).label;
      labels.push(`s${seed}-q${i},${noise() < 0.05 ? 1 - y : y}`);
    }
    // Labels arrive for requests nobody logged, too: counted, never dropped silently.
    labels.push('not-a-request,1');
    await server.shadows.idle();
  } finally {
    await server.close();
  }
  const labelFile = join(dir, `labels-${seed}.csv`);
  writeFileSync(labelFile, labels.join('\n') + '\n');
  return { log, labels: labelFile };
}

let dir: string;
let flip: string;
let same: string;
let gh: Awaited<ReturnType<typeof startGitHubServer>>;

beforeAll(async () => {
  dir = tempDir('modelci-online-');
  flip = writeClassifier(join(dir, 'flip.onnx'), flipper());
  same = join(dir, 'same.onnx');
  copyFileSync(writeClassifier(join(dir, 'v1-copy.onnx'), CLASSIFIER_V1), same);
  gh = await startGitHubServer();
}, 120_000);
afterAll(async () => {
  gh.assertNoViolations();
  await gh.close();
});

describe('online experiment analysis (compare-live)', () => {
  it('finds a canary that flips 10% of labels and not an identical shadow (the action, with a sticky comment)', async () => {
    const run = await experiment(dir, flip, same, 1);
    const { pull } = gh.state
      .repo('acme/models')
      .addPull({ title: 'Canary 2.0.0', head: 'canary' });
    const inputs = {
      log: run.log,
      labels: run.labels,
      join: 'request_id',
      label: 'y',
      resamples: '500',
      comment: 'true',
      pr: String(pull.number),
    };
    const r = await runAction('compare-live', {
      inputs,
      apiUrl: gh.url,
      repository: 'acme/models',
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode, r.stdout.slice(-2000)).toBe(0);
    expect(r.outputs['canary-verdict']).toBe('worse');
    expect(r.outputs['shadow-verdict']).toBe('unchanged');
    expect(r.outputs['sample-ratio-mismatch']).toBe('false');
    expect(r.outputs['shadow-agreement']).toBe('1');
    const report = JSON.parse(readFileSync(join(dir, 'modelci-live.json'), 'utf8')) as LiveReport;
    const canary = report.comparisons.find((c) => c.candidate === 'canary')!;
    // Accuracy of the truth: stable ≈ 0.95; the canary loses about 10% of its rows: ≈ 0.86.
    expect(canary.comparison.accuracy!.delta).toBeGreaterThan(-0.15);
    expect(canary.comparison.accuracy!.delta).toBeLessThan(-0.05);
    expect(canary.comparison.accuracy!.p_value).toBeLessThan(0.001);
    expect(report.traffic.canary_share).toBeGreaterThan(0.25);
    expect(report.traffic.canary_share).toBeLessThan(0.35);
    expect(report.labels).toMatchObject({ matched: REQUESTS, unmatched: 1 });
    expect(report.labels!.unmatched_examples).toEqual(['not-a-request']);
    expect(report.shadow).toMatchObject({ missing: 0, label_agreement: 1, flips: 0 });
    // The Markdown went to the job summary and to one sticky comment on the pull request.
    expect(r.summary).toMatch(/### Online experiment: `clf`/);
    expect(r.summary).toMatch(
      /\*\*canary 2\.0\.0 vs stable\*\* \(two samples\): \*\*accuracy\*\*.*❌ worse \(p < 0\.001\)/,
    );
    expect(r.summary).toMatch(
      /\*\*shadow 3\.0\.0 vs stable\*\* \(paired, same requests\).*➖ unchanged/,
    );
    expect(r.annotations.map((a) => a.message).join('\n')).toMatch(
      /1 label\(s\) match no logged request/,
    );
    const comments = gh.state.repo('acme/models').commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- modelci:live model=clf');
    // Both as GitHub renders them (issue 12, point 5): every table row has its header's cell
    // count, no HTML but the report's own, no autolinks.
    for (const [what, md] of [
      ['job summary', r.summary],
      ['comment', comments[0]!.body],
    ] as const) {
      const f = inspectGfm(md);
      expect(f.badRows, what).toEqual([]);
      expect(f.autolinks, what).toEqual([]);
      for (const chunk of f.html)
        expect(
          chunk.replace(/<\/?(details|summary|sub|br)>|<!-- modelci:live [^>]*-->/g, ''),
          `${what}: ${chunk}`,
        ).not.toMatch(/</);
    }
    // Run again: the same comment is kept, not a second one.
    const again = await runAction('compare-live', {
      inputs,
      apiUrl: gh.url,
      repository: 'acme/models',
      cwd: dir,
    });
    expect(again.exitCode).toBe(0);
    expect(gh.state.repo('acme/models').commentsOn(pull.number)).toHaveLength(1);
  }, 300_000);

  it('finds a shadow that flips 10% of labels and not an identical canary (the CLI)', async () => {
    const run = await experiment(dir, same, flip, 2);
    const cli = runCli(
      [
        'compare-live',
        '--log',
        run.log,
        '--labels',
        run.labels,
        '--join',
        'request_id',
        '--label',
        'y',
        '--resamples',
        '500',
        '--json',
      ],
      dir,
    );
    expect(cli.code, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as LiveReport;
    expect(report.comparisons.find((c) => c.candidate === 'canary')!.verdict).toBe('unchanged');
    const shadow = report.comparisons.find((c) => c.candidate === 'shadow')!;
    expect(shadow.verdict).toBe('worse');
    expect(shadow.comparison.accuracy!.test).toBe('mcnemar');
    // 10% of rows flipped, within binomial noise of the stable requests it was paired on.
    const agreement = report.shadow!;
    const n = agreement.rows;
    expect(Math.abs(1 - agreement.label_agreement! - 0.1)).toBeLessThan(
      4 * Math.sqrt((0.1 * 0.9) / n),
    );
    expect(report.prediction_shift!.shifted).toBe(false);
    expect(cli.stderr).toMatch(/warning: 1 label\(s\) match no logged request/);
  }, 300_000);

  it('says which field a log lacks, and which column the labels lack', async () => {
    const old = join(dir, 'old.jsonl');
    writeFileSync(
      old,
      JSON.stringify({
        _ts: 't',
        _model: 'clf',
        _version: '1',
        _id: 'a',
        _row: 0,
        x: 1,
        '_out.label': 0,
      }) + '\n',
    );
    const missing = runCli(['compare-live', '--log', old], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /old\.jsonl: row 1, column "_role": row 1 has no "_role": the analysis needs the model, the arm and the request key/,
    );
    const run = await experiment(dir, same, same, 3);
    const noColumn = runCli(['compare-live', '--log', run.log, '--labels', run.labels], dir);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toMatch(
      /labels-3\.csv: column "id": no column "id" \(columns: request_id, y\)\. Name the request id column with --join/,
    );
  }, 300_000);
});
