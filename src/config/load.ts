import { existsSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { ModelciError } from '../core/errors.js';
import { pointerToKeyPath } from '../core/keypath.js';
import { readStructuredFile } from '../data/structured-file.js';
import { validateConfig as validate } from './generated/config-validator.js';
import type { ModelConfig, ModelciConfig } from './schema/index.js';

export const DEFAULT_CONFIG_FILE = 'modelci.yaml';

// `validate` is the config schema compiled at build time (scripts/validators.ts): compiling it
// here cost every action and CLI start ~100 ms.

function describe(err: ErrorObject): string {
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
export function validateConfig(data: unknown, file: string): ModelciConfig {
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
    throw new ModelciError('CONFIG', msg, {
      file,
      ...(path ? { path } : {}),
      hint: 'See schema/modelci.schema.json for the format',
    });
  }
  return copy as ModelciConfig;
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

export interface LoadedConfig {
  config: ModelciConfig;
  /** The file read, or undefined when none existed and defaults apply. */
  file: string | undefined;
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
    return { config: validateConfig({ version: 1 }, file), file: undefined };
  }
  return { config: validateConfig(readStructuredFile(file), file), file };
}

/** The model's config by name; with no name, the only model (or an empty config when there is none). */
export function resolveModel(
  loaded: LoadedConfig,
  name?: string,
): { name: string; model: ModelConfig } {
  const names = Object.keys(loaded.config.models);
  if (name) {
    const model = loaded.config.models[name];
    if (model) return { name, model };
    if (names.length === 0) return { name, model: {} };
    throw new ModelciError('CONFIG', `no model "${name}" in config`, {
      file: loaded.file ?? DEFAULT_CONFIG_FILE,
      path: 'models',
      hint: `Known models: ${names.join(', ')}`,
    });
  }
  if (names.length === 1) return { name: names[0]!, model: loaded.config.models[names[0]!]! };
  if (names.length === 0) return { name: 'model', model: {} };
  throw new ModelciError('INPUT', `several models in config (${names.join(', ')}); say which one`, {
    hint: 'Pass the model name (action input `model`, CLI --model)',
  });
}
