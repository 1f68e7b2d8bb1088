import { ModelciError } from '../errors.js';
import { looksNumeric, FALSE_TOKENS, TRUE_TOKENS } from '../profile/column-profile.js';
import { parseDuration } from '../profile/timestamp.js';
import { parseRelation, type RelationExpr } from './relation.js';
import type { ColumnContractFile, ColumnType, ContractFile, Severity } from './schema.js';

/**
 * A contract ready to check data against: every expectation with its severity resolved, regular
 * expressions compiled, durations in milliseconds. Built from a schema-checked contract file by
 * `normalizeContract`, which refuses what the schema cannot see (a bad regex, min > max, a relation
 * on an unknown column) with the key path.
 */
export interface Expectation {
  severity: Severity;
}

/** An expectation on each value, met when at least `mostly` of the non-missing values meet it. */
export interface ValueExpectation extends Expectation {
  mostly: number;
}

export interface ColumnContract {
  name: string;
  required: boolean;
  type?: Expectation & { is: ColumnType };
  maxMissing?: Expectation & { share: number };
  range?: ValueExpectation & { min?: number; max?: number };
  allowed?: ValueExpectation & AllowedValues;
  pattern?: ValueExpectation & { regex: RegExp; source: string };
  unique?: Expectation;
  freshness?: Expectation & { maxAgeMs: number; text: string };
}

/** An `allowed` list split by what a cell turns out to be (CSV "1.0" matches YAML 1). */
export interface AllowedValues {
  values: (string | number | boolean)[];
  numbers: ReadonlySet<number>;
  texts: ReadonlySet<string>;
  booleans: ReadonlySet<boolean>;
}

export interface Relation extends Expectation, RelationExpr {
  text: string;
}

export interface Contract {
  model?: string;
  rows?: Expectation & { min?: number; max?: number };
  id?: string;
  label?: string;
  extraColumns: Severity | 'ignore';
  columns: ColumnContract[];
  relations: Relation[];
}

/** Default severities: every expectation fails the validation unless the contract says warning. */
const DEFAULT: Severity = 'error';

/**
 * Values compared as what they mean: numbers by value (CSV "1.0" is YAML 1), booleans by truth
 * (CSV "True" is YAML true), the rest as text.
 */
export function allowedValues(values: (string | number | boolean)[]): AllowedValues {
  const numbers = new Set<number>();
  const texts = new Set<string>();
  const booleans = new Set<boolean>();
  for (const v of values) {
    if (typeof v === 'number') numbers.add(v);
    else if (typeof v === 'boolean') booleans.add(v);
    else if (looksNumeric(v) === looksNumeric(v)) numbers.add(looksNumeric(v));
    else if (TRUE_TOKENS.has(v)) booleans.add(true);
    else if (FALSE_TOKENS.has(v)) booleans.add(false);
    else texts.add(v);
  }
  return { values, numbers, texts, booleans };
}

function pick<T, S>(
  value: T | ({ severity?: Severity } & Record<string, unknown>) | undefined,
  key: string,
): { value: S; severity: Severity; mostly: number } | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown> & { severity?: Severity; mostly?: number };
    return { value: o[key] as S, severity: o.severity ?? DEFAULT, mostly: o.mostly ?? 1 };
  }
  return { value: value as unknown as S, severity: DEFAULT, mostly: 1 };
}

function column(name: string, c: ColumnContractFile, fail: Fail): ColumnContract {
  const at = `columns.${name}`;
  const out: ColumnContract = { name, required: c.required ?? true };
  const type = pick<unknown, ColumnType>(c.type, 'is');
  if (type) out.type = { is: type.value, severity: type.severity };
  const missing = pick<unknown, number>(c.max_missing, 'share');
  if (missing) out.maxMissing = { share: missing.value, severity: missing.severity };
  if (c.range) {
    const { min, max } = c.range;
    if (min !== undefined && max !== undefined && min > max)
      fail(`${at}.range`, `min ${min} is greater than max ${max}`);
    out.range = {
      severity: c.range.severity ?? DEFAULT,
      mostly: c.range.mostly ?? 1,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
  }
  const allowed = pick<unknown, (string | number | boolean)[]>(c.allowed, 'values');
  if (allowed)
    out.allowed = {
      ...allowedValues(allowed.value),
      severity: allowed.severity,
      mostly: allowed.mostly,
    };
  const pattern = pick<unknown, string>(c.pattern, 'regex');
  if (pattern) {
    let regex: RegExp;
    try {
      // Anchored: the whole value must match, as in Great Expectations' match_regex full mode.
      regex = new RegExp(`^(?:${pattern.value})$`, 'u');
    } catch (e) {
      return fail(
        `${at}.pattern`,
        `is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`,
      );
    }
    out.pattern = {
      regex,
      source: pattern.value,
      severity: pattern.severity,
      mostly: pattern.mostly,
    };
  }
  const unique = pick<unknown, boolean>(c.unique, 'enabled');
  if (unique?.value) out.unique = { severity: unique.severity };
  if (c.freshness) {
    const ms = parseDuration(c.freshness.max_age);
    if (!(ms > 0)) fail(`${at}.freshness.max_age`, 'must be a positive duration such as 30d');
    if (out.type && out.type.is !== 'timestamp')
      fail(`${at}.freshness`, `needs a timestamp column, but the type is ${out.type.is}`);
    out.freshness = {
      maxAgeMs: ms,
      text: c.freshness.max_age,
      severity: c.freshness.severity ?? DEFAULT,
    };
  }
  return out;
}

type Fail = (path: string, message: string) => never;

/** Checks what the schema cannot and resolves defaults; errors name `file` and the key path. */
export function normalizeContract(file: ContractFile, source: string): Contract {
  const fail: Fail = (path, message) => {
    throw new ModelciError('CONFIG', message, {
      file: source,
      path,
      hint: 'See schema/contract.schema.json for the format',
    });
  };
  const columns = Object.entries(file.columns).map(([name, c]) => column(name, c, fail));
  const names = new Set(columns.map((c) => c.name));
  for (const key of ['id', 'label'] as const) {
    const v = file[key];
    if (v !== undefined && !names.has(v))
      fail(key, `names "${v}", which is not one of the contract's columns`);
  }
  if (file.rows?.min !== undefined && file.rows.max !== undefined && file.rows.min > file.rows.max)
    fail('rows', `min ${file.rows.min} is greater than max ${file.rows.max}`);
  const relations = (file.relations ?? []).map((r, i): Relation => {
    const p = pick<unknown, string>(r, 'check')!;
    const expr = parseRelation(p.value);
    if (!expr)
      return fail(
        `relations[${i}]`,
        `cannot read ${JSON.stringify(p.value)} as a comparison (write it as \`a <= b\`)`,
      );
    for (const side of [expr.left, expr.right])
      if (typeof side === 'string' && !names.has(side))
        fail(`relations[${i}]`, `names "${side}", which is not one of the contract's columns`);
    return { ...expr, text: p.value, severity: p.severity };
  });
  if (file.id) {
    // The id column is unique by definition; declaring it is enough.
    const id = columns.find((c) => c.name === file.id)!;
    id.unique ??= { severity: DEFAULT };
  }
  return {
    ...(file.model !== undefined ? { model: file.model } : {}),
    ...(file.rows
      ? {
          rows: {
            severity: file.rows.severity ?? DEFAULT,
            ...(file.rows.min !== undefined ? { min: file.rows.min } : {}),
            ...(file.rows.max !== undefined ? { max: file.rows.max } : {}),
          },
        }
      : {}),
    ...(file.id !== undefined ? { id: file.id } : {}),
    ...(file.label !== undefined ? { label: file.label } : {}),
    extraColumns: file.extra_columns ?? 'warning',
    columns,
    relations,
  };
}
