import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEvaluate } from '../../../src/commands/evaluate.js';
import { openTable } from '../../../src/data/open-table.js';
import { scanTable } from '../../../src/data/scan.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

// evaluate reads the formats drift reads. The same holdout as CSV, as JSON Lines written by
// pandas (`DataFrame.to_json(orient='records', lines=True)`) and as Parquet written by
// hyparquet-writer in row groups of 100 (so batches of 64 cross row-group and page boundaries)
// must give the same report, and the same scikit-learn-checked values.
const FIX = 'test/fixtures/onnx';
const DATA = 'test/fixtures/data';
const ref = JSON.parse(readFileSync(`${FIX}/reference.json`, 'utf8'));
const dir = tempDir('modelci-evaluate-formats-');

function csvColumns(file: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return { header: head!.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}

async function toParquet(csv: string, out: string, edit?: (rows: (number | null)[][]) => void) {
  const { header, rows } = csvColumns(csv);
  const cells: (number | null)[][] = rows;
  edit?.(cells);
  await parquetWriteFile({
    filename: out,
    columnData: header.map((name, c) => ({
      name,
      data: cells.map((r) => r[c]!),
      type: 'DOUBLE' as const,
      nullable: true,
    })),
    rowGroupSize: 100,
  });
  return out;
}

function pandasJsonl(csv: string, out: string): string {
  const py = [
    'import sys, pandas as pd',
    'pd.read_csv(sys.argv[1]).to_json(sys.argv[2], orient="records", lines=True)',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', py, csv, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pandas failed: ${r.stderr}`);
  return out;
}

const strip = (report: Awaited<ReturnType<typeof runEvaluate>>['report']) => ({
  metrics: report.metrics,
  baseline: report.baseline_metrics,
  comparison: report.comparison,
  rows: report.dataset.rows,
});

describe('evaluate on CSV, JSON Lines and Parquet', () => {
  const bc = `${DATA}/breast_cancer.csv`;
  let bcJsonl: string;
  let bcParquet: string;
  beforeAll(async () => {
    bcJsonl = pandasJsonl(bc, join(dir, 'bc.jsonl'));
    bcParquet = await toParquet(bc, join(dir, 'bc.parquet'));
  });

  const evaluate = (data: string, extra: Partial<Parameters<typeof runEvaluate>[0]> = {}) =>
    runEvaluate({
      model: `${FIX}/bc_logreg_zipmap.onnx`,
      baseline: `${FIX}/bc_logreg_c001.onnx`,
      data,
      label: 'malignant',
      bootstrap: { resamples: 200, seed: 3 },
      batchSize: 64,
      latencyRequests: 0,
      ...extra,
    });

  it('gives the same report for the same rows in each format, intervals included', async () => {
    const fromCsv = strip((await evaluate(bc)).report);
    expect(fromCsv.rows).toBe(569);
    const want = ref['bc_logreg_zipmap.onnx'].metrics;
    expect(fromCsv.metrics.accuracy!.value).toBe(want.accuracy);
    expect(fromCsv.metrics.roc_auc!.value).toBeCloseTo(want.roc_auc, 6);
    expect(strip((await evaluate(bcJsonl)).report)).toEqual(fromCsv);
    expect(strip((await evaluate(bcParquet)).report)).toEqual(fromCsv);
  });

  it('multiclass with integer labels from Parquet agrees with scikit-learn', async () => {
    const wine = await toParquet(`${DATA}/wine.csv`, join(dir, 'wine.parquet'));
    const { report } = await runEvaluate({
      model: `${FIX}/wine_forest_zipmap.onnx`,
      data: wine,
      label: 'cultivar',
      bootstrap: { resamples: 0 },
      latencyRequests: 0,
    });
    const want = ref['wine_forest_zipmap.onnx'].metrics;
    expect(report.metrics.accuracy!.value).toBe(want.accuracy);
    expect(report.metrics.f1_macro!.value).toBeCloseTo(want.f1_macro, 12);
  });

  it('a null in a Parquet feature names its row and column; --drop-invalid drops and counts it', async () => {
    const header = csvColumns(bc).header;
    const col = header.indexOf('mean_radius');
    const holed = await toParquet(bc, join(dir, 'holed.parquet'), (rows) => {
      rows[149]![col] = null; // data row 150, in the second row group
    });
    const e = await errorOf(evaluate(holed));
    expect(e.format()).toMatch(/holed\.parquet/);
    expect(e.format()).toMatch(/row 150/);
    expect(e.format()).toMatch(/column "?mean_radius"?/);
    const { report, warnings } = await evaluate(holed, { dropInvalid: true });
    expect(report.dataset).toMatchObject({ rows: 568, dropped_rows: 1 });
    expect(warnings.join('\n')).toMatch(/dropped 1 of 569 rows/);
  });

  it('text in a numeric JSON Lines field is an error naming row and column', async () => {
    const lines = readFileSync(bcJsonl, 'utf8').trim().split('\n');
    const row = JSON.parse(lines[9]!) as Record<string, unknown>;
    row['mean_texture'] = 'n.a.';
    lines[9] = JSON.stringify(row);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, lines.join('\n') + '\n');
    const e = await errorOf(evaluate(bad));
    expect(e.format()).toMatch(/"n\.a\." is not a number/);
    expect(e.format()).toMatch(/row 10/);
    expect(e.format()).toMatch(/mean_texture/);
    // null and a missing key are missing values, like an empty CSV cell.
    delete row['mean_texture'];
    lines[9] = JSON.stringify(row);
    writeFileSync(bad, lines.join('\n') + '\n');
    const { report } = await evaluate(bad, { dropInvalid: true });
    expect(report.dataset).toMatchObject({ rows: 568, dropped_rows: 1 });
  });
});

describe('a Parquet file written by parquet-cpp (pyarrow), as pandas ships it in its tests', () => {
  // pandas/tests/io/data/parquet/simple.parquet: A INT64 OPTIONAL and B UTF8 OPTIONAL, dictionary
  // encoded, version 1 data pages, snappy; the layout pandas.to_parquet writes by default.
  it('reads dictionary-encoded INT64 as numbers and UTF8 as text', async () => {
    const source = await openTable(`${DATA}/parquet-cpp-simple.parquet`);
    const got: { a: number[]; b: string[] } = { a: [], b: [] };
    for await (const b of scanTable(source, { numeric: ['A'], strings: ['B'] })) {
      got.a.push(...b.numeric[0]!);
      got.b.push(...b.strings[0]!);
    }
    expect(got).toEqual({ a: [1, 2, 3], b: ['foo', 'foo', 'foo'] });
  });
});
