import type { Cell } from '../profile/column-profile.js';
import {
  FALSE_TOKENS,
  looksNumeric,
  MISSING_TOKENS,
  TRUE_TOKENS,
} from '../profile/column-profile.js';
import { parseTimestamp } from '../profile/timestamp.js';
import type { ColumnContract } from './contract.js';
import { HashRowSet, Hasher64 } from './hash-set.js';
import { percent } from './percent.js';
import type { ColumnValues } from './table-batch.js';
import {
  MAX_EXAMPLES,
  Offences,
  share,
  type Violation,
  type ViolationExample,
} from './violation.js';

/** Distinct text values whose verdict is remembered per column (categories repeat; free text does not). */
const VERDICT_CACHE = 10_000;
/** Distinct values not in the allowed set that are counted one by one. */
const MAX_UNEXPECTED = 100;

// What a text cell is, and which of its value-determined checks it fails (bit flags).
const IS_NUMBER = 1;
const IS_MISSING = 2;
const IS_TRUE = 4;
const IS_FALSE = 8;
const TYPE_BAD = 16;
const NOT_ALLOWED = 32;
const PATTERN_BAD = 64;

const TYPE_WORDS: Record<string, string> = {
  number: 'numbers',
  integer: 'whole numbers',
  boolean: 'true/false',
  timestamp: 'ISO 8601 timestamps',
};

const INFINITIES: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  Infinity: Infinity,
  '-inf': -Infinity,
  '-Infinity': -Infinity,
};

/**
 * One column's expectations checked in one streaming pass: counts and the first rows of every kind
 * of violation; memory is a few counters, a bounded verdict cache, and (for `unique`) one hash per
 * distinct value. Cells mean what the profile reads them as (column-profile.ts): "1.5" is a number,
 * "NA" missing, "true" a boolean.
 */
export class ColumnCheck {
  rows = 0;
  readonly missing = new Offences();
  private readonly typeBad = new Offences();
  private readonly outside = new Offences();
  private readonly notAllowed = new Offences();
  private readonly unexpected = new Map<string, number>();
  private readonly patternBad = new Offences();
  private readonly duplicates = new Offences();
  private readonly seen: HashRowSet | undefined;
  private readonly hasher = new Hasher64();
  private readonly verdicts = new Map<string, number>();
  /** Non-missing timestamps, the newest of them and where it is (freshness). */
  private timestamps = 0;
  private newest = -Infinity;
  private newestAt: ViolationExample | undefined;
  min = Infinity;
  max = -Infinity;

  /**
   * @param against what the expectations come from, for messages: the team's contract, or the
   *   training data (train/serve skew)
   */
  constructor(
    readonly contract: ColumnContract,
    private readonly against: 'contract' | 'training' = 'contract',
  ) {
    if (contract.unique) this.seen = new HashRowSet();
  }

  /** Rows where the column is absent (a JSON line without the key). */
  absent(n: number, firstRow: number): void {
    this.rows += n;
    let i = 0;
    for (; i < n && this.missing.examples.length < MAX_EXAMPLES; i++)
      this.missing.add(firstRow + i);
    this.missing.count += n - i;
  }

  add(values: ColumnValues, length: number, firstRow: number): void {
    if (values.numbers) this.addNumbers(values.numbers, firstRow, values.invalid);
    else if (values.cells) this.addCells(values.cells, firstRow);
    else this.absent(length, firstRow);
  }

  /** Numbers parsed by the CSV scanner: NaN is missing, except the `invalid` text cells among them. */
  addNumbers(xs: Float64Array, firstRow: number, invalid?: ColumnValues['invalid']): void {
    this.rows += xs.length;
    // With text cells beyond the examples kept, a NaN row may be one of them: take no examples here.
    const exact = !invalid || invalid.count <= invalid.examples.length;
    const textRows = new Set(invalid?.examples.map((e) => e.row));
    let nan = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (x !== x) {
        nan++;
        const row = firstRow + i;
        if (exact && !textRows.has(row) && this.missing.examples.length < MAX_EXAMPLES)
          this.missing.examples.push({ row });
        continue;
      }
      this.number(x, firstRow + i, undefined);
    }
    const texts = invalid?.count ?? 0;
    this.missing.count += nan - texts;
    if (texts)
      this.typeBad.addCounted(
        texts,
        invalid!.examples.map((e) => ({ row: e.row, value: e.text })),
      );
  }

  addCells(cells: readonly Cell[], firstRow: number): void {
    this.rows += cells.length;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      const row = firstRow + i;
      if (v === null || v === undefined) this.missing.add(row);
      else if (typeof v === 'number') {
        if (v !== v) this.missing.add(row);
        else this.number(v, row, undefined);
      } else if (typeof v === 'boolean') this.boolean(v, row, undefined);
      else this.text(v, row);
    }
  }

  private number(x: number, row: number, raw: string | undefined): void {
    const c = this.contract;
    const type = c.type?.is;
    if (
      type === 'boolean' ||
      type === 'timestamp' ||
      (type === 'integer' && !Number.isInteger(x))
    ) {
      this.typeBad.add(row, raw ?? x);
      return;
    }
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    const range = c.range;
    if (
      range &&
      ((range.min !== undefined && x < range.min) || (range.max !== undefined && x > range.max))
    )
      this.outside.add(row, raw ?? x);
    if (c.allowed && !c.allowed.numbers.has(x)) this.disallowed(row, raw ?? String(x));
    if (c.pattern && !c.pattern.regex.test(raw ?? String(x))) this.patternBad.add(row, raw ?? x);
    if (this.seen) this.unique(this.hasher.reset().number(x), row, raw ?? x);
  }

  private boolean(b: boolean, row: number, raw: string | undefined): void {
    const c = this.contract;
    const type = c.type?.is;
    if (type && type !== 'boolean' && type !== 'string') {
      this.typeBad.add(row, raw ?? b);
      return;
    }
    const text = raw ?? String(b);
    if (c.allowed && !c.allowed.booleans.has(b)) this.disallowed(row, text);
    if (c.pattern && !c.pattern.regex.test(text)) this.patternBad.add(row, text);
    if (this.seen) this.unique(this.hasher.reset().boolean(b), row, text);
  }

  private text(s: string, row: number): void {
    let code = this.verdicts.get(s);
    if (code === undefined) {
      code = this.classify(s);
      if (code !== IS_NUMBER && this.verdicts.size < VERDICT_CACHE) this.verdicts.set(s, code);
    }
    if (code === IS_NUMBER) return this.number(numberOf(s), row, s);
    if (code === IS_MISSING) return this.missing.add(row);
    if (code === IS_TRUE || code === IS_FALSE) return this.boolean(code === IS_TRUE, row, s);
    if (code & TYPE_BAD) return this.typeBad.add(row, s);
    if (code & NOT_ALLOWED) this.disallowed(row, s);
    if (code & PATTERN_BAD) this.patternBad.add(row, s);
    if (this.seen) this.unique(this.hasher.reset().text(s), row, s);
    if (this.contract.type?.is === 'timestamp') {
      const t = parseTimestamp(s);
      this.timestamps++;
      if (t > this.newest) {
        this.newest = t;
        this.newestAt = { row, value: s };
      }
    }
  }

  /** The value-determined verdict of a text cell (cached per distinct text). */
  private classify(s: string): number {
    if (numberOf(s) === numberOf(s)) return IS_NUMBER;
    if (s.length < 5 && MISSING_TOKENS.has(s.toLowerCase())) return IS_MISSING;
    if (TRUE_TOKENS.has(s)) return IS_TRUE;
    if (FALSE_TOKENS.has(s)) return IS_FALSE;
    const c = this.contract;
    const type = c.type?.is;
    if (
      type === 'number' ||
      type === 'integer' ||
      type === 'boolean' ||
      (type === 'timestamp' && Number.isNaN(parseTimestamp(s)))
    )
      return TYPE_BAD;
    let code = 0;
    if (c.allowed && !c.allowed.texts.has(s)) code |= NOT_ALLOWED;
    if (c.pattern && !c.pattern.regex.test(s)) code |= PATTERN_BAD;
    return code;
  }

  private disallowed(row: number, text: string): void {
    this.notAllowed.add(row, text);
    const n = this.unexpected.get(text);
    if (n !== undefined) this.unexpected.set(text, n + 1);
    else if (this.unexpected.size < MAX_UNEXPECTED) this.unexpected.set(text, 1);
  }

  private unique(h: Hasher64, row: number, value: string | number | boolean): void {
    h.done();
    const first = this.seen!.addOrFirst(h.a, h.b, row);
    if (first) this.duplicates.add(row, value, first);
  }

  /** What this column broke, given the data set's name, row count and the time of the check. */
  violations(dataset: string, rows: number, now: number): Violation[] {
    const c = this.contract;
    const out: Violation[] = [];
    const push = (
      check: Violation['check'],
      severity: Violation['severity'],
      o: Offences,
      message: string,
      extra: Partial<Violation> = {},
    ): void => {
      out.push({
        dataset,
        check,
        column: c.name,
        severity,
        count: o.count,
        share: share(o.count, rows),
        message,
        examples: o.examples,
        ...extra,
      });
    };
    if (this.typeBad.count && c.type)
      push(
        'type',
        c.type.severity,
        this.typeBad,
        `${plural(this.typeBad.count, 'value')} ${this.typeBad.count === 1 ? 'is' : 'are'} not ${TYPE_WORDS[c.type.is]} (the ${this.against === 'contract' ? "contract's type" : 'type in the training data'} is ${c.type.is})`,
      );
    if (c.maxMissing && share(this.missing.count, rows) > c.maxMissing.share)
      push(
        'missing',
        c.maxMissing.severity,
        this.missing,
        `${plural(this.missing.count, 'missing value')} (${percent(share(this.missing.count, rows))} of rows); ${c.maxMissing.share === 0 ? 'none is' : `at most ${percent(c.maxMissing.share)} is`} allowed`,
      );
    // `mostly`: met when enough of the non-missing values meet it; said in the message when used.
    const values = rows - this.missing.count;
    const tolerated = (o: Offences, e: { mostly: number }): boolean =>
      o.count === 0 || o.count <= (1 - e.mostly) * values + 1e-9;
    const beyond = (o: Offences, e: { mostly: number }): string =>
      e.mostly < 1
        ? ` — ${percent(share(o.count, values))} of the values, more than the ${percent(1 - e.mostly)} tolerated`
        : '';
    if (c.range && !tolerated(this.outside, c.range))
      push(
        'range',
        c.range.severity,
        this.outside,
        `${plural(this.outside.count, 'value')} outside ${this.against === 'contract' ? '' : 'the training range '}${rangeText(c.range.min, c.range.max)} (found ${short(this.min)} .. ${short(this.max)})${beyond(this.outside, c.range)}`,
      );
    if (c.allowed && !tolerated(this.notAllowed, c.allowed)) {
      const found = [...this.unexpected]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([value, count]) => ({ value, count }));
      const shown = found
        .slice(0, 3)
        .map((v) => `${JSON.stringify(v.value)} (${v.count})`)
        .join(', ');
      push(
        'allowed',
        c.allowed.severity,
        this.notAllowed,
        `${plural(this.notAllowed.count, 'value')} not in the ${c.allowed.values.length} ${this.against === 'contract' ? 'allowed' : 'seen in training'}: ${shown}${found.length > 3 ? ', ...' : ''}${beyond(this.notAllowed, c.allowed)}`,
        { values: found },
      );
    }
    if (c.pattern && !tolerated(this.patternBad, c.pattern))
      push(
        'pattern',
        c.pattern.severity,
        this.patternBad,
        `${plural(this.patternBad.count, 'value')} ${this.patternBad.count === 1 ? 'does' : 'do'} not match /${c.pattern.source}/${beyond(this.patternBad, c.pattern)}`,
      );
    if (this.duplicates.count && c.unique)
      push(
        'unique',
        c.unique.severity,
        this.duplicates,
        `${plural(this.duplicates.count, 'row')} repeat${this.duplicates.count === 1 ? 's' : ''} a value of this unique column`,
      );
    if (c.freshness && this.newestAt && now - this.newest > c.freshness.maxAgeMs) {
      const stale = new Offences();
      stale.addCounted(this.timestamps, [this.newestAt]);
      push(
        'freshness',
        c.freshness.severity,
        stale,
        `the newest value, ${JSON.stringify(this.newestAt.value)} (row ${this.newestAt.row}), is ${age(now - this.newest)} old; at most ${c.freshness.text} is allowed`,
      );
    }
    return out;
  }
}

/** A found extreme at six significant digits (JSON floats print as 10.863999999999999). */
function short(x: number): number {
  return Number(x.toPrecision(6));
}

function numberOf(s: string): number {
  const x = looksNumeric(s);
  return x === x ? x : (INFINITIES[s] ?? Number.NaN);
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min === undefined) return `<= ${max}`;
  if (max === undefined) return `>= ${min}`;
  return `[${min}, ${max}]`;
}

function age(ms: number): string {
  const days = ms / 86_400_000;
  if (days >= 2) return `${Math.floor(days)} days`;
  const hours = ms / 3_600_000;
  if (hours >= 2) return `${Math.floor(hours)} hours`;
  return `${Math.max(0, Math.floor(ms / 60_000))} minutes`;
}
