import type { ErrorObject, ValidateFunction } from 'ajv';
import { stringify } from 'yaml';
import { ModelciError } from '../core/errors.js';
import { pointerToKeyPath } from '../core/keypath.js';
import {
  canonical,
  type ModelRecord,
  type StagePointer,
  type VersionRecord,
} from '../core/registry/records.js';
import { readStructuredFile } from '../data/structured-file.js';
import { model, stage, version } from './generated/record-validators.js';

// The record schemas compiled at build time (scripts/validators.ts), not at every start.
const validators = { model, version, stage } satisfies Record<string, ValidateFunction>;

export type RecordKind = keyof typeof validators;
type RecordOf<K extends RecordKind> = K extends 'model'
  ? ModelRecord
  : K extends 'version'
    ? VersionRecord
    : StagePointer;

function describe(err: ErrorObject): string {
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(err.params.additionalProperty)}"`;
    case 'required':
      return `missing required key "${String(err.params.missingProperty)}"`;
    case 'const':
      return `must be ${JSON.stringify(err.params.allowedValue)}`;
    case 'enum':
      return `must be one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `must match ${String(err.params.pattern)}`;
    case 'type':
      return `must be ${err.params.type === 'object' ? 'a mapping' : err.params.type === 'array' ? 'a list' : `a ${String(err.params.type)}`}`;
    default:
      return err.message ?? 'is invalid';
  }
}

/** Validates parsed data as a registry record; errors name the file and the key path. */
export function validateRecord<K extends RecordKind>(
  kind: K,
  data: unknown,
  file: string,
): RecordOf<K> {
  const validate = validators[kind];
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ModelciError('REGISTRY', `malformed ${kind} record: must be a mapping`, {
      file,
      hint: 'Restore the file from git history (git log -p -- <file>)',
    });
  if (!validate(data)) {
    const err = validate.errors![0]!;
    const path = pointerToKeyPath(err.instancePath);
    throw new ModelciError('REGISTRY', `malformed ${kind} record: ${describe(err)}`, {
      file,
      ...(path ? { path } : {}),
      hint: 'Restore the file from git history (git log -p -- <file>)',
    });
  }
  return data as RecordOf<K>;
}

export function readRecord<K extends RecordKind>(kind: K, file: string): RecordOf<K> {
  let data: unknown;
  try {
    data = readStructuredFile(file);
  } catch (e) {
    if (e instanceof ModelciError && e.code === 'PARSE')
      throw new ModelciError('REGISTRY', `malformed ${kind} record: ${e.message}`, {
        ...e.where,
        hint: 'Restore the file from git history (git log -p -- <file>)',
      });
    throw e;
  }
  return validateRecord(kind, data, file);
}

/** YAML with a stable key order (schema first), so equal records are byte-equal files. */
export function recordToYaml(record: object): string {
  const { schema, ...rest } = record as Record<string, unknown>;
  return stringify({ schema, ...(canonical(rest) as object) }, { lineWidth: 0 });
}
