// `npm run demo`: the whole modelci loop on one machine, on the bundled breast-cancer example.
// Every step runs the bundled CLI (`dist/cli/index.js`) as a user would; git is a local bare
// repository standing in for `origin`, GitHub is the local stand-in server the tests use.
// Outputs stay in demo-out/ for reading; servers are stopped and nothing else is left behind.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS_TOKEN, startGitHubServer } from '../test/harness/github/index.js';
import { runAction } from '../test/harness/runner.js';
import { formatNumber, formatShare } from '../src/core/report/number-format.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/index.js');
const out = join(root, 'demo-out');
const repo = join(out, 'repo');
const origin = join(out, 'origin.git');
const MODEL = 'cancer';
const GITHUB_REPO = 'demo/cancer';
const show = (p: string): string => relative(process.cwd(), p) || '.';

let stepNo = 0;
const TOTAL = 13;
function step(title: string): void {
  stepNo++;
  process.stdout.write(`\n▶ ${stepNo}/${TOTAL} ${title}\n`);
}
function note(text: string): void {
  process.stdout.write(`  ${text}\n`);
}

function git(...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=modelci demo', '-c', 'user.email=demo@modelci.local', ...args],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  ).trim();
}

/**
 * Runs `modelci <args>` in the demo repository; returns stdout, fails the demo on a non-zero exit.
 * Asynchronous on purpose: the GitHub stand-in lives in this process and must keep answering.
 */
async function modelci(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    process.stderr.write(
      `\nmodelci ${args.join(' ')} failed (exit ${code}):\n${stderr}${stdout}\n`,
    );
    throw new Error(`demo step ${stepNo} failed`);
  }
  return stdout;
}

function writeExampleProject(): void {
  // Deterministic split of the example data: every fourth row is holdout.
  const lines = readFileSync(join(root, 'examples/churn/data/breast_cancer.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const [header, ...rows] = lines;
  const train = rows.filter((_, i) => i % 4 !== 0);
  const holdout = rows.filter((_, i) => i % 4 === 0);
  mkdirSync(join(repo, 'data'), { recursive: true });
  writeFileSync(join(repo, 'data/train.csv'), [header, ...train].join('\n') + '\n');
  writeFileSync(join(repo, 'data/holdout.csv'), [header, ...holdout].join('\n') + '\n');
  cpSync(join(root, 'examples/demo/modelci.yaml'), join(repo, 'modelci.yaml'));
  // Production today is a strongly regularised fit; the pull request relaxes it.
  setRegularisation(0.001);
  writeFileSync(join(repo, '.gitignore'), 'out/\n.modelci/\n');
}

function setRegularisation(c: number): void {
  const file = join(repo, 'modelci.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/params: \{ C: [0-9.]+ \}/, `params: { C: ${c} }`),
  );
}

/** Shifted production traffic: the tumours of the holdout, measured 40% larger. */
function shiftedRequests(
  inputName: string,
): { inputs: { name: string; shape: number[]; datatype: string; data: number[] }[] }[] {
  const [header, ...rows] = readFileSync(join(repo, 'data/holdout.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const features = columns.filter((c) => c !== 'malignant');
  const grow = new Set([
    'mean_radius',
    'mean_perimeter',
    'mean_area',
    'worst_radius',
    'worst_perimeter',
    'worst_area',
  ]);
  return rows.map((line) => {
    const cells = line.split(',');
    const data = features.map((f) => Number(cells[columns.indexOf(f)]) * (grow.has(f) ? 1.4 : 1));
    return { inputs: [{ name: inputName, shape: [1, features.length], datatype: 'FP32', data }] };
  });
}

/** The prediction log with each row's true label (holdout order), as a labelling job would add. */
function withLabels(log: string): string {
  const [header, ...rows] = readFileSync(join(repo, 'data/holdout.csv'), 'utf8').trim().split('\n');
  const at = header!.split(',').indexOf('malignant');
  // One row per request sent, in order (deploy's smoke requests are not logged: modelci_smoke).
  const traffic = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  if (traffic.length !== rows.length)
    throw new Error(`expected ${rows.length} logged predictions, found ${traffic.length}`);
  return (
    traffic
      .map((row, i) => JSON.stringify({ ...row, malignant: Number(rows[i]!.split(',')[at]) }))
      .join('\n') + '\n'
  );
}

async function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer): void => {
      buf += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (buf += d.toString()));
    child.on('exit', (code) => reject(new Error(`modelci serve exited with ${code}: ${buf}`)));
  });
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run build`');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const gh = await startGitHubServer();
  let server: ChildProcess | undefined;
  const env = {
    GITHUB_TOKEN: ACTIONS_TOKEN,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: GITHUB_REPO,
  };
  try {
    step('set up: a project repository with a bare `origin`, and the GitHub stand-in');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
    execFileSync('git', ['clone', '-q', origin, repo], { stdio: 'ignore' });
    writeExampleProject();
    git('config', 'user.name', 'modelci demo');
    git('config', 'user.email', 'demo@modelci.local');
    git('add', '-A');
    git('commit', '-qm', 'Breast-cancer classifier project');
    git('push', '-q', 'origin', 'HEAD:main');
    note(`repository: ${show(repo)} (origin: ${show(origin)}); GitHub stand-in: ${gh.url}`);

    // The production model the pull request is compared with: a strongly regularised fit.
    step('production today: train, register 1.0.0, promote to staging and production');
    await modelci(['train', '--name', MODEL, '--output-dir', 'out/v1']);
    note(
      (
        await modelci(
          [
            'register',
            '--registry',
            'registry',
            '--model',
            MODEL,
            '--artifact',
            'out/v1/model.onnx',
            '--version',
            '1.0.0',
            '--push',
          ],
          env,
        )
      ).trim(),
    );
    await modelci(
      [
        'promote',
        '--registry',
        'registry',
        '--model',
        MODEL,
        '--version',
        '1.0.0',
        '--stage',
        'staging',
        '--push',
      ],
      env,
    );
    await modelci(
      [
        'promote',
        '--registry',
        'registry',
        '--model',
        MODEL,
        '--version',
        '1.0.0',
        '--stage',
        'production',
        '--push',
      ],
      env,
    );
    git('pull', '-q', '--rebase', 'origin', 'main');
    note(`registry: ${show(join(repo, 'registry', MODEL))}`);

    step('pull request: train the candidate with the built-in logistic regression');
    const { pull } = gh.state
      .repo(GITHUB_REPO)
      .addPull({ title: 'Less regularisation for the cancer model', head: 'less-regularisation' });
    // The pull request's change: much less regularisation.
    setRegularisation(1.0);
    git('commit', '-qam', 'Less regularisation for the cancer model');
    const trained = await modelci([
      'train',
      '--name',
      MODEL,
      '--output-dir',
      'out/candidate',
      '--json',
    ]);
    writeFileSync(join(out, 'train-record.json'), trained);
    note(
      `model: ${show(join(repo, 'out/candidate/model.onnx'))}; run record: ${show(join(out, 'train-record.json'))}`,
    );

    step('evaluate the candidate against production (bootstrap intervals, paired tests, gates)');
    await modelci([
      'evaluate',
      '--name',
      MODEL,
      '--model',
      'out/candidate/model.onnx',
      '--baseline',
      'production',
      '--out',
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

    step('comment on the pull request (sticky: one comment per model, updated in place)');
    const markdown = await modelci(['comment', '--report', 'out/report.json', '--model', MODEL]);
    writeFileSync(join(out, 'comment.md'), markdown);
    await modelci(
      [
        'comment',
        '--report',
        'out/report.json',
        '--model',
        MODEL,
        '--repo',
        GITHUB_REPO,
        '--pr',
        String(pull.number),
      ],
      env,
    );
    const comments = gh.state.repo(GITHUB_REPO).commentsOn(pull.number);
    note(
      `comment markdown: ${show(join(out, 'comment.md'))}; posted as comment ${comments[0]?.id ?? '(none)'} on pull request #${pull.number} (${comments.length} comment)`,
    );

    step(
      'merge: register the candidate (version bumped by rule, one commit with trailers, pushed)',
    );
    const version = (
      await modelci(
        [
          'register',
          '--registry',
          'registry',
          '--model',
          MODEL,
          '--artifact',
          'out/candidate/model.onnx',
          '--report',
          'out/report.json',
          '--smoke-samples',
          'out/smoke.jsonl',
          '--push',
        ],
        env,
      )
    )
      .trim()
      .split('\n')
      .pop()!;
    git('pull', '-q', '--rebase', 'origin', 'main');
    note(
      `registered ${MODEL}@${version}: ${show(join(repo, 'registry', MODEL, 'versions', `${version}.yaml`))}`,
    );
    note(`registry commit: ${git('log', '-1', '--format=%h %s', '--', 'registry')}`);

    step(`promote ${version} to staging (gates and previous stage checked)`);
    await modelci(
      [
        'promote',
        '--registry',
        'registry',
        '--model',
        MODEL,
        '--version',
        version,
        '--stage',
        'staging',
        '--push',
      ],
      env,
    );
    git('pull', '-q', '--rebase', 'origin', 'main');
    note(`pointer: ${show(join(repo, 'registry', MODEL, 'stages', 'staging.yaml'))}`);

    step(
      'deploy staging to the built-in inference server (GitHub Deployment, smoke test: health, readiness, recorded predictions, latency)',
    );
    const log = join(out, 'predictions.jsonl');
    const features = readFileSync(join(repo, 'data/holdout.csv'), 'utf8')
      .split('\n')[0]!
      .split(',')
      .filter((c) => c !== 'malignant');
    server = spawn(
      process.execPath,
      [
        cli,
        'serve',
        '--registry',
        'registry',
        '--stage',
        'staging',
        '--port',
        '0',
        '--log-predictions',
        log,
        '--features',
        `${MODEL}=${features.join(',')}`,
      ],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await waitForUrl(server);
    writeFileSync(join(out, 'server-url.txt'), url + '\n');
    const deployed = await modelci(
      [
        'deploy',
        '--model',
        MODEL,
        '--environment',
        'staging',
        '--registry',
        'registry',
        '--url',
        url,
        '--github-repository',
        GITHUB_REPO,
        '--ref',
        git('rev-parse', 'HEAD'),
        '--json',
      ],
      env,
    );
    writeFileSync(join(out, 'deploy.json'), deployed);
    const deployments = gh.state.repo(GITHUB_REPO).deployments;
    note(
      `server: ${url}/v2/models/${MODEL} (metrics: ${url}/metrics); deployments recorded: ${deployments.size}`,
    );
    const smoke = (
      JSON.parse(deployed) as { smoke?: { checks: { name: string; detail: string }[] } }
    ).smoke?.checks.find((c) => c.name === 'predictions');
    if (smoke) note(`smoke test against the samples recorded at evaluation: ${smoke.detail}`);
    note(`deploy result: ${show(join(out, 'deploy.json'))}`);

    step('send shifted production traffic (tumours measured 40% larger) through the server');
    let served = 0;
    const metadata = (await (await fetch(`${url}/v2/models/${MODEL}`)).json()) as {
      inputs: { name: string }[];
    };
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
    await new Promise((r) => server!.once('exit', r));
    server = undefined;
    note(`${served} predictions logged to ${show(log)}`);

    // Labels arrive later: join them onto the logged predictions (requests went out in holdout order).
    const labelled = join(out, 'labelled.jsonl');
    writeFileSync(labelled, withLabels(log));
    note(`labels joined onto the log: ${show(labelled)}`);

    step('drift check: labelled traffic against the profile and metrics stored with staging');
    const drift = await modelci([
      'drift',
      '--model',
      MODEL,
      '--reference-version',
      '#staging',
      '--current',
      labelled,
      '--json',
      '--markdown',
      join(out, 'drift.md'),
      '--output',
      join(out, 'drift.json'),
      '--history',
      join(out, 'drift-history.json'),
    ]);
    const verdict = JSON.parse(drift) as {
      drifted: boolean;
      share: number;
      reference: string;
      columns: { name: string; drifted: boolean }[];
      performance: {
        drifted: boolean;
        metrics: { name: string; reference: number; current: number; checked: boolean }[];
      };
    };
    note(`reference: ${show(resolve(repo, verdict.reference))} (stored when 1.1.0 was registered)`);
    note(
      `data drift: ${formatShare(verdict.share, 0)} of columns (${verdict.columns
        .filter((c) => c.drifted)
        .map((c) => c.name)
        .slice(0, 6)
        .join(', ')}, ...)`,
    );
    note(
      `performance drift: ${verdict.performance.drifted} (${verdict.performance.metrics
        .filter((m) => m.checked)
        .map((m) => `${m.name} ${formatNumber(m.reference)} -> ${formatNumber(m.current)}`)
        .join(', ')})`,
    );
    note(`drift report: ${show(join(out, 'drift.md'))}`);

    step('retraining pull request: one per model, on modelci/retrain/' + MODEL);
    // On GitHub the branch the action pushes exists for the pull request API at once; the
    // stand-in has no git behind it, so it is told about the branch up front.
    gh.state.repo(GITHUB_REPO).branchSha(`modelci/retrain/${MODEL}`, true);
    // The drift action, run as the Actions runner runs it (bundle, INPUT_*, GITHUB_* files).
    const run = await runAction('drift', {
      inputs: {
        current: labelled,
        'reference-version': '#staging',
        model: MODEL,
        'retrain-workflow': 'retrain.yml',
        'report-dir': join(out, 'drift-action'),
      },
      cwd: repo,
      apiUrl: gh.url,
      repository: GITHUB_REPO,
      sha: git('rev-parse', 'HEAD'),
      eventName: 'schedule',
    });
    if (run.exitCode !== 0) throw new Error(`drift action failed: ${run.stderr}${run.stdout}`);
    writeFileSync(join(out, 'drift-summary.md'), run.summary);
    note(`action outputs: ${JSON.stringify(run.outputs)}`);
    const prs = [...gh.state.repo(GITHUB_REPO).pulls.values()].filter(
      (p) => p.head.ref === `modelci/retrain/${MODEL}`,
    );
    note(`pull request: #${prs[0]?.number ?? '(none)'}; branch pushed to ${show(origin)}`);
    note(`workflow_dispatch sent: ${gh.state.repo(GITHUB_REPO).dispatches.length}`);

    step('catalog site: models, stages, history, model cards and drift as static pages');
    // The site reads what the registry's git history says; the demo's checkout has all of it.
    const siteUrl = (
      await modelci([
        'site',
        '--registry',
        'registry',
        '--out',
        join(out, 'site'),
        '--drift-history',
        join(out, 'drift-history.json'),
        '--title',
        'Demo model catalog',
      ])
    ).trim();
    await modelci(['card', `${MODEL}#staging`, '--out', join(out, 'model-card.md')]);
    note(`open ${siteUrl}`);
    note(
      `model card of the staging version (Hugging Face metadata): ${show(join(out, 'model-card.md'))}`,
    );

    step('done');
    note(
      `everything is in ${show(out)}: comment.md, report.json, drift.md, drift.json, deploy.json, predictions.jsonl, site/, model-card.md`,
    );
    note(`registry history: git -C ${show(repo)} log --format='%h %s' -- registry`);
    gh.assertNoViolations();
  } finally {
    if (server) server.kill('SIGTERM');
    await gh.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`\ndemo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
