import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContract } from '../../../src/config/contract-file.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('modelci-contract-file-');
});

function contractError(text: string, name = 'c.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return errorOf(() => readContract(file)).format();
}

const HEAD = 'version: 1\ncolumns:\n';

describe('a malformed contract names the file and the key path', () => {
  const cases: [string, string, RegExp][] = [
    ['not a mapping', '- a\n- b\n', /c\.yaml: a contract is a mapping with version and columns/],
    ['no columns', 'version: 1\n', /c\.yaml: missing required key "columns"/],
    ['wrong version', 'version: 2\ncolumns: {}\n', /c\.yaml: version: must be 1 \(got 2\)/],
    [
      'misspelled key, with a suggestion',
      `${HEAD}  age:\n    rnage: { min: 0 }\n`,
      /c\.yaml: columns\.age: unknown key "rnage"\. Did you mean "range"\?/,
    ],
    [
      'unknown type',
      `${HEAD}  age:\n    type: numbr\n`,
      /columns\.age\.type: must be one of "number", "integer", "boolean", "string", "timestamp" \(got "numbr"\)/,
    ],
    [
      'share above 1, short form',
      `${HEAD}  age:\n    max_missing: 1.5\n`,
      /columns\.age\.max_missing: must be <= 1 \(got 1\.5\)/,
    ],
    [
      'share above 1, long form',
      `${HEAD}  age:\n    max_missing: { share: 2, severity: warning }\n`,
      /columns\.age\.max_missing\.share: must be <= 1 \(got 2\)/,
    ],
    [
      'neither form',
      `${HEAD}  age:\n    max_missing: lots\n`,
      /columns\.age\.max_missing: must be a number or a mapping \(got "lots"\)/,
    ],
    [
      'bad severity',
      `${HEAD}  age:\n    range: { min: 0, severity: fatal }\n`,
      /columns\.age\.range\.severity: must be one of "error", "warning" \(got "fatal"\)/,
    ],
    [
      'text bound',
      `${HEAD}  age:\n    range: { min: zero }\n`,
      /columns\.age\.range\.min: must be a number \(got "zero"\)/,
    ],
    [
      'min above max',
      `${HEAD}  age:\n    range: { min: 9, max: 1 }\n`,
      /columns\.age\.range: min 9 is greater than max 1/,
    ],
    [
      'bad regular expression',
      `${HEAD}  code:\n    pattern: '[A-Z'\n`,
      /columns\.code\.pattern: is not a valid regular expression/,
    ],
    [
      'bad duration',
      `${HEAD}  at:\n    type: timestamp\n    freshness: { max_age: 1 month }\n`,
      /columns\.at\.freshness\.max_age: must match/,
    ],
    [
      'freshness of a number',
      `${HEAD}  at:\n    type: number\n    freshness: { max_age: 7d }\n`,
      /columns\.at\.freshness: needs a timestamp column, but the type is number/,
    ],
    [
      'relation that is not a comparison',
      `${HEAD}  a: {}\n  b: {}\nrelations: [a plus b]\n`,
      /relations\[0\]: cannot read "a plus b" as a comparison/,
    ],
    [
      'relation on an unknown column',
      `${HEAD}  a: {}\nrelations: ['a <= b']\n`,
      /relations\[0\]: names "b", which is not one of the contract's columns/,
    ],
    ['id that is not a column', `${HEAD}  a: {}\nid: user_id\n`, /c\.yaml: id: names "user_id"/],
    ['YAML syntax', `${HEAD}  a: {\n`, /c\.yaml: row \d+, column \d+: invalid YAML/],
  ];
  for (const [what, text, expected] of cases)
    it(what, () => {
      const message = contractError(text);
      expect(message).toMatch(expected);
      expect(message).not.toContain('\n');
    });

  it('a missing file says so', () => {
    expect(errorOf(() => readContract(join(dir, 'nope.yaml'))).format()).toMatch(
      /nope\.yaml: file not found/,
    );
  });
});

describe('a valid contract', () => {
  it('resolves short and long forms, default severities and the id', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(
      file,
      `version: 1
id: user_id
label: churned
extra_columns: ignore
rows: { min: 10 }
columns:
  user_id: { type: integer }
  churned: { type: { is: integer, severity: warning }, allowed: [0, 1] }
  plan: { allowed: { values: [free, pro, '1.0', 'True'], severity: warning }, pattern: '[a-z]+' }
  start: { type: timestamp, freshness: { max_age: 2w } }
  end: { type: timestamp, required: false }
relations:
  - start <= end
  - { check: '\`user_id\` > 0', severity: warning }
`,
    );
    const { contract } = readContract(file);
    expect(contract.extraColumns).toBe('ignore');
    expect(contract.rows).toEqual({ min: 10, severity: 'error' });
    const [id, churned, plan, start, end] = contract.columns;
    expect(id!.unique).toEqual({ severity: 'error' });
    expect(churned!.type).toEqual({ is: 'integer', severity: 'warning' });
    expect(churned!.allowed!.severity).toBe('error');
    expect([...churned!.allowed!.numbers]).toEqual([0, 1]);
    // YAML strings that read as numbers or booleans match CSV cells as such.
    expect([...plan!.allowed!.texts]).toEqual(['free', 'pro']);
    expect([...plan!.allowed!.numbers]).toEqual([1]);
    expect([...plan!.allowed!.booleans]).toEqual([true]);
    expect(plan!.pattern!.regex.test('pro')).toBe(true);
    expect(plan!.pattern!.regex.test('pro2')).toBe(false); // anchored: the whole value
    expect(start!.freshness).toMatchObject({ maxAgeMs: 14 * 86_400_000, severity: 'error' });
    expect(end!.required).toBe(false);
    expect(contract.relations).toMatchObject([
      { left: 'start', op: '<=', right: 'end', severity: 'error' },
      { left: 'user_id', op: '>', right: 0, severity: 'warning' },
    ]);
  });
});
