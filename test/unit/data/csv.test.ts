import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv, type CsvOptions } from '../../../src/data/csv.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

const dir = tempDir('modelci-csv-');
let n = 0;
function file(content: string | Buffer): string {
  const f = join(dir, `t${n++}.csv`);
  writeFileSync(f, content);
  return f;
}

async function rows(
  path: string,
  opts: CsvOptions = {},
  batchSize = 3,
): Promise<{ columns: string[]; rows: string[][] }> {
  const src = await openCsv(path, opts);
  const out: string[][] = [];
  let expectFirst = 1;
  for await (const b of src.batches(batchSize)) {
    expect(b.firstRow).toBe(expectFirst);
    expectFirst += b.length;
    for (let r = 0; r < b.length; r++) out.push(b.values.map((col) => col[r] as string));
  }
  return { columns: src.columns, rows: out };
}

// A small deterministic PRNG so the property test is reproducible.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function encodeField(v: string): string {
  return /[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v;
}

describe('openCsv', () => {
  it('parses RFC 4180: quotes, escaped quotes, quoted newlines and delimiters, CRLF, BOM', async () => {
    const f = file('\uFEFFa,b,c\r\n1,"x,y","he said ""hi"""\r\n2,"line1\nline2",\r\n');
    const { columns, rows: r } = await rows(f);
    expect(columns).toEqual(['a', 'b', 'c']);
    expect(r).toEqual([
      ['1', 'x,y', 'he said "hi"'],
      ['2', 'line1\nline2', ''],
    ]);
  });

  it('round-trips random tables across every chunk boundary', async () => {
    const rand = lcg(7);
    const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '漢', '😀', '1', '.', ''];
    for (let t = 0; t < 20; t++) {
      const width = 1 + Math.floor(rand() * 4);
      const header = Array.from({ length: width }, (_, i) => `c${i}`);
      const data = Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
        Array.from({ length: width }, () =>
          Array.from(
            { length: Math.floor(rand() * 6) },
            () => alphabet[Math.floor(rand() * alphabet.length)],
          ).join(''),
        ),
      );
      // A lone empty field would be a blank line, which is skipped: quote every field of 1-column tables.
      const text = [
        header.join(','),
        ...data.map((r) =>
          r.map((v) => (width === 1 ? `"${v.replace(/"/g, '""')}"` : encodeField(v))).join(','),
        ),
      ].join(rand() < 0.5 ? '\n' : '\r\n');
      const f = file(text + (rand() < 0.5 ? '\n' : ''));
      for (const chunkBytes of [1, 2, 3, 5, 64 * 1024]) {
        const got = await rows(f, { chunkBytes }, 2);
        expect(got.columns).toEqual(header);
        expect(got.rows).toEqual(data);
      }
    }
  });

  it('reports a ragged row with its line', async () => {
    const f = file('a,b\n1,2\n"x\ny",3\n4\n');
    const e = await errorOf(rows(f));
    expect(e.format()).toBe(
      `${f}: row 5: the row has 1 fields but the header has 2. Every row needs one value per column (quote values that contain the delimiter)`,
    );
  });

  it('reports invalid UTF-8 with line and column, or replaces and counts it', async () => {
    const f = file(
      Buffer.concat([
        Buffer.from('a,b\nok,fine\nx,'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('\n'),
      ]),
    );
    const e = await errorOf(rows(f));
    expect(e.where).toEqual({ file: f, row: 3, column: 'b' });
    expect(e.message).toBe('the text is not valid UTF-8');
    const src = await openCsv(f, { invalidUtf8: 'replace' });
    const got: string[] = [];
    for await (const b of src.batches()) got.push(...(b.values[1] as string[]));
    expect(got).toEqual(['fine', '\uFFFD\uFFFD']);
    expect(src.invalidUtf8Cells).toBe(1);
  });

  it('refuses empty files, duplicate columns and unclosed quotes; accepts a header-only file', async () => {
    expect((await errorOf(openCsv(file('')))).message).toMatch(/the file is empty/);
    expect((await errorOf(openCsv(file('a,b,a\n1,2,3\n')))).message).toBe(
      'column name "a" appears twice in the header (columns 1 and 3)',
    );
    const unclosed = await errorOf(rows(file('a,b\n1,"oops\n2,3\n')));
    expect(unclosed.message).toBe('a quoted field is never closed');
    expect(unclosed.where.row).toBe(2);
    expect(await rows(file('a,b\n'))).toEqual({ columns: ['a', 'b'], rows: [] });
    expect((await errorOf(openCsv(join(dir, 'missing.csv')))).message).toBe('file not found');
  });

  it('skips blank lines and accepts a missing final newline', async () => {
    expect((await rows(file('a\n1\n\n2'))).rows).toEqual([['1'], ['2']]);
  });
});

describe('CsvSource.scan', () => {
  it('parses numbers exactly as Number() does, including awkward ones', async () => {
    const rand = lcg(42);
    const values: string[] = [
      '0',
      '-0',
      '1e-300',
      '2.2250738585072014e-308',
      '123456789012345678',
      '0.1',
      '-3.14',
      '1E5',
      '+7',
      '9007199254740993',
      '0.30000000000000004',
      '5e-324',
      '1.7976931348623157e308',
      '.5',
      '5.',
    ];
    for (let i = 0; i < 2000; i++) {
      const x = (rand() - 0.5) * 10 ** Math.floor(rand() * 20 - 10);
      values.push(rand() < 0.5 ? String(x) : x.toFixed(Math.floor(rand() * 8)));
    }
    const f = file('x\n' + values.join('\n') + '\n');
    const src = await openCsv(f);
    const got: number[] = [];
    for await (const b of src.scan({ numeric: ['x'], batchSize: 333 })) got.push(...b.numeric[0]!);
    expect(got.length).toBe(values.length);
    values.forEach((v, i) =>
      expect(Object.is(got[i], Number(v)) || got[i] === Number(v)).toBe(true),
    );
  });

  it('reads missing values as NaN, errors on text with line and column, or counts it', async () => {
    const f = file('id,x,label\n1,1.5,a\n2,,b\n3,NA,c\n4,oops,d\n');
    const e = await errorOf(
      (async () => {
        for await (const _ of (await openCsv(f)).scan({ numeric: ['x'] })) void _;
      })(),
    );
    expect(e.format()).toBe(
      `${f}: row 5, column "x": "oops" is not a number. Fix the value, or leave the cell empty for a missing value`,
    );
    const batches = [];
    for await (const b of (await openCsv(f)).scan({
      numeric: ['x', 'id'],
      strings: ['label'],
      onInvalidNumber: 'nan',
    }))
      batches.push(b);
    expect(batches).toHaveLength(1);
    const b = batches[0]!;
    expect(Array.from(b.numeric[0]!)).toEqual([1.5, NaN, NaN, NaN]);
    expect(Array.from(b.numeric[1]!)).toEqual([1, 2, 3, 4]);
    expect(b.strings[0]).toEqual(['a', 'b', 'c', 'd']);
    expect(b.invalid).toEqual([1, 0]);
    expect(Array.from(b.lines)).toEqual([2, 3, 4, 5]);
  });

  it('names the missing column and lists the real ones', async () => {
    const f = file('a,b\n1,2\n');
    const e = await errorOf(
      (async () => {
        for await (const _ of (await openCsv(f)).scan({ numeric: ['c'] })) void _;
      })(),
    );
    expect(e.message).toBe('no column "c"');
    expect(e.hint).toBe('Columns are: a, b');
  });
});

describe('scan: repeated text cells', () => {
  it('returns the right string for every cell of a repetitive column, counts each invalid cell', async () => {
    // Labels that share prefixes, lengths and bytes in different orders (hash neighbours), quoted
    // and escaped ones, a long one (not interned), and invalid UTF-8 three times.
    const labels = [
      'ab',
      'ba',
      'abc',
      'acb',
      'a',
      '"q""uoted"',
      '"plain quoted"',
      'x'.repeat(60),
      'é',
      'e',
    ];
    const expected = [
      'ab',
      'ba',
      'abc',
      'acb',
      'a',
      'q"uoted',
      'plain quoted',
      'x'.repeat(60),
      'é',
      'e',
    ];
    const lines: Buffer[] = [Buffer.from('id,label\n')];
    const want: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const k = (i * 7) % labels.length;
      lines.push(Buffer.from(`${i},${labels[k]}\n`));
      want.push(expected[k]!);
      if (i % 1000 === 999) {
        lines.push(
          Buffer.concat([Buffer.from(`${i},bad`), Buffer.from([0xff]), Buffer.from('\n')]),
        );
        want.push('bad\uFFFD');
      }
    }
    const src = await openCsv(file(Buffer.concat(lines)), { invalidUtf8: 'replace' });
    const got: string[] = [];
    for await (const b of src.scan({ numeric: ['id'], strings: ['label'], batchSize: 500 }))
      got.push(...b.strings[0]!);
    expect(got).toEqual(want);
    expect(src.invalidUtf8Cells).toBe(3);
  });
});
