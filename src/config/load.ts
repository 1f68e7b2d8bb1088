import { existsSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { ModelciError } from '../core/errors.js';
import { pointerToKeyPath } from '../core/keypath.js';
import { gtoNameProblem } from '../core/registry/gto-tags.js';
import { readStructuredFile } from '../data/structured-file.js';
import { validateConfig as validate } from './generated/config-validator.js';
import { didYouMean } from '../core/suggest.js';
import { withDefaults } from '../core/schema-defaults.js';
import { driftSchema, type ResolvedDrift } from './schema/drift.js';
import { configSchema, modelSchema, type ModelConfig, type ModelciConfig } from './schema/index.js';
import { metricsSchema, type MetricsConfig } from './schema/metrics.js';
import type { ResolvedEvaluate, ResolvedTrain } from './schema/train.js';

export const DEFAULT_CONFIG_FILE = 'modelci.yaml';

// `validate` is the config schema compiled at build time (scripts/validators.ts): compiling it
// here cost every action and CLI start ~100 ms.

/** One schema error in words (shared with the contract file's loader). */
export function describe(err: ErrorObject): string {
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(err.params.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(err.params.allowedValue)}`;
    case 'type':
      return `must be ${err.params.type === 'object' ? 'a mapping' : err.params.type === 'array' ? 'a list' : `a ${String(err.params.type)}`}`;
    case 'required':
      return `missing required key "${String(err.params.missingProperty)}"`;
    case 'propertyNames':
    case 'pattern':
      return err.keyword === 'pattern'
        ? `must match ${String(err.params.pattern)}`
        : `has an invalid name`;
    default:
      return err.message ?? 'is invalid';
  }
}

function pick(errors: ErrorObject[]): ErrorObject {
  // propertyNames reports twice (the name, then the pattern); the name error carries the key.
  const named = errors.find((e) => e.keyword === 'propertyNames');
  return named ?? errors.find((e) => e.keyword !== 'if') ?? errors[0]!;
}

/** Validates plain data as a modelci config; throws a ModelciError naming the key path. */
export function validateConfig(
  data: unknown,
  file: string,
): ModelciConfig & { models: Record<string, ModelConfig> } {
  if (data === undefined || data === null) data = { version: 1 };
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ModelciError('CONFIG', 'must be a mapping of keys (version, models, ...)', { file });
  const copy = structuredClone(data);
  if (!validate(copy)) {
    const err = pick(validate.errors ?? []);
    let path = pointerToKeyPath(err.instancePath);
    if (err.keyword === 'propertyNames' && typeof err.params.propertyName === 'string')
      path = path ? `${path}.${err.params.propertyName}` : err.params.propertyName;
    const got = valueAt(copy, err.instancePath);
    const gotText =
      got === undefined || err.keyword === 'additionalProperties' || err.keyword === 'required'
        ? ''
        : ` (got ${JSON.stringify(got)?.slice(0, 60)})`;
    const msg =
      err.keyword === 'propertyNames'
        ? `model name is invalid: use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`
        : `${describe(err)}${gotText}`;
    const unknown =
      err.keyword === 'additionalProperties' ? String(err.params.additionalProperty) : undefined;
    const near = unknown ? didYouMean(unknown, Object.keys(siblingsAt(err.schemaPath))).trim() : '';
    throw new ModelciError('CONFIG', msg, {
      file,
      ...(path ? { path } : {}),
      hint: `${near ? `${near} ` : ''}See schema/modelci.schema.json for the format`,
    });
  }
  checkGtoNames(copy as ModelciConfig, file);
  // Defaults of every section but the two that merge (drift, metrics: top level and per model),
  // which get theirs after the merge, in resolvedModel.
  const config = withDefaults<ModelciConfig>(configSchema, copy, MERGED_SECTIONS);
  return { ...config, models: config.models ?? {} };
}

/** The keys the schema allows where an `additionalProperties` error was raised. */
export function siblingsAt(
  schemaPath: string,
  root: object = configSchema,
): Record<string, unknown> {
  let node: unknown = root;
  const parts = schemaPath.replace(/^#\//, '').split('/');
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return {};
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ?? {};
}

const MERGED_SECTIONS: ReadonlySet<object> = new Set([driftSchema, metricsSchema]);

/** With registry.tags on, every model and stage name must fit GTO's tag grammar. */
function checkGtoNames(config: ModelciConfig, file: string): void {
  if (!config.registry?.tags) return;
  const names: [string, 'model' | 'stage', string][] = [
    ...Object.keys(config.models ?? {}).map((m): [string, 'model', string] => [
      m,
      'model',
      `models.${m}`,
    ]),
    ...(config.registry.stages ?? []).map((s, i): [string, 'stage', string] => [
      s,
      'stage',
      `registry.stages[${i}]`,
    ]),
  ];
  for (const [name, what, path] of names) {
    const problem = gtoNameProblem(name, what);
    if (problem)
      throw new ModelciError('CONFIG', problem, {
        file,
        path,
        hint: `Rename the ${what}, or set registry.tags: false`,
      });
  }
}

export function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

export interface LoadedConfig {
  /** The config as written, with `models` always present (defaults come with resolveModel). */
  config: ModelciConfig & { models: Record<string, ModelConfig> };
  /** The file read, or undefined when none existed and defaults apply. */
  file: string | undefined;
  /** The path that was looked for (named in messages when it does not exist). */
  path?: string;
}

/**
 * Loads modelci.yaml. A missing default file is fine (defaults apply); a missing file the user
 * named explicitly is an error.
 */
export function loadConfig(
  file: string = DEFAULT_CONFIG_FILE,
  opts: { explicit?: boolean } = {},
): LoadedConfig {
  if (!existsSync(file)) {
    if (opts.explicit)
      throw new ModelciError('CONFIG', 'config file not found', {
        file,
        hint: 'Create it or pass the right path with --config',
      });
    return { config: { version: 1, models: {} }, file: undefined, path: file };
  }
  return { config: validateConfig(readStructuredFile(file), file), file, path: file };
}

/**
 * One model's settings with every default of the schema filled in once: the per-model `drift:`
 * and `metrics:` merged over the top-level ones first (the model's keys win), so nothing below
 * needs a `??` fallback for a documented default.
 */
export interface ResolvedModel {
  task: ModelConfig['task'];
  description: string | undefined;
  owners: string[];
  primary_metric: string | undefined;
  data: NonNullable<ModelConfig['data']>;
  contract: string | undefined;
  train: ResolvedTrain;
  evaluate: ResolvedEvaluate;
  metrics: MetricsConfig;
  gates: ModelConfig['gates'];
  drift: ResolvedDrift;
  deploy: ModelConfig['deploy'];
  /** False when the config has no such model (a model used without modelci.yaml entry). */
  configured: boolean;
}

function mergeSection<T extends object>(top: T | undefined, own: T | undefined): T {
  return { ...top, ...own } as T;
}

export function resolvedModel(loaded: LoadedConfig, own: ModelConfig | undefined): ResolvedModel {
  const m = withDefaults<
    ModelConfig & Required<Pick<ModelConfig, 'owners' | 'data' | 'train' | 'evaluate'>>
  >(modelSchema, own ?? {});
  const top = loaded.config;
  const metrics = mergeSection(top.metrics, own?.metrics);
  const directions = { ...top.metrics?.directions, ...own?.metrics?.directions };
  return {
    task: m.task,
    description: m.description,
    owners: m.owners,
    primary_metric: m.primary_metric,
    data: m.data,
    contract: m.contract,
    train: m.train as ResolvedTrain,
    evaluate: m.evaluate as ResolvedEvaluate,
    metrics: Object.keys(directions).length ? { ...metrics, directions } : metrics,
    gates: m.gates,
    drift: withDefaults<ResolvedDrift>(driftSchema, mergeSection(top.drift, own?.drift)),
    deploy: m.deploy,
    configured: own !== undefined,
  };
}

/** Where the config was looked for, for messages: `modelci.yaml (not found)`. */
export function configName(loaded: LoadedConfig): string {
  return loaded.file ?? `${loaded.path ?? DEFAULT_CONFIG_FILE} (not found)`;
}

/**
 * The model's config by name; with no name, the only model. With no model in the config (or no
 * config file), `fallback` (default `model`) names it; with several, a name is required.
 */
export function resolveModel(
  loaded: LoadedConfig,
  name?: string,
  opts: { fallback?: string } = {},
): { name: string; model: ResolvedModel } {
  const names = Object.keys(loaded.config.models);
  if (name) {
    const model = loaded.config.models[name];
    if (model) return { name, model: resolvedModel(loaded, model) };
    if (names.length === 0) return { name, model: resolvedModel(loaded, undefined) };
    throw new ModelciError('CONFIG', `no model "${name}" in config`, {
      file: loaded.file ?? DEFAULT_CONFIG_FILE,
      path: 'models',
      hint: `${didYouMean(name, names).trim()} Known models: ${names.join(', ')}`.trim(),
    });
  }
  if (names.length === 1)
    return { name: names[0]!, model: resolvedModel(loaded, loaded.config.models[names[0]!]) };
  // No config entry: the name markers and reports have always used for an unnamed model.
  if (names.length === 0)
    return { name: opts.fallback ?? 'model', model: resolvedModel(loaded, undefined) };
  throw new ModelciError('INPUT', `several models in config (${names.join(', ')}); say which one`, {
    file: configName(loaded),
    hint: 'Pass the model name (--model, input "model")',
  });
}
