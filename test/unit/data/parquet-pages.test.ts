import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../src/data/open-table.js';
import { scanTable } from '../../../src/data/scan.js';
import { tempDir } from '../../harness/temp.js';

// Numeric Parquet columns are decoded page by page into each batch. Small pages (4 KiB), row
// groups of 4,000 rows and batches of 999 rows make every boundary fall somewhere else: a batch
// takes the end of one page and the start of the next, and never crosses a row group.
const ROWS = 10_007;
const x = Array.from({ length: ROWS }, (_, i) => (i % 97 === 5 ? null : Math.sin(i) * 1000));
const k = Array.from({ length: ROWS }, (_, i) => (i * 7919) % 65_521);
const f = Array.from({ length: ROWS }, (_, i) => Math.fround(i / 8));
const name = Array.from({ length: ROWS }, (_, i) => `row ${i}`);

describe('Parquet numeric columns, page by page', () => {
  const file = join(tempDir('modelci-parquet-pages-'), 'pages.parquet');
  beforeAll(async () => {
    await parquetWriteFile({
      filename: file,
      columnData: [
        { name: 'x', data: x, type: 'DOUBLE' },
        { name: 'k', data: k, type: 'INT32' },
        { name: 'f', data: f, type: 'FLOAT' },
        { name: 'name', data: name, type: 'STRING' },
      ],
      rowGroupSize: 4000,
      pageSize: 4096,
    });
  });

  it('gives every value in order, nulls as NaN, across pages, batches and row groups', async () => {
    const source = await openTable(file);
    const got = { x: [] as number[], k: [] as number[], f: [] as number[], name: [] as string[] };
    const firstRows: number[] = [];
    for await (const b of scanTable(source, {
      numeric: ['x', 'k', 'f'],
      strings: ['name'],
      batchSize: 999,
    })) {
      firstRows.push(b.firstRow);
      got.x.push(...b.numeric[0]!);
      got.k.push(...b.numeric[1]!);
      got.f.push(...b.numeric[2]!);
      got.name.push(...b.strings[0]!);
    }
    expect(got.x).toEqual(x.map((v) => (v === null ? NaN : v)));
    expect(got.k).toEqual(k);
    expect(got.f).toEqual(f);
    expect(got.name).toEqual(name);
    // batches restart at each row group (rows 1, 4001, 8001)
    expect(firstRows).toContain(4001);
    expect(firstRows).toContain(8001);
    expect(firstRows.length).toBe(2 * Math.ceil(4000 / 999) + Math.ceil(2007 / 999));
    // and each row group's column chunk holds several pages
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(file));
    const chunk = meta.row_groups[0]!.columns[0]!.meta_data!;
    expect(Number(chunk.total_uncompressed_size)).toBeGreaterThan(4 * 4096);
  });
});
