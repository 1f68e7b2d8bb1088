// GTO reads the registry's tags back as the versions and stages `registry show` prints.
//
// `gtoState` below re-implements how iterative/gto reads tags (a port of gto/constants.py
// `tag_re`, gto/tag.py `parse_name` / `index_tag` / `TagManager.update_state`, and gto/base.py's
// Artifact / Version / VStage rules, as of iterative/gto 4b652c8). It is written from GTO's source,
// not from modelci's code, so that a wrong tag, a tag on the wrong commit or a wrong counter shows
// as a difference.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDeprecate } from '../../../src/commands/deprecate.js';
import { runPromote } from '../../../src/commands/promote.js';
import { runRegister } from '../../../src/commands/register.js';
import { runRegistryList, runRegistryShow } from '../../../src/commands/registry.js';
import { runRollback } from '../../../src/commands/rollback.js';
import { loadConfig } from '../../../src/config/load.js';
import type { ModelciError } from '../../../src/core/errors.js';
import {
  clone,
  git,
  gitEnv,
  makeOrigin,
  tempDir,
  GIT_TEST_TIMEOUT,
  evaluatedModel,
  registeredAt,
} from './git-fixture.js';

// ---- GTO's reading of tags (port) ------------------------------------------------------------

const NAME = '[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?';
const DIRNAME = '[a-zA-Z0-9-_./]+';
const SEMVER =
  '(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?';
// tag_re = ^(?P<artifact>{fullname_in_tag})(((#(?P<stage>{name})|@(?P<version>v{semver}))(?P<cancel>!?))|@((?P<deprecated>deprecated)|(?P<created>created)))(#({counter}))?$
const TAG_RE = new RegExp(
  `^(?<artifact>(${DIRNAME}=)?(${NAME}))(((#(?<stage>${NAME})|@(?<version>v${SEMVER}))(?<cancel>!?))|@((?<deprecated>deprecated)|(?<created>created)))(#(?<counter>[0-9]+))?$`,
);

type Action = 'register' | 'deregister' | 'assign' | 'unassign' | 'deprecate' | 'create';

/** gto/tag.py parse_name. */
function parseName(
  tag: string,
):
  { name: string; action: Action; version?: string; stage?: string; counter?: number } | undefined {
  const m = TAG_RE.exec(tag);
  if (!m) return undefined;
  const g = m.groups!;
  let action: Action = 'create';
  if (g.deprecated) action = 'deprecate';
  if (g.version) action = g.cancel === '!' ? 'deregister' : 'register';
  if (g.stage) action = g.cancel === '!' ? 'unassign' : 'assign';
  return {
    name: g.artifact!.replace(/=/g, ':'),
    action,
    ...(g.version ? { version: g.version } : {}),
    ...(g.stage ? { stage: g.stage } : {}),
    ...(g.counter ? { counter: Number(g.counter) } : {}),
  };
}

interface GtoEvent {
  kind: Action;
  at: number;
  tag: string;
  stage?: string;
}
interface GtoVersion {
  version: string;
  commit: string;
  direct: GtoEvent[]; // registrations + deregistrations
  stages: Map<string, GtoEvent[]>; // assignments + unassignments per stage
}

const desc = (evs: GtoEvent[]) => [...evs].sort((a, b) => a.at - b.at).reverse();
const isRegistered = (v: GtoVersion) => v.direct.some((e) => e.kind === 'register');
const discovered = (v: GtoVersion) => v.direct.length === 0;
/** gto/base.py Version.is_active. */
function versionActive(v: GtoVersion): boolean {
  if (v.direct.length) return desc(v.direct)[0]!.kind === 'register';
  return [...v.stages.values()].some((e) => e.length > 0);
}
/** VStage.is_active and its created_at (the newest assignment: the authoring event). */
function vstage(evs: GtoEvent[]): { active: boolean; createdAt: number } {
  const d = desc(evs);
  return {
    active: d[0]?.kind === 'assign',
    createdAt: d.find((e) => e.kind === 'assign')?.at ?? 0,
  };
}

/** gto/tag.py TagManager.update_state over every annotated tag, then gto/api.py show(). */
function gtoState(repo: string, artifact: string) {
  const tags = git(
    repo,
    'for-each-ref',
    '--format=%(refname:strip=2)%00%(objecttype)%00%(*objectname)%00%(taggerdate:unix)',
    'refs/tags',
  )
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\0'))
    // find(): lightweight tags are skipped; sorted by tag time (stable over list order).
    .filter(([, type]) => type === 'tag')
    .map(([tag, , target, at]) => ({
      tag: tag!,
      target: target!,
      at: Number(at),
      p: parseName(tag!),
    }))
    .filter((t) => t.p && t.p.name === artifact)
    .sort((a, b) => a.at - b.at);
  const versions: GtoVersion[] = [];
  // Artifact.find_version(name, commit_hexsha, create_new) without discovered versions.
  const find = (name: string | undefined, commit: string) => {
    const found = versions.filter(
      (v) => (name ? v.version === name : true) && v.commit === commit && !discovered(v),
    );
    if (found.length > 1) throw new Error(`GTO: many versions for ${name ?? commit}`);
    if (found[0]) return found[0];
    const v: GtoVersion = { version: name ?? commit, commit, direct: [], stages: new Map() };
    versions.push(v);
    return v;
  };
  // The version manager indexes before the stage manager.
  for (const t of tags.filter((t) => ['register', 'deregister'].includes(t.p!.action)))
    find(t.p!.version!.slice(1), t.target).direct.push({ kind: t.p!.action, at: t.at, tag: t.tag });
  for (const t of tags.filter((t) => ['assign', 'unassign'].includes(t.p!.action))) {
    // index_tag: the version registered at the tag's commit, then Artifact.add_event by name+commit.
    const name = find(undefined, t.target).version;
    const v = find(name, t.target);
    const evs = v.stages.get(t.p!.stage!) ?? [];
    evs.push({ kind: t.p!.action, at: t.at, tag: t.tag, stage: t.p!.stage! });
    v.stages.set(t.p!.stage!, evs);
  }
  // Artifact.get_versions(include_non_explicit=True, include_discovered=True): the active ones.
  const shown = versions.filter(versionActive);
  /** Artifact.get_vstages with versions_per_stage (1 by default; -1 = all). */
  const stagesBy = (sort: 'timestamp' | 'semver', perStage: number) => {
    const ordered =
      sort === 'semver'
        ? [...shown].sort((a, b) => cmpSemver(b.version, a.version))
        : [...shown].sort((a, b) => createdAt(a) - createdAt(b)).reverse();
    let assignments = ordered.flatMap((v) =>
      [...v.stages.entries()]
        .map(([stage, evs]) => ({ stage, version: v.version, ...vstage(evs) }))
        .filter((s) => s.active)
        .sort((a, b) => a.createdAt - b.createdAt),
    );
    if (sort === 'timestamp')
      assignments = [...assignments].sort((a, b) => a.createdAt - b.createdAt).reverse();
    const out: Record<string, string[]> = {};
    for (const a of assignments) {
      const list = (out[a.stage] ??= []);
      if (perStage > -1 && list.length >= perStage) continue;
      if (!list.includes(a.version)) list.push(a.version);
    }
    return out;
  };
  return { versions, shown, stagesBy };
}

function createdAt(v: GtoVersion): number {
  const reg = v.direct.filter((e) => e.kind === 'register').sort((a, b) => a.at - b.at);
  return reg[0]?.at ?? Math.min(...[...v.stages.values()].flat().map((e) => e.at));
}

function cmpSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return pa[0]! - pb[0]! || pa[1]! - pb[1]! || pa[2]! - pb[2]!;
}

// ---- the registry's side ------------------------------------------------------------------------

/** What `registry show` says about every version, and the commit that registered each. */
function registryView(repo: string) {
  const dir = join(repo, 'registry');
  const model = runRegistryList(dir).models.find((m) => m.name === 'churn')!;
  return model.versions.map((v) => {
    const s = runRegistryShow(dir, `churn@${v}`);
    return {
      version: v,
      deprecated: Boolean(s.version.deprecated),
      stages: [...s.stages].sort(),
      commit: registeredAt(repo, v),
    };
  });
}

/** GTO's view of the same versions, in every way `gto show` can sort and count. */
function gtoView(repo: string) {
  const gto = gtoState(repo, 'churn');
  const views = [
    gto.stagesBy('timestamp', 1),
    gto.stagesBy('semver', 1),
    gto.stagesBy('timestamp', -1),
  ];
  for (const v of views.slice(1)) expect(v).toEqual(views[0]);
  const stages = views[0]!;
  return {
    all: gto.versions.map((v) => v.version).sort(cmpSemver),
    versions: gto.versions
      .filter((v) => isRegistered(v))
      .sort((a, b) => cmpSemver(a.version, b.version))
      .map((v) => ({
        version: v.version,
        deprecated: !versionActive(v),
        stages: Object.keys(stages)
          .filter((s) => stages[s]!.includes(v.version))
          .sort(),
        commit: v.commit,
      })),
  };
}

describe('GTO tags', { timeout: GIT_TEST_TIMEOUT }, () => {
  it('read back by GTO as the versions and stages registry show prints, after every change', async () => {
    const origin = makeOrigin();
    const repo = clone(origin);
    const art = tempDir('modelci-art-');
    const registry = join(repo, 'registry');
    // GTO orders events by tag time (seconds): each change gets its own second, as in real runs.
    let clock = 1_767_225_600;
    const env = () => ({ ...gitEnv, GIT_COMMITTER_DATE: `${(clock += 10)} +0000` });
    const tags = { tags: true };
    const base = { registry, model: 'churn', push: true };
    const check = () => {
      const gto = gtoView(origin);
      expect(gto.all).toEqual(gto.versions.map((v) => v.version)); // no nameless or duplicate versions
      expect(gto.versions).toEqual(registryView(repo));
    };
    // 0.1.0 is registered before tags are turned on: its version tag comes with its first promotion.
    await runRegister({ ...base, ...(await evaluatedModel(art, 1)), env: env() });
    for (const seed of [2, 3, 4])
      await runRegister({
        ...base,
        ...(await evaluatedModel(art, seed)),
        config: tags,
        env: env(),
      });
    const steps: [string, () => Promise<unknown>][] = [
      [
        'promote 0.1.0 staging',
        () => runPromote({ ...base, config: tags, env: env(), version: '0.1.0', stage: 'staging' }),
      ],
      [
        'promote 0.1.0 production',
        () =>
          runPromote({ ...base, config: tags, env: env(), version: '0.1.0', stage: 'production' }),
      ],
      [
        'promote 0.2.0 staging',
        () => runPromote({ ...base, config: tags, env: env(), version: '0.2.0', stage: 'staging' }),
      ],
      [
        'promote 0.2.0 production',
        () =>
          runPromote({ ...base, config: tags, env: env(), version: '0.2.0', stage: 'production' }),
      ],
      [
        'promote 0.3.0 staging',
        () => runPromote({ ...base, config: tags, env: env(), version: '0.3.0', stage: 'staging' }),
      ],
      [
        'promote 0.3.0 production',
        () =>
          runPromote({ ...base, config: tags, env: env(), version: '0.3.0', stage: 'production' }),
      ],
      [
        'rollback production',
        () => runRollback({ ...base, config: tags, env: env(), stage: 'production' }),
      ],
      [
        'rollback production again',
        () => runRollback({ ...base, config: tags, env: env(), stage: 'production' }),
      ],
      [
        'deprecate 0.4.0',
        () => runDeprecate({ ...base, config: tags, env: env(), version: '0.4.0' }),
      ],
      [
        'promote 0.3.0 production again',
        () =>
          runPromote({ ...base, config: tags, env: env(), version: '0.3.0', stage: 'production' }),
      ],
      [
        'rollback staging',
        () => runRollback({ ...base, config: tags, env: env(), stage: 'staging' }),
      ],
    ];
    for (const [name, step] of steps) {
      await step();
      try {
        check();
      } catch (e) {
        throw new Error(`after "${name}": ${(e as Error).message}`);
      }
    }
    expect(registryView(repo).map((v) => [v.version, v.deprecated, v.stages.join(',')])).toEqual([
      ['0.1.0', false, ''],
      ['0.2.0', false, 'staging'],
      ['0.3.0', false, 'production'],
      ['0.4.0', true, ''],
    ]);
    // Numbered per model, as gto/tag.py name_tag does: one counter across stages.
    const counters = git(origin, 'tag', '--list', 'churn#*')
      .split('\n')
      .filter(Boolean)
      .map((t) => Number(t.split('#').pop()))
      .sort((a, b) => a - b);
    expect(counters).toEqual(counters.map((_, i) => i + 1));
  });

  it('the port reads GTO test vectors as GTO does (tests/test_tag.py)', () => {
    // test_parse_name
    expect(parseName('path@v1.2.3')).toEqual({
      name: 'path',
      version: 'v1.2.3',
      action: 'register',
    });
    expect(parseName('path@v1.2.3#5')).toEqual({
      name: 'path',
      version: 'v1.2.3',
      action: 'register',
      counter: 5,
    });
    expect(parseName('path@v1.2.3!')).toEqual({
      name: 'path',
      version: 'v1.2.3',
      action: 'deregister',
    });
    expect(parseName('path@v1.2.3!#2')).toEqual({
      name: 'path',
      version: 'v1.2.3',
      action: 'deregister',
      counter: 2,
    });
    expect(parseName('path#stage')).toEqual({ name: 'path', action: 'assign', stage: 'stage' });
    expect(parseName('path#stage#1')).toEqual({
      name: 'path',
      action: 'assign',
      stage: 'stage',
      counter: 1,
    });
    expect(parseName('path#stage!#2')).toEqual({
      name: 'path',
      action: 'unassign',
      stage: 'stage',
      counter: 2,
    });
    // test_parse_wrong_names
    for (const bad of [
      '',
      '###',
      '@@@',
      'model@v1',
      'nn#prod#-1',
      'model@v111',
      'model-prod',
      'model@0.0.1',
      'model-prod-v1',
      'model#prod#-1',
      'model#prod#1-2',
      'model#prod?#1-2',
      'model#prod@v1.2.3',
      'model@v1.2.3#prod',
      'model-prod-v1-stage',
      'model@prod@v1@stage-1',
      'namespace/model@0.0.1',
      '@namespace/model@0.0.1',
      'model#prod#v1#stage#1-',
      'model#prod-v1-stage@1-2',
      'model#prod-v1-stage@1-2#@',
    ])
      expect(parseName(bad), bad).toBeUndefined();
    // test_parse_correct_names
    for (const good of [
      'nn#prod',
      'nn#prod!',
      'nn#prod#1',
      'nn@v1.0.0',
      'nn#prod!#2',
      'nn@v1.0.0!',
      'nn@v1.0.0#1',
      'nn@v1.0.0!#1',
      'nn@v1.0.0-rc.2',
      'nn@v1.0.0-alpha',
      'nn@v1.0.0-alpha.1',
      'nn@v1.0.0-alpha.beta',
      'new-artifact@v1.0.1!',
      'dvclive=model#prod#3',
    ])
      expect(parseName(good), good).toBeDefined();
  });

  it('refuses names outside GTO grammar at config load, with the grammar in the message', () => {
    const dir = tempDir('modelci-gto-');
    const load = (yaml: string) => {
      const file = join(dir, 'modelci.yaml');
      writeFileSync(file, yaml);
      try {
        loadConfig(file, { explicit: true });
      } catch (e) {
        return (e as ModelciError).format();
      }
      return 'loaded';
    };
    expect(load('version: 1\nmodels:\n  churn-: {}\nregistry:\n  tags: true\n')).toBe(
      `${join(dir, 'modelci.yaml')}: models.churn-: model name "churn-" is outside GTO's tag grammar [a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])? (letters, digits, "-" and "_", starting and ending with a letter or digit; no "."), which registry.tags: true needs. Rename the model, or set registry.tags: false`,
    );
    expect(load('version: 1\nmodels:\n  my_model.v2: {}\nregistry:\n  tags: true\n')).toMatch(
      /models\.my_model\.v2: model name "my_model\.v2" is outside GTO's tag grammar/,
    );
    expect(
      load('version: 1\nregistry:\n  tags: true\n  stages: [staging, pre.prod, production]\n'),
    ).toMatch(/registry\.stages\[1\]: stage name "pre\.prod" is outside GTO's tag grammar/);
    // Without tags the names are fine: they only have to be safe folder names.
    expect(load('version: 1\nmodels:\n  my_model.v2: {}\nregistry:\n  stages: [pre.prod]\n')).toBe(
      'loaded',
    );
  });
});
