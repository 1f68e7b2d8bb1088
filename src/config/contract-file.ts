import type { ErrorObject } from 'ajv';
import { normalizeContract, type Contract } from '../core/contract/contract.js';
import { contractSchema, type ContractFile } from '../core/contract/schema.js';
import { ModelciError } from '../core/errors.js';
import { pointerToKeyPath } from '../core/keypath.js';
import { didYouMean } from '../core/suggest.js';
import { readStructuredFile } from '../data/structured-file.js';
import { validateContract } from './generated/contract-validator.js';
import { describe, siblingsAt, valueAt } from './load.js';

/**
 * Reads a data contract (YAML or JSON): its schema (schema/contract.schema.json, compiled at build
 * time), then what the schema cannot see (src/core/contract/contract.ts). Every error names the
 * file and the key path, e.g. `contract.yaml: columns.age.range.min: must be a number (got "x")`.
 */
export function readContract(file: string): { contract: Contract; written: ContractFile } {
  const data = readStructuredFile(file);
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ModelciError('CONFIG', 'a contract is a mapping with version and columns', {
      file,
      hint: 'Write one with `modelci contract infer --data <file> --out <contract.yaml>`',
    });
  if (!validateContract(data)) throw schemaError(validateContract.errors ?? [], data, file);
  const written = data as ContractFile;
  return { contract: normalizeContract(written, file), written };
}

/**
 * The error to show among ajv's: the deepest one, and at one depth not a `type` error of an anyOf
 * alternative the value was not meant to be (`max_missing: 2` is "must be <= 1", not "must be a
 * mapping"). When every alternative failed on its type, all types are named.
 */
function schemaError(errors: ErrorObject[], data: unknown, file: string): ModelciError {
  const real = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if');
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...real.map(depth));
  const atDepth = real.filter((e) => depth(e) === deepest);
  const err = atDepth.find((e) => e.keyword !== 'type') ?? atDepth[0] ?? errors[0]!;
  const path = pointerToKeyPath(err.instancePath);
  const got = valueAt(data, err.instancePath);
  let message: string;
  if (err.keyword === 'type' && atDepth.length > 1) {
    const types = [...new Set(atDepth.map((e) => typeWord(String(e.params.type))))];
    message = `must be ${types.join(' or ')}`;
  } else message = describe(err);
  const gotText =
    got === undefined || err.keyword === 'additionalProperties' || err.keyword === 'required'
      ? ''
      : ` (got ${JSON.stringify(got)?.slice(0, 60)})`;
  const unknown =
    err.keyword === 'additionalProperties' ? String(err.params.additionalProperty) : undefined;
  const near = unknown
    ? didYouMean(unknown, Object.keys(siblingsAt(err.schemaPath, contractSchema))).trim()
    : '';
  return new ModelciError('CONFIG', `${message}${gotText}`, {
    file,
    ...(path ? { path } : {}),
    hint: `${near ? `${near} ` : ''}See schema/contract.schema.json for the format`,
  });
}

function typeWord(t: string): string {
  if (t === 'object') return 'a mapping';
  if (t === 'array') return 'a list';
  if (t === 'integer') return 'an integer';
  return `a ${t.replace(/,/g, ' or ')}`;
}
