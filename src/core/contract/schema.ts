import type { FromSchema } from 'json-schema-to-ts';

// The data contract file (`registry/<model>/contract.yaml`): what valid data looks like, inferred
// from a reference profile (`modelci contract infer`) and edited by the team. Every expectation is
// either its short form or a mapping that also says its severity (error fails the validation,
// warning is reported); `schema/contract.schema.json` is generated from this.

const severity = {
  enum: ['error', 'warning'],
  description: 'error: the validation fails; warning: reported only.',
} as const;

export const COLUMN_TYPES = ['number', 'integer', 'boolean', 'string', 'timestamp'] as const;
const columnType = {
  enum: COLUMN_TYPES,
  description:
    'number, integer (whole numbers), boolean (true/false), string, or timestamp (ISO 8601).',
} as const;

const scalar = { type: ['string', 'number', 'boolean'] } as const;

const mostly = {
  type: 'number',
  minimum: 0,
  maximum: 1,
  description:
    "Share of the non-missing values that must meet the expectation (Great Expectations' mostly); default 1, every value.",
} as const;

/**
 * `short` or `{ <key>: short, severity }`; expectations on each value also take `mostly`
 * (`perValue`).
 */
function withSeverity<const S extends object, const K extends string, const E extends object>(
  key: K,
  short: S,
  description: string,
  extra: E,
) {
  return {
    description,
    anyOf: [
      short,
      {
        type: 'object',
        additionalProperties: false,
        required: [key],
        properties: { [key]: short, severity, ...extra },
      },
    ],
  } as const;
}

const perValue = <const S extends object, const K extends string>(
  key: K,
  short: S,
  description: string,
) => withSeverity(key, short, description, { mostly });

const columnSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    description: { type: 'string', description: 'What the column holds, for people.' },
    type: withSeverity('is', columnType, 'The type of every non-missing value.', {}),
    required: {
      type: 'boolean',
      description: 'false: the column may be absent from the data (default true).',
    },
    max_missing: withSeverity(
      'share',
      { type: 'number', minimum: 0, maximum: 1 },
      'Largest share of rows (0..1) that may miss a value; 0 means no missing values.',
      {},
    ),
    range: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: 'Smallest and/or largest allowed value (numbers).',
      properties: { min: { type: 'number' }, max: { type: 'number' }, severity, mostly },
    },
    allowed: perValue(
      'values',
      { type: 'array', items: scalar, minItems: 1 },
      'The values the column may hold (categories); anything else is a violation.',
    ),
    pattern: perValue(
      'regex',
      { type: 'string', minLength: 1 },
      'A regular expression (JavaScript syntax) every text value must match in full.',
    ),
    unique: withSeverity(
      'enabled',
      { type: 'boolean' },
      'true: no value may appear twice (an id column).',
      {},
    ),
    freshness: {
      type: 'object',
      additionalProperties: false,
      required: ['max_age'],
      description: 'The newest timestamp must be at most this old when the data is validated.',
      properties: {
        max_age: {
          type: 'string',
          pattern: '^\\d+(\\.\\d+)?\\s*[smhdw]$',
          description: 'A duration: 45s, 90m, 12h, 30d or 2w.',
        },
        severity,
      },
    },
  },
} as const;

export const contractSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://modelci.dev/schema/contract.schema.json',
  title: 'modelci data contract',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'columns'],
  properties: {
    version: { const: 1, description: 'Format version of this file; 1.' },
    model: { type: 'string', description: 'The model this contract is for.' },
    description: { type: 'string' },
    inferred_from: {
      type: 'object',
      additionalProperties: false,
      description: 'What the contract was inferred from (for people; not checked).',
      properties: { data: { type: 'string' }, rows: { type: 'integer', minimum: 0 } },
    },
    rows: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: 'The band the row count of a data set must fall in.',
      properties: {
        min: { type: 'integer', minimum: 0 },
        max: { type: 'integer', minimum: 0 },
        severity,
      },
    },
    id: {
      type: 'string',
      minLength: 1,
      description:
        'The id column: its values must be unique, and training and holdout must not share one.',
    },
    label: {
      type: 'string',
      minLength: 1,
      description: 'The label column: features are checked for leaking it.',
    },
    extra_columns: {
      enum: ['error', 'warning', 'ignore'],
      description: 'What a column the contract does not list is (default warning).',
    },
    columns: {
      type: 'object',
      description: 'Per column, what its values must be.',
      additionalProperties: columnSchema,
    },
    relations: {
      type: 'array',
      description:
        'Row-wise comparisons between columns (numbers or timestamps), e.g. `start <= end` or `discount < price`.',
      items: withSeverity('check', { type: 'string', minLength: 1 }, 'A comparison: a <= b.', {}),
    },
  },
} as const;

/** A contract file as written (after its schema check). */
export type ContractFile = FromSchema<typeof contractSchema>;
export type ColumnContractFile = FromSchema<typeof columnSchema>;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type Severity = 'error' | 'warning';
