import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig, resolveModel } from '../config/load.js';
import type { DriftConfig } from '../config/schema/drift.js';
import {
  compareProfiles,
  type DriftOptions,
  type DriftReport,
} from '../core/drift/compare-profiles.js';
import { DRIFT_TESTS, type DriftTestName } from '../core/drift/choose-test.js';
import { ModelciError } from '../core/errors.js';
import type { TableProfile } from '../core/profile/table-profile.js';
import { renderDriftMarkdown, type DriftHistoryEntry } from '../core/report/drift-report.js';
import { isProfilePath, profileFile, readProfile, type ProfileProgress } from './profile.js';

/**
 * `runDrift`: reference (data or profile) vs current data, streamed into profiles, compared column
 * by column; returns the JSON result (the CLI contract), the Markdown report and what was written.
 */
export interface RunDriftOptions {
  reference: string;
  current: string;
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
}

export interface DriftJson extends DriftReport {
  model: string;
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
}

export function parseTestName(value: string | undefined, where: string): DriftTestName | undefined {
  if (value === undefined || value === '') return undefined;
  if ((DRIFT_TESTS as readonly string[]).includes(value)) return value as DriftTestName;
  throw new ModelciError('INPUT', `unknown drift test "${value}"`, {
    path: where,
    hint: `Use one of ${DRIFT_TESTS.join(', ')}`,
  });
}

export function driftConfigFor(
  configFile: string | undefined,
  explicit: boolean,
  model?: string,
): { model: string; drift: DriftConfig } {
  const loaded = loadConfig(configFile, { explicit });
  const resolved = resolveModel(loaded, model);
  return {
    model: resolved.name,
    drift: { ...(loaded.config.drift ?? {}), ...(resolved.model.drift ?? {}) },
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
  onProgress?: (p: ProfileProgress) => void,
): Promise<{ profile: TableProfile; invalidUtf8: number }> {
  if (isProfilePath(file)) return { profile: readProfile(file), invalidUtf8: 0 };
  const opts: Parameters<typeof profileFile>[1] = {};
  if (sketchSize !== undefined) opts.sketchSize = sketchSize;
  if (onProgress) opts.onProgress = onProgress;
  const { profile, notes } = await profileFile(file, opts);
  return { profile, invalidUtf8: notes.invalidUtf8Cells };
}

export function readHistory(file: string | undefined): DriftHistoryEntry[] {
  if (!file || !existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(data))
      return data.filter(
        (e): e is DriftHistoryEntry =>
          typeof e === 'object' && e !== null && typeof (e as DriftHistoryEntry).share === 'number',
      );
  } catch {
    // fall through to the error below
  }
  throw new ModelciError('INPUT', 'drift history is not a JSON list of earlier results', {
    file,
    hint: 'Delete the file to start a new history',
  });
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export async function runDrift(options: RunDriftOptions): Promise<DriftRunResult> {
  const forced = parseTestName(options.test, '--test');
  const { model, drift } = driftConfigFor(
    options.config,
    options.configExplicit ?? false,
    options.model,
  );
  const reference = await loadSide(options.reference, drift.sketch_size, options.onProgress);
  // Compare like with like: the current side uses the reference profile's sketch size.
  const current = await loadSide(options.current, reference.profile.sketchK, options.onProgress);
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
  const report = compareProfiles(
    reference.profile,
    current.profile,
    driftOptionsFrom(drift, forced),
  );
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
  const json: DriftJson = {
    ...report,
    model,
    reference: options.reference,
    current: options.current,
    empty_current: current.profile.rows === 0,
    invalid_utf8_cells: invalid,
  };
  const history = readHistory(options.history);
  const ctx: Parameters<typeof renderDriftMarkdown>[1] = {
    model,
    reference: options.reference,
    current: options.current,
    history,
  };
  if (options.runUrl) ctx.runUrl = options.runUrl;
  const markdown = renderDriftMarkdown(report, ctx);
  if (options.history) {
    const entry: DriftHistoryEntry = {
      at: options.now ?? new Date().toISOString(),
      drifted: report.drifted,
      share: report.share,
      n_drifted: report.n_drifted,
      n_tested: report.n_tested,
    };
    if (options.runUrl) entry.run_url = options.runUrl;
    write(options.history, JSON.stringify([...history, entry].slice(-100), null, 2) + '\n');
  }
  if (options.markdownOut) write(options.markdownOut, markdown + '\n');
  if (options.jsonOut) write(options.jsonOut, JSON.stringify(json, null, 2) + '\n');
  return { json, markdown, model, config: drift };
}
