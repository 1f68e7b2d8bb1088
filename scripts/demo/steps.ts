// The steps of `npm run demo`, in the order of the loop modelci automates (README). Each runs the
// bundled CLI as a user would, or an action's bundle as the runner would, and says where its
// output is.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatNumber, formatShare } from '../../src/core/report/number-format.js';
import { runAction } from '../../test/harness/runner.js';
import {
  cli,
  type Demo,
  type DemoStep,
  GITHUB_REPO,
  listeningUrl,
  MODEL,
  note,
  origin,
  out,
  repo,
  show,
} from './context.js';
import {
  featureNames,
  setRegularisation,
  shiftedRequests,
  withLabels,
  writeExampleProject,
} from './project.js';

const LABELLED = join(out, 'labelled.jsonl');
const PREDICTIONS = join(out, 'predictions.jsonl');

/** Writes a registry commit and pushes it; the demo's checkout then pulls it. */
export async function registryWrite(demo: Demo, args: string[]): Promise<string> {
  const stdout = await demo.modelciOnGitHub([...args, '--registry', 'registry', '--push']);
  demo.git('pull', '-q', '--rebase', 'origin', 'main');
  return stdout;
}

const promote = (demo: Demo, version: string, stage: string) =>
  registryWrite(demo, ['promote', '--model', MODEL, '--version', version, '--stage', stage]);

export const setUp: DemoStep = {
  title: 'set up: a project repository with a bare `origin`, and the GitHub stand-in',
  async run(demo) {
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
    execFileSync('git', ['clone', '-q', origin, repo], { stdio: 'ignore' });
    writeExampleProject();
    demo.git('config', 'user.name', 'modelci demo');
    demo.git('config', 'user.email', 'demo@modelci.local');
    demo.git('add', '-A');
    demo.git('commit', '-qm', 'Breast-cancer classifier project');
    demo.git('push', '-q', 'origin', 'HEAD:main');
    note(`repository: ${show(repo)} (origin: ${show(origin)}); GitHub stand-in: ${demo.gh.url}`);
  },
};

/**
 * The production model the pull request is compared with: a strongly regularised fit. It takes the
 * path every version takes (registry.require_evaluation, on by default): evaluated (on its own, as
 * there is no production yet to compare with), registered with its report (the catalog then shows
 * how good production is), promoted to staging, then production.
 */
export const productionToday: DemoStep = {
  title:
    'production today: train, evaluate on its own, register 1.0.0 with its report, promote to staging and production',
  async run(demo) {
    await demo.modelci(['train', '--model', MODEL, '--output-dir', 'out/v1']);
    const evaluated = ['--artifact', 'out/v1/model.onnx', '--report', 'out/v1/report.json'];
    await demo.modelci(['evaluate', '--model', MODEL, ...evaluated, '--json']);
    const registered = await registryWrite(demo, [
      'register',
      '--model',
      MODEL,
      ...evaluated,
      '--version',
      '1.0.0',
    ]);
    note(registered.trim());
    await promote(demo, '1.0.0', 'staging');
    await promote(demo, '1.0.0', 'production');
    note(`registry: ${show(join(repo, 'registry', MODEL))}`);
  },
};

export const trainCandidate: DemoStep = {
  title: 'pull request: train the candidate with the built-in logistic regression',
  async run(demo) {
    const { pull } = demo.gh.state
      .repo(GITHUB_REPO)
      .addPull({ title: 'Less regularisation for the cancer model', head: 'less-regularisation' });
    demo.pullNumber = pull.number;
    // The pull request's change: much less regularisation.
    setRegularisation(1.0);
    demo.git('commit', '-qam', 'Less regularisation for the cancer model');
    const args = ['train', '--model', MODEL, '--output-dir', 'out/candidate', '--json'];
    writeFileSync(join(out, 'train-record.json'), await demo.modelci(args));
    note(
      `model: ${show(join(repo, 'out/candidate/model.onnx'))}; run record: ${show(join(out, 'train-record.json'))}`,
    );
  },
};

export const evaluateCandidate: DemoStep = {
  title: 'evaluate the candidate against production (bootstrap intervals, paired tests, gates)',
  async run(demo) {
    await demo.modelci([
      'evaluate',
      '--model',
      MODEL,
      '--artifact',
      'out/candidate/model.onnx',
      '--baseline',
      'production',
      '--report',
      'out/report.json',
      '--smoke-samples',
      'out/smoke.jsonl',
      '--json',
    ]);
    cpSync(join(repo, 'out/report.json'), join(out, 'report.json'));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      metrics: Record<string, { value: number; ci?: [number, number] }>;
      gates?: { passed: boolean };
    };
    const auc = report.metrics.roc_auc;
    note(
      `roc_auc ${auc ? formatNumber(auc.value) : '?'} [${auc?.ci?.map((x) => formatNumber(x)).join(', ')}]; gates ${report.gates?.passed ? 'passed' : 'failed'}`,
    );
    note(`report: ${show(join(out, 'report.json'))}`);
  },
};

export const commentOnPullRequest: DemoStep = {
  title: 'comment on the pull request (sticky: one comment per model, updated in place)',
  async run(demo) {
    const pr = demo.need('pullNumber');
    const args = ['comment', '--report', 'out/report.json', '--model', MODEL];
    writeFileSync(join(out, 'comment.md'), await demo.modelci(args));
    await demo.modelciOnGitHub([...args, '--repository', GITHUB_REPO, '--pr', String(pr)]);
    const comments = demo.gh.state.repo(GITHUB_REPO).commentsOn(pr);
    note(
      `comment markdown: ${show(join(out, 'comment.md'))}; posted as comment ${comments[0]?.id ?? '(none)'} on pull request #${pr} (${comments.length} comment)`,
    );
  },
};

export const registerCandidate: DemoStep = {
  title: 'merge: register the candidate (version bumped by rule, one commit with trailers, pushed)',
  async run(demo) {
    const registered = await registryWrite(demo, [
      'register',
      '--model',
      MODEL,
      '--artifact',
      'out/candidate/model.onnx',
      '--report',
      'out/report.json',
      '--smoke-samples',
      'out/smoke.jsonl',
    ]);
    const version = registered.trim().split('\n').pop()!;
    demo.version = version;
    note(
      `registered ${MODEL}@${version}: ${show(join(repo, 'registry', MODEL, 'versions', `${version}.yaml`))}`,
    );
    note(`registry commit: ${demo.git('log', '-1', '--format=%h %s', '--', 'registry')}`);
  },
};

export const promoteToStaging: DemoStep = {
  title: (demo) => `promote ${demo.need('version')} to staging (gates and previous stage checked)`,
  async run(demo) {
    await promote(demo, demo.need('version'), 'staging');
    note(`pointer: ${show(join(repo, 'registry', MODEL, 'stages', 'staging.yaml'))}`);
  },
};

export const deployStaging: DemoStep = {
  title:
    'deploy staging to the built-in inference server (GitHub Deployment, smoke test: health, readiness, recorded predictions, latency)',
  async run(demo) {
    const args = ['serve', '--registry', 'registry', '--stage', 'staging', '--port', '0'];
    args.push('--log-predictions', PREDICTIONS);
    args.push('--features', `${MODEL}=${featureNames().join(',')}`);
    demo.server = spawn(process.execPath, [cli, ...args], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await listeningUrl(demo.server);
    demo.serverUrl = url;
    writeFileSync(join(out, 'server-url.txt'), url + '\n');
    const deployed = await demo.modelciOnGitHub([
      'deploy',
      '--model',
      MODEL,
      '--environment',
      'staging',
      '--registry',
      'registry',
      '--url',
      url,
      '--repository',
      GITHUB_REPO,
      '--ref',
      demo.git('rev-parse', 'HEAD'),
      '--json',
    ]);
    writeFileSync(join(out, 'deploy.json'), deployed);
    const deployments = demo.gh.state.repo(GITHUB_REPO).deployments;
    note(
      `server: ${url}/v2/models/${MODEL} (metrics: ${url}/metrics); deployments recorded: ${deployments.size}`,
    );
    const smoke = (
      JSON.parse(deployed) as { smoke?: { checks: { name: string; detail: string }[] } }
    ).smoke?.checks.find((c) => c.name === 'predictions');
    if (smoke) note(`smoke test against the samples recorded at evaluation: ${smoke.detail}`);
    note(`deploy result: ${show(join(out, 'deploy.json'))}`);
  },
};

export const sendShiftedTraffic: DemoStep = {
  title: 'send shifted production traffic (tumours measured 40% larger) through the server',
  async run(demo) {
    const url = demo.need('serverUrl');
    const server = demo.need('server');
    const metadata = (await (await fetch(`${url}/v2/models/${MODEL}`)).json()) as {
      inputs: { name: string }[];
    };
    let served = 0;
    for (const body of shiftedRequests(metadata.inputs[0]!.name)) {
      const res = await fetch(`${url}/v2/models/${MODEL}/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`infer failed: ${res.status} ${await res.text()}`);
      served++;
    }
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    demo.server = undefined;
    note(`${served} predictions logged to ${show(PREDICTIONS)}`);
    // Labels arrive later: join them onto the logged predictions (requests went out in holdout order).
    writeFileSync(LABELLED, withLabels(PREDICTIONS));
    note(`labels joined onto the log: ${show(LABELLED)}`);
  },
};

export const checkDrift: DemoStep = {
  title: 'drift check: labelled traffic against the profile and metrics stored with staging',
  async run(demo) {
    const drift = await demo.modelci([
      'drift',
      '--model',
      MODEL,
      '--reference-version',
      '#staging',
      '--current',
      LABELLED,
      '--json',
      '--markdown',
      join(out, 'drift.md'),
      '--output',
      join(out, 'drift.json'),
      '--history',
      join(out, 'drift-history.json'),
    ]);
    const verdict = JSON.parse(drift) as {
      share: number;
      reference: string;
      columns: { name: string; drifted: boolean }[];
      performance: {
        drifted: boolean;
        metrics: { name: string; reference: number; current: number; checked: boolean }[];
      };
    };
    note(
      `reference: ${show(resolve(repo, verdict.reference))} (stored when ${demo.need('version')} was registered)`,
    );
    const drifted = verdict.columns.filter((c) => c.drifted).map((c) => c.name);
    note(
      `data drift: ${formatShare(verdict.share, 0)} of columns (${drifted.slice(0, 6).join(', ')}, ...)`,
    );
    const checked = verdict.performance.metrics.filter((m) => m.checked);
    note(
      `performance drift: ${verdict.performance.drifted} (${checked
        .map((m) => `${m.name} ${formatNumber(m.reference)} -> ${formatNumber(m.current)}`)
        .join(', ')})`,
    );
    note(`drift report: ${show(join(out, 'drift.md'))}`);
  },
};

export const openRetrainingPullRequest: DemoStep = {
  title: `retraining pull request: one per model, on modelci/retrain/${MODEL}`,
  async run(demo) {
    const branch = `modelci/retrain/${MODEL}`;
    const state = demo.gh.state.repo(GITHUB_REPO);
    // On GitHub the branch the action pushes exists for the pull request API at once; the
    // stand-in has no git behind it, so it is told about the branch up front.
    state.branchSha(branch, true);
    // The drift action, run as the Actions runner runs it (bundle, INPUT_*, GITHUB_* files).
    const run = await runAction('drift', {
      inputs: {
        current: LABELLED,
        'reference-version': '#staging',
        model: MODEL,
        'retrain-workflow': 'retrain.yml',
        'report-dir': join(out, 'drift-action'),
      },
      cwd: repo,
      apiUrl: demo.gh.url,
      repository: GITHUB_REPO,
      sha: demo.git('rev-parse', 'HEAD'),
      eventName: 'schedule',
    });
    if (run.exitCode !== 0) throw new Error(`drift action failed: ${run.stderr}${run.stdout}`);
    writeFileSync(join(out, 'drift-summary.md'), run.summary);
    note(`action outputs: ${JSON.stringify(run.outputs)}`);
    const prs = [...state.pulls.values()].filter((p) => p.head.ref === branch);
    note(`pull request: #${prs[0]?.number ?? '(none)'}; branch pushed to ${show(origin)}`);
    note(`workflow_dispatch sent: ${state.dispatches.length}`);
  },
};

export const buildCatalogSite: DemoStep = {
  title: 'catalog site: models, stages, history, model cards and drift as static pages',
  async run(demo) {
    // The site reads what the registry's git history says; the demo's checkout has all of it.
    const site = await demo.modelci([
      'site',
      '--registry',
      'registry',
      '--out',
      join(out, 'site'),
      '--drift-history',
      join(out, 'drift-history.json'),
      '--title',
      'Demo model catalog',
    ]);
    await demo.modelci(['card', `${MODEL}#staging`, '--out', join(out, 'model-card.md')]);
    note(`open ${site.trim()}`);
    note(
      `model card of the staging version (Hugging Face metadata): ${show(join(out, 'model-card.md'))}`,
    );
  },
};

export const done: DemoStep = {
  title: 'done',
  async run(demo) {
    note(
      `everything is in ${show(out)}: comment.md, report.json, drift.md, drift.json, deploy.json, predictions.jsonl, shadow.md, rollout-aborted.md, rollout-completed.md, site/, model-card.md`,
    );
    note(`registry history: git -C ${show(repo)} log --format='%h %s' -- registry`);
    demo.gh.assertNoViolations();
  },
};
