import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { ModelciConfig } from '../config/schema/index.js';
import { driftChecks, mergeDriftChecks } from '../core/catalog/drift-history.js';
import { newestRunsFirst, runEntry } from '../core/catalog/runs.js';
import type {
  CatalogData,
  CatalogModel,
  CatalogProblem,
  CatalogStage,
  CatalogVersion,
  DriftCheck,
  RunEntry,
} from '../core/catalog/types.js';
import { describeError, ModelciError } from '../core/errors.js';
import { isValidName } from '../core/registry/names.js';
import { readStructuredFile } from '../data/structured-file.js';
import { openRegistry, type Registry } from '../registry/registry.js';
import { registrySettings } from '../registry/settings.js';
import { concerns } from '../core/catalog/audit-log.js';
import { readRegistryHistory, type StoredRuns } from './git-history.js';

export interface ReadCatalogOptions {
  /** The registry folder. */
  registry: string;
  config?: ModelciConfig;
  /** Drift history files, each `<file>` or `<model>=<file>`. */
  driftHistory?: string[];
  title?: string;
  /** Links commits and pull requests, e.g. `https://github.com/acme/models`. */
  repositoryUrl?: string;
  /** ISO time of the build (core has no clock). */
  now: string;
  env?: NodeJS.ProcessEnv;
}

export interface ReadCatalogResult {
  data: CatalogData;
  /** Things worth telling the person who built the site that are not registry problems. */
  notes: string[];
}

/**
 * Reads everything the catalog shows. Nothing in the registry stops it: a file that cannot be read
 * becomes an `error` where it belongs and a problem in the list. Only a registry folder that does
 * not exist at all is an error, since then there is nothing to show.
 */
export async function readCatalog(opts: ReadCatalogOptions): Promise<ReadCatalogResult> {
  if (!existsSync(opts.registry) || !statSync(opts.registry).isDirectory())
    throw new ModelciError('INPUT', 'registry folder not found', {
      file: opts.registry,
      hint: 'Pass the registry folder with --registry (registry.path in modelci.yaml)',
    });
  const reg = openRegistry(opts.registry);
  const problems: CatalogProblem[] = [];
  const notes: string[] = [];
  const stageOrder = registrySettings(opts.config?.registry).stages;
  const models = reg.listModels().map((name) => readCatalogModel(reg, name, opts.config, problems));

  const history = await readRegistryHistory(reg.dir, opts.env ?? process.env);
  if (!history)
    notes.push(`${opts.registry} is not in a git checkout: no audit log or stage timeline`);
  for (const m of models) {
    m.history = history?.audit.filter((e) => concerns(e, m.name)) ?? [];
    m.runs = catalogRuns(m, history?.runs.get(m.name));
  }

  const drift = readDrift(
    opts.driftHistory ?? [],
    models.map((m) => m.name),
    problems,
    notes,
  );
  for (const m of models) m.drift = mergeDriftChecks(drift.get(m.name) ?? []);

  return {
    data: {
      title: opts.title ?? 'Model catalog',
      generatedAt: opts.now,
      ...(opts.repositoryUrl ? { repositoryUrl: opts.repositoryUrl } : {}),
      ...(history ? { commit: history.head } : {}),
      stageOrder,
      models,
      audit: history?.audit ?? [],
      hasHistory: history !== undefined,
      problems,
    },
    notes,
  };
}

/** A model's runs, each linked to the version registered from its model (same artifact sha256). */
export function catalogRuns(m: CatalogModel, stored: StoredRuns | undefined): RunEntry[] {
  if (!stored) return [];
  const versionOf = new Map<string, string>();
  for (const v of m.versions) if (v.record) versionOf.set(v.record.artifact.sha256, v.version);
  return [
    ...newestRunsFirst(stored.records.map((r) => runEntry(r, versionOf))),
    ...stored.unreadable,
  ];
}

/** One model's records, config and stage pointers (no history, drift or runs yet). */
export function readCatalogModel(
  reg: Registry,
  name: string,
  config: ModelciConfig | undefined,
  problems: CatalogProblem[],
): CatalogModel {
  const rel = (file: string): string => relative(reg.dir, file) || file;
  const stageOrder = registrySettings(config?.registry).stages;
  const cfg = config?.models?.[name];
  const m: CatalogModel = {
    name,
    owners: [],
    card: cfg?.card ?? {},
    versions: [],
    stages: [],
    history: [],
    drift: [],
    runs: [],
  };
  try {
    const record = reg.getModel(name);
    if (record) m.record = record;
  } catch (e) {
    m.recordError = message(e);
    problems.push({ file: `${name}/model.yaml`, message: m.recordError, model: name });
  }
  const task = m.record?.task ?? cfg?.task;
  const primary = m.record?.primary_metric ?? cfg?.primary_metric;
  const description = m.record?.description ?? cfg?.description;
  if (task) m.task = task;
  if (primary) m.primaryMetric = primary;
  if (m.record?.direction) m.direction = m.record.direction;
  if (description) m.description = description;
  m.owners = m.record?.owners ?? cfg?.owners ?? [];

  m.versions = reg.listVersions(name).map((version): CatalogVersion => {
    const file = reg.versionFile(name, version);
    try {
      return { version, file: rel(file), record: reg.getVersion(name, version) };
    } catch (e) {
      const error = message(e);
      problems.push({ file: rel(file), message: error, model: name, version });
      return { version, file: rel(file), error };
    }
  });
  // Stage files whose names are not valid are listed, not skipped: someone put them there.
  const stageFiles = listYaml(`${reg.dir}/${name}/stages`);
  for (const bad of stageFiles.filter((s) => !isValidName(s)))
    problems.push({
      file: `${name}/stages/${bad}.yaml`,
      message: 'not a valid stage name; ignored',
      model: name,
    });
  const present = stageFiles.filter(isValidName);
  const order = [
    ...stageOrder.filter((s) => present.includes(s)),
    ...present.filter((s) => !stageOrder.includes(s)).sort(),
  ];
  m.stages = order.map((stage): CatalogStage => {
    try {
      const pointer = reg.getStage(name, stage);
      return pointer ? { stage, pointer } : { stage };
    } catch (e) {
      const error = message(e);
      problems.push({ file: `${name}/stages/${stage}.yaml`, message: error, model: name });
      return { stage, error };
    }
  });
  return m;
}

function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
  } catch {
    return [];
  }
}

/** The error without the file name the problems table already shows. */
function message(e: unknown): string {
  if (e instanceof ModelciError) {
    const { file: _file, ...where } = e.where;
    return new ModelciError(e.code, e.message, {
      ...where,
      ...(e.hint ? { hint: e.hint } : {}),
    }).format();
  }
  return describeError(e);
}

function readDrift(
  specs: string[],
  models: string[],
  problems: CatalogProblem[],
  notes: string[],
): Map<string, DriftCheck[][]> {
  const out = new Map<string, DriftCheck[][]>();
  for (const spec of specs) {
    const m = /^([a-z0-9][a-z0-9._-]*)=(.+)$/.exec(spec);
    const model = m?.[1];
    const file = m?.[2] ?? spec;
    if (!existsSync(file)) {
      // The first scheduled drift run has not written it yet: nothing to show, nothing wrong.
      notes.push(`drift history ${file} does not exist (yet)`);
      continue;
    }
    let data: unknown;
    try {
      data = readStructuredFile(file);
    } catch (e) {
      problems.push({ file, message: describeError(e), ...(model ? { model } : {}) });
      continue;
    }
    const r = driftChecks(data, file, model, models);
    problems.push(...r.problems);
    for (const [name, list] of r.checks) out.set(name, [...(out.get(name) ?? []), list]);
  }
  return out;
}
