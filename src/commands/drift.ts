import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadConfig, resolveModel } from '../config/load.js';
import type { ModelConfig } from '../config/schema/index.js';
import type { DriftConfig } from '../config/schema/drift.js';
import {
  compareProfiles,
  type DriftOptions,
  type DriftReport,
} from '../core/drift/compare-profiles.js';
import { DRIFT_TESTS, isDriftTestName, type DriftTestName } from '../core/drift/tests/index.js';
import { ModelciError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import {
  comparePerformance,
  type PerformanceDrift,
  type PerformanceRules,
} from '../core/drift/performance-drift.js';
import { PerformanceProfile, type PerformanceSpec } from '../core/profile/performance-profile.js';
import type { TableProfile } from '../core/profile/table-profile.js';
import { openRegistry } from '../registry/index.js';
import { registrySettings } from '../registry/settings.js';
import { performanceSpecFor, type PerformanceFlags } from './drift-performance.js';
import { renderDriftMarkdown, type DriftHistoryEntry } from '../core/report/drift-report.js';
import {
  isProfilePath,
  profileFile,
  readProfile,
  type ProfileFileOptions,
  type ProfileProgress,
} from './profile.js';
import { profileFileOnThread } from '../parallel/profile-task.js';
import { availableThreads, requestedThreads } from '../parallel/threads.js';
import type { ValidationReport } from '../core/contract/report.js';
import { renderDataChecks } from '../core/report/data-checks.js';
import { modelContractPath } from './contract.js';
import { runValidate } from './validate.js';
import { writeOutputFile } from '../data/output-file.js';

/**
 * `runDrift`: reference (data or profile) vs current data, streamed into profiles, compared column
 * by column; returns the JSON result (the CLI contract), the Markdown report and what was written.
 */
export interface RunDriftOptions {
  /** Reference data or profile; absent: the profile stored with `referenceVersion` in the registry. */
  reference?: string;
  current: string;
  /** Registry folder (default: registry.path from config, else `registry`). */
  registry?: string;
  /** `#production` (default), `#staging`, `1.2.0`, `latest`: whose stored profile is the reference. */
  referenceVersion?: string;
  /** Label/prediction/score columns for performance drift (override drift.performance). */
  performance?: PerformanceFlags;
  /**
   * The data contract the current data is checked against beside drift: a file, `none`, or
   * undefined for the model's contract when it has one.
   */
  contract?: string;
  /** `--test`: force one test on every column it applies to. */
  test?: string;
  config?: string;
  configExplicit?: boolean;
  model?: string;
  /** JSON file of earlier results: read for the trend, then this result is appended. */
  history?: string;
  /** Where to write the Markdown report and the JSON result (artifact files). */
  markdownOut?: string;
  jsonOut?: string;
  runUrl?: string;
  /** ISO time of this check (from the caller; core has no clock). */
  now?: string;
  onProgress?: (p: ProfileProgress) => void;
  /**
   * Threads for reading the two sides (1: one after the other). Default: MODELCI_THREADS, else
   * both cores when both sides are data files large enough to pay for a worker.
   */
  threads?: number;
}

export interface DriftJson extends DriftReport {
  model: string;
  /** The data contract checks of the current data, when the model has a contract. */
  data_checks?: ValidationReport;
  /** ISO time of the check: `--history` files built from `--json` results are charted by it. */
  checked_at: string;
  reference: string;
  current: string;
  empty_current: boolean;
  invalid_utf8_cells: number;
}

export interface DriftRunResult {
  json: DriftJson;
  markdown: string;
  model: string;
  config: DriftConfig;
  /** The reference file used (the stored profile when it came from the registry). */
  reference: string;
  /** The registry folder: the `registry` option, else `registry.path` (retrain.yaml goes there). */
  registry: string;
}

export function parseTestName(value: string | undefined, where: string): DriftTestName | undefined {
  if (value === undefined || value === '') return undefined;
  if (isDriftTestName(value)) return value;
  throw new ModelciError('INPUT', `unknown drift test "${value}"`, {
    path: where,
    hint: `Use one of ${DRIFT_TESTS.join(', ')}`,
  });
}

export function driftConfigFor(
  configFile: string | undefined,
  explicit: boolean,
  model?: string,
): { model: string; drift: DriftConfig; modelConfig: ModelConfig; registryPath: string } {
  const loaded = loadConfig(configFile, { explicit });
  const resolved = resolveModel(loaded, model);
  return {
    model: resolved.name,
    // Top-level and per-model drift merged, defaults applied once (src/config/load.ts).
    drift: resolved.model.drift,
    modelConfig: resolved.model,
    registryPath: registrySettings(loaded.config.registry).path,
  };
}

export function driftOptionsFrom(config: DriftConfig, forced?: DriftTestName): DriftOptions {
  const columnTests: Record<string, DriftTestName> = {};
  const columnThresholds: Record<string, number> = {};
  for (const [name, c] of Object.entries(config.columns ?? {})) {
    if (c.test) columnTests[name] = c.test;
    if (c.threshold !== undefined) columnThresholds[name] = c.threshold;
  }
  const options: DriftOptions = {
    columnTests,
    columnThresholds,
    ignore: config.ignore ?? [],
    predictionColumns: config.prediction_columns ?? [],
  };
  const test = forced ?? config.test;
  if (test) options.forcedTest = test;
  if (config.thresholds) options.thresholds = config.thresholds;
  if (config.threshold !== undefined) options.driftShare = config.threshold;
  if (config.missing_rate_tolerance !== undefined)
    options.missingRateTolerance = config.missing_rate_tolerance;
  return options;
}

async function loadSide(
  file: string,
  sketchSize: number | undefined,
  performance: PerformanceSpec | undefined,
  onProgress?: (p: ProfileProgress) => void,
): Promise<{ profile: TableProfile; invalidUtf8: number }> {
  if (isProfilePath(file)) return { profile: readProfile(file), invalidUtf8: 0 };
  const opts: Parameters<typeof profileFile>[1] = {};
  if (sketchSize !== undefined) opts.sketchSize = sketchSize;
  if (performance) opts.performance = performance;
  if (onProgress) opts.onProgress = onProgress;
  const { profile, notes } = await profileFile(file, opts);
  return { profile, invalidUtf8: notes.invalidUtf8Cells };
}

/** Below this many bytes in the smaller side, a worker's start-up costs more than it saves. */
const MIN_BYTES_FOR_THREADS = 4 << 20;

/** Two data files are read at once when asked (`threads`, MODELCI_THREADS) or large enough. */
function sidesInParallel(reference: string, current: string, threads?: number): boolean {
  if (isProfilePath(reference) || isProfilePath(current)) return false;
  const asked = requestedThreads(threads);
  if (asked !== undefined) return asked > 1;
  if (availableThreads() < 2) return false;
  try {
    return Math.min(statSync(reference).size, statSync(current).size) >= MIN_BYTES_FOR_THREADS;
  } catch {
    return false; // a missing file: the one-thread path reports it
  }
}

type Side = Awaited<ReturnType<typeof loadSide>>;

/**
 * Both sides' profiles. Compare like with like: the current side uses the reference profile's
 * sketch size. Two data files are profiled at once, the reference on a worker thread: the
 * reference's sketch size is then `sketchSize` (or the default) before it is read, as it is on one
 * thread, and the loaded profile holds the same numbers, so the result is identical.
 */
async function loadSides(
  referenceFile: string,
  currentFile: string,
  sketchSize: number | undefined,
  spec: PerformanceSpec | undefined,
  options: Pick<RunDriftOptions, 'onProgress' | 'threads'>,
): Promise<{ reference: Side; current: Side }> {
  const { onProgress } = options;
  if (!sidesInParallel(referenceFile, currentFile, options.threads)) {
    const reference = await loadSide(referenceFile, sketchSize, spec, onProgress);
    const current = await loadSide(currentFile, reference.profile.sketchK, spec, onProgress);
    return { reference, current };
  }
  const opts: ProfileFileOptions = {};
  if (sketchSize !== undefined) opts.sketchSize = sketchSize;
  if (spec) opts.performance = spec;
  if (onProgress) opts.onProgress = onProgress;
  const onThread = profileFileOnThread(referenceFile, opts).then(({ profile, notes }) => ({
    profile,
    invalidUtf8: notes.invalidUtf8Cells,
  }));
  const [reference, current] = await Promise.allSettled([
    onThread,
    loadSide(currentFile, sketchSize, spec, onProgress),
  ]);
  // The reference's error first, as when the sides are read one after the other.
  if (reference.status === 'rejected') throw reference.reason;
  if (current.status === 'rejected') throw current.reason;
  return { reference: reference.value, current: current.value };
}

const HISTORY_HINT =
  'Pass the file `--history` wrote, or what `modelci drift --json` printed (one result or a list of them); delete the file to start a new history';

/** One earlier check: a history entry (what `--history` writes) or a `--json` result. */
function historyEntry(e: unknown, file: string, path: string): DriftHistoryEntry {
  const o = (e !== null && typeof e === 'object' && !Array.isArray(e) ? e : {}) as Record<
    string,
    unknown
  >;
  const at = o.at ?? o.checked_at;
  const num = (k: string) => typeof o[k] === 'number' && Number.isFinite(o[k]);
  if (!num('share') || !num('n_drifted') || !num('n_tested') || typeof o.drifted !== 'boolean')
    throw new ModelciError(
      'INPUT',
      'is not an earlier drift result (needs drifted, share, n_drifted and n_tested)',
      { file, path, hint: HISTORY_HINT },
    );
  const entry: DriftHistoryEntry = {
    at: typeof at === 'string' ? at : '',
    drifted: o.drifted as boolean,
    share: o.share as number,
    n_drifted: o.n_drifted as number,
    n_tested: o.n_tested as number,
  };
  if (typeof o.run_url === 'string') entry.run_url = o.run_url;
  return entry;
}

/** Earlier checks for the trend: the history file, or `--json` output (one result or a list). */
export function readHistory(file: string | undefined): DriftHistoryEntry[] {
  if (!file || !existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw new ModelciError(
      'INPUT',
      `drift history is not JSON (${e instanceof Error ? e.message : String(e)})`,
      { file, hint: HISTORY_HINT },
    );
  }
  if (Array.isArray(data)) return data.map((e, i) => historyEntry(e, file, `[${i}]`));
  return [historyEntry(data, file, '')];
}

/**
 * An explicitly named label column must exist: a typo would otherwise pass as "no labelled rows".
 * The message lists the columns and the likely one.
 */
function assertColumn(kind: string, name: string, profile: TableProfile, file: string): void {
  if (profile.columns.has(name)) return;
  const names = [...profile.columns.keys()];
  const near = nearest(name, names);
  throw new ModelciError('INPUT', `${kind} column "${name}" is not in the data`, {
    file,
    hint: `${near ? `Did you mean "${near}"? ` : ''}Columns: ${names.slice(0, 40).join(', ')}${names.length > 40 ? `, … (${names.length} in all)` : ''}`,
  });
}

export async function runDrift(options: RunDriftOptions): Promise<DriftRunResult> {
  const forced = parseTestName(options.test, '--test');
  const { model, drift, modelConfig, registryPath } = driftConfigFor(
    options.config,
    options.configExplicit ?? false,
    options.model,
  );
  const spec = performanceSpecFor(drift, modelConfig, options.performance);
  const stored = options.reference
    ? undefined
    : storedReference(options.registry ?? registryPath, model, options.referenceVersion);
  const referenceFile = options.reference ?? stored!.profile;
  const { reference, current } = await loadSides(
    referenceFile,
    options.current,
    drift.sketch_size,
    spec,
    options,
  );
  if (current.profile.sketchK !== reference.profile.sketchK) {
    throw new ModelciError(
      'INPUT',
      `sketch size ${current.profile.sketchK} differs from the reference's ${reference.profile.sketchK}`,
      {
        file: options.current,
        hint: 'Profile both sides with the same --sketch-size',
      },
    );
  }
  const flags = options.performance ?? {};
  for (const kind of ['label', 'prediction', 'score'] as const) {
    const name = flags[kind];
    if (name === undefined) continue;
    if (current.profile.rows > 0) assertColumn(kind, name, current.profile, options.current);
  }
  // The contract first: a column that broke it is a schema break, reported as such, not as drift.
  const dataChecks =
    current.profile.rows > 0
      ? await contractChecks(options, model, registryPath, checkedAtMs(options.now))
      : undefined;
  const schemaBreak = [
    ...new Set(
      (dataChecks?.violations ?? [])
        .filter(
          (v) =>
            v.severity === 'error' &&
            (v.check === 'missing_column' || v.check === 'type') &&
            v.column !== undefined,
        )
        .map((v) => v.column!),
    ),
  ];
  const compareOptions = driftOptionsFrom(drift, forced);
  if (schemaBreak.length)
    compareOptions.ignore = [...(compareOptions.ignore ?? []), ...schemaBreak];
  // The label is the target, not a feature: its drift is reported apart (label drift).
  const label = spec?.label ?? modelConfig.data?.label;
  if (label) compareOptions.labelColumns = [label];
  // The columns performance reads the model's output from are predictions too (prediction drift).
  if (spec)
    for (const c of [spec.prediction, spec.score])
      if (c && !compareOptions.predictionColumns!.includes(c))
        compareOptions.predictionColumns!.push(c);
  const report = compareProfiles(reference.profile, current.profile, compareOptions);
  if (spec) {
    report.performance = performanceDrift(spec, reference.profile, current.profile, stored, {
      ...(drift.performance?.max_drop ? { maxDrop: drift.performance.max_drop } : {}),
      ...(drift.performance?.min_rows ? { minRows: drift.performance.min_rows } : {}),
      ...(modelConfig.primary_metric ? { primaryMetric: modelConfig.primary_metric } : {}),
    });
    report.drifted = report.dataset_drifted || report.performance.drifted;
  }
  if (schemaBreak.length) {
    report.schema_break = schemaBreak;
    report.problems.push(
      `schema break in ${schemaBreak.map((c) => JSON.stringify(c)).join(', ')} (missing or of another type, see the data checks): not tested for drift`,
    );
  }
  const invalid = reference.invalidUtf8 + current.invalidUtf8;
  if (invalid)
    report.problems.push(
      `${invalid} cell(s) were not valid UTF-8 and were read with U+FFFD replacement characters`,
    );
  // Contract fields first in each column: name, type, test, statistic, p_value, drifted.
  report.columns = report.columns.map(
    ({ name, type, test, statistic, p_value, drifted, ...rest }) => ({
      name,
      type,
      test,
      statistic,
      ...(p_value === undefined ? {} : { p_value }),
      drifted,
      ...rest,
    }),
  );
  const checkedAt = options.now ?? new Date().toISOString();
  const json: DriftJson = {
    ...report,
    model,
    checked_at: checkedAt,
    reference: referenceFile,
    current: options.current,
    empty_current: current.profile.rows === 0,
    invalid_utf8_cells: invalid,
    ...(dataChecks ? { data_checks: dataChecks } : {}),
  };
  const history = readHistory(options.history);
  const ctx: Parameters<typeof renderDriftMarkdown>[1] = {
    model,
    reference: stored ? `${referenceFile} (${model} ${stored.version})` : referenceFile,
    current: options.current,
    history,
  };
  if (options.runUrl) ctx.runUrl = options.runUrl;
  ctx.now = checkedAt;
  if (dataChecks) ctx.dataChecks = renderDataChecks(dataChecks);
  const markdown = renderDriftMarkdown(report, ctx);
  if (options.history) {
    const entry: DriftHistoryEntry = {
      at: checkedAt,
      drifted: report.drifted,
      share: report.share,
      n_drifted: report.n_drifted,
      n_tested: report.n_tested,
      model,
      threshold: report.drift_share_threshold,
      ...(report.performance ? { performance_drifted: report.performance.drifted } : {}),
    };
    if (options.runUrl) entry.run_url = options.runUrl;
    writeOutputFile(
      options.history,
      JSON.stringify([...history, entry].slice(-100), null, 2) + '\n',
    );
  }
  if (options.markdownOut) writeOutputFile(options.markdownOut, markdown + '\n');
  if (options.jsonOut) writeOutputFile(options.jsonOut, JSON.stringify(json, null, 2) + '\n');
  return {
    json,
    markdown,
    model,
    config: drift,
    reference: referenceFile,
    registry: options.registry ?? registryPath,
  };
}

function checkedAtMs(now: string | undefined): number {
  const t = now === undefined ? Number.NaN : Date.parse(now);
  return Number.isNaN(t) ? Date.now() : t;
}

/** The current window against the model's data contract, when it has one (or `contract` names one). */
async function contractChecks(
  options: RunDriftOptions,
  model: string,
  registryPath: string,
  now: number,
): Promise<ValidationReport | undefined> {
  if (options.contract === 'none') return undefined;
  const file =
    options.contract ??
    modelContractPath(
      loadConfig(options.config, { explicit: options.configExplicit ?? false }),
      model,
      options.registry ?? registryPath,
    );
  if (options.contract === undefined && !existsSync(file)) return undefined;
  return runValidate({ contract: file, data: [options.current], now, model });
}

/** The registered version's stored profile and its recorded metrics (the performance fallback). */
interface StoredReference {
  version: string;
  profile: string;
  metrics: Record<string, number>;
  rows?: number;
}

function storedReference(
  registryDir: string,
  model: string,
  ref: string | undefined,
): StoredReference {
  const registry = openRegistry(registryDir);
  const version = registry.resolveVersion(model, ref ?? '#production');
  const profile = registry.profilePath(model, version);
  if (!existsSync(profile))
    throw new ModelciError('INPUT', `no reference profile stored for ${model} ${version}`, {
      file: profile,
      hint: 'Register versions with a profile (modelci register --profile-data <training data>), or pass a reference file',
    });
  const record = registry.getVersion(model, version);
  const expected = record.reference_profile?.sha256;
  if (expected) {
    const actual = createHash('sha256').update(readFileSync(profile)).digest('hex');
    if (actual !== expected)
      throw new ModelciError(
        'REGISTRY',
        `the stored profile of ${model} ${version} changed since registration (sha256 ${actual.slice(0, 12)}…, recorded ${expected.slice(0, 12)}…)`,
        { file: profile, hint: 'Restore it from git history (git log -- <file>)' },
      );
  }
  const metrics = Object.fromEntries(
    Object.entries(record.metrics ?? {}).map(([k, v]) => [k, v.value]),
  );
  const rows = record.evaluation_data?.rows;
  return { version, profile, metrics, ...(rows !== undefined ? { rows } : {}) };
}

function performanceDrift(
  spec: PerformanceSpec,
  reference: TableProfile,
  current: TableProfile,
  stored: StoredReference | undefined,
  rules: PerformanceRules,
): PerformanceDrift {
  const cur = current.performance ?? new PerformanceProfile(spec);
  if (!current.performance) cur.unlabelled = current.rows;
  const ref = reference.performance;
  // The reference's own labelled rows when it has them; else what evaluate recorded at registration.
  if (ref && ref.labelled > 0)
    return comparePerformance({ source: 'data', profile: ref }, cur, rules);
  if (stored && Object.keys(stored.metrics).length)
    return comparePerformance(
      {
        source: 'registry',
        version: stored.version,
        metrics: stored.metrics,
        ...(stored.rows !== undefined ? { rows: stored.rows } : {}),
      },
      cur,
      rules,
    );
  return comparePerformance(
    { source: 'data', profile: ref ?? new PerformanceProfile(spec) },
    cur,
    rules,
  );
}
