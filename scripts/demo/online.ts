// The demo's online experiments (issue 16): production traffic answered by 1.0.0 while the
// candidate runs as a shadow, then two progressive canary rollouts of `modelci deploy` with the
// server's own metrics and prediction log deciding: a candidate trained on inverted labels is
// aborted at its first step, the reviewed candidate goes through every step and is promoted.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber, formatShare } from '../../src/core/report/number-format.js';
import {
  cli,
  type Demo,
  type DemoStep,
  GITHUB_REPO,
  listeningUrl,
  MODEL,
  note,
  out,
  repo,
  show,
} from './context.js';
import { featureNames, holdoutRequests, writeFlippedTrainingData } from './project.js';
import { registryWrite } from './steps.js';

/** Where `environments.production.rollout` (examples/demo/modelci.yaml) reads the log and labels. */
const PRODUCTION_LOG = join(repo, 'out/production-predictions.jsonl');
const PRODUCTION_LABELS = join(repo, 'out/production-labels.csv');

/** `modelci serve` of the production stage; resolves once it listens. */
async function serveProduction(extra: string[]): Promise<{ server: ChildProcess; url: string }> {
  const args = ['serve', '--registry', 'registry', '--stage', 'production', '--port', '0'];
  args.push('--features', `${MODEL}=${featureNames().join(',')}`, ...extra);
  const server = spawn(process.execPath, [cli, ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { server, url: await listeningUrl(server) };
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}

/**
 * Clients sending the holdout's tumours one request each, with ids, until stopped (or `rounds`
 * passes over the holdout); each request's true label goes to `labels` once it is answered, as a
 * labelling job would deliver it.
 */
function sendTraffic(
  url: string,
  o: { prefix: string; labels: string; rounds?: number },
): { stop(): Promise<number>; done: Promise<number> } {
  const requests = holdoutRequests(inputName);
  const total = o.rounds === undefined ? Infinity : o.rounds * requests.length;
  let running = true;
  let next = 0;
  const client = async () => {
    while (running && next < total) {
      const n = next++;
      const { body, label } = requests[n % requests.length]!;
      const id = `${o.prefix}-${n}`;
      const res = await fetch(`${url}/v2/models/${MODEL}/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, ...body }),
      });
      await res.arrayBuffer();
      appendFileSync(o.labels, `${id},${label}\n`);
    }
  };
  writeFileSync(o.labels, 'id,malignant\n');
  const done = Promise.all([0, 1, 2, 3].map(client)).then(() => next);
  return {
    done,
    async stop() {
      running = false;
      return done;
    },
  };
}

/** The model's input name as the server describes it. */
let inputName = 'input';
async function readInputName(url: string): Promise<void> {
  const metadata = (await (await fetch(`${url}/v2/models/${MODEL}`)).json()) as {
    inputs: { name: string }[];
  };
  inputName = metadata.inputs[0]!.name;
}

export const shadowRun: DemoStep = {
  title: (demo) =>
    `shadow: production (1.0.0) answers, ${demo.need('version')} runs every request beside it; compare-live on the log`,
  async run(demo) {
    const log = join(out, 'shadow-predictions.jsonl');
    const labels = join(out, 'shadow-labels.csv');
    const { server, url } = await serveProduction([
      '--shadow',
      `${MODEL}=out/candidate/model.onnx`,
      '--log-predictions',
      log,
    ]);
    try {
      await readInputName(url);
      const sent = await sendTraffic(url, { prefix: 'shadow', labels, rounds: 1 }).done;
      // The shadow runs after each answer: stopping the server drains its queue into the log.
      await stop(server);
      note(
        `${sent} requests answered by 1.0.0; the shadow's outputs logged beside them in ${show(log)}`,
      );
    } finally {
      await stop(server);
    }
    const stdout = await demo.modelci([
      'compare-live',
      '--log',
      log,
      '--labels',
      labels,
      '--join',
      'id',
      '--markdown',
      join(out, 'shadow.md'),
      '--report',
      join(out, 'shadow.json'),
      '--json',
    ]);
    const report = JSON.parse(stdout) as {
      shadow: { label_agreement?: number; flips?: number; rows: number } | null;
      primary_metric: string;
      comparisons: {
        candidate: string;
        verdict: string;
        comparison: Record<string, { baseline: number; candidate: number; p_value: number }>;
      }[];
    };
    const agreement = report.shadow;
    note(
      `shadow agreement: ${formatShare(agreement?.label_agreement ?? NaN)} of ${agreement?.rows} rows (${agreement?.flips} label flips)`,
    );
    const paired = report.comparisons.find((c) => c.candidate === 'shadow');
    const c = paired?.comparison[report.primary_metric];
    if (paired && c)
      note(
        `paired on the same requests: ${report.primary_metric} ${formatNumber(c.candidate)} vs ${formatNumber(c.baseline)} (p = ${formatNumber(c.p_value, 2)}): ${paired.verdict}`,
      );
    note(`report: ${show(join(out, 'shadow.md'))}`);
  },
};

/** Runs `modelci deploy` to production with its rollout while traffic flows; the summary is saved. */
async function rollout(
  demo: Demo,
  version: string,
  file: string,
): Promise<{ code: number | null; summary: string }> {
  const url = demo.need('productionUrl');
  const traffic = sendTraffic(url, { prefix: `v${version}`, labels: PRODUCTION_LABELS });
  let r: { code: number | null; stdout: string; stderr: string };
  try {
    r = await demo.modelciExit(
      [
        'deploy',
        '--model',
        MODEL,
        '--environment',
        'production',
        '--version',
        version,
        '--url',
        url,
        '--repository',
        GITHUB_REPO,
        '--ref',
        demo.git('rev-parse', 'HEAD'),
      ],
      demo.env,
    );
  } finally {
    await traffic.stop();
  }
  writeFileSync(file, r.stdout);
  for (const line of r.stderr.split('\n'))
    if (/rollout: .*(FAILED|ok|removed|stable version)/.test(line))
      note(line.replace(/^modelci deploy: rollout: /, ''));
  const deployment = [...demo.gh.state.repo(GITHUB_REPO).deployments.values()].at(-1);
  note(
    `GitHub Deployment ${deployment?.id} statuses: ${deployment?.statuses.map((s) => s.state).join(' → ')}`,
  );
  note(`summary: ${show(file)}`);
  return { code: r.code, summary: r.stdout };
}

export const canaryAborted: DemoStep = {
  title:
    'canary rollout of a bad candidate (trained on inverted labels): aborted at its first step by the A/B check',
  async run(demo) {
    // A pipeline bug: every label of the training data inverted. Registered as 2.0.0, it would
    // pass a review of its code; its answers are what give it away.
    const config = readFileSync(join(repo, 'modelci.yaml'), 'utf8').replace(
      'train: data/train.csv',
      'train: out/train-inverted.csv',
    );
    writeFileSync(join(repo, 'out/inverted.yaml'), config);
    writeFlippedTrainingData(join(repo, 'out/train-inverted.csv'));
    await demo.modelci([
      'train',
      '--config',
      'out/inverted.yaml',
      '--model',
      MODEL,
      '--output-dir',
      'out/inverted',
      '--no-record',
    ]);
    await registryWrite(demo, [
      'register',
      '--model',
      MODEL,
      '--artifact',
      'out/inverted/model.onnx',
      '--version',
      '2.0.0',
    ]);
    const { server, url } = await serveProduction(['--log-predictions', PRODUCTION_LOG]);
    demo.server = server;
    demo.productionUrl = url;
    await readInputName(url);
    const { code } = await rollout(demo, '2.0.0', join(out, 'rollout-aborted.md'));
    if (code !== 1) throw new Error(`the bad candidate's rollout exited ${code}, not 1`);
  },
};

export const canaryCompletes: DemoStep = {
  title: (demo) =>
    `canary rollout of ${demo.need('version')}: every step passes, promoted to stable`,
  async run(demo) {
    const { code } = await rollout(demo, demo.need('version'), join(out, 'rollout-completed.md'));
    if (code !== 0) throw new Error(`the rollout of ${demo.need('version')} exited ${code}, not 0`);
    const server = demo.need('server');
    await stop(server);
    demo.server = undefined;
  },
};
