import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { runDrift, type RunDriftOptions } from '../../../src/commands/drift.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';
import { profileFile } from '../../../src/data/profile-file.js';
import { profileFileOnThread } from '../../../src/parallel/profile-task.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

// Drift reads its two sides at once (the reference on a worker thread) when asked or when the
// files are large: the result must be the single-threaded one, byte for byte. The data makes every
// part of a profile work: 30,000 rows (past the default sketch size of 10,000, so the sketches
// compact), a column of few distinct numbers (value counts), categories, missing cells, a numeric
// column with text in it (the scanner's second look), and labels, predictions and scores
// (performance drift).
const dir = tempDir('modelci-drift-threads-');
const ROWS = 30_000;

interface Row {
  x: number;
  level: number;
  city: string;
  noisy: string;
  y: number;
  pred: number;
  p: number;
}

function rows(seed: number, shift: number): Row[] {
  const g = new Xoshiro128(seed);
  const u = () => (g.nextUint32() + 0.5) / 2 ** 32;
  const cities = ['Oslo', 'Lima', 'Pune', 'Kyiv', 'Nara'];
  return Array.from({ length: ROWS }, (_, i) => {
    const y = u() < 0.4 ? 1 : 0;
    const p = Math.min(0.999, Math.max(0.001, (y ? 0.65 : 0.35) + (u() - 0.5) * (0.6 + shift)));
    return {
      x: Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) + shift,
      level: Math.floor(u() * (6 + shift * 4)),
      city: cities[Math.floor(u() ** (1 + shift) * cities.length)]!,
      // Missing now and then; text once, late, in the current side (a mixed column).
      noisy: i % 97 === 0 ? '' : shift && i === ROWS - 5 ? 'n.a.' : (u() * 100).toFixed(3),
      y,
      pred: p >= 0.5 ? 1 : 0,
      p: Number(p.toFixed(6)),
    };
  });
}

const reference = rows(1, 0);
const current = rows(2, 0.3);
const COLUMNS = ['x', 'level', 'city', 'noisy', 'y', 'pred', 'p'] as const;
function csv(file: string, data: Row[]): string {
  const path = join(dir, file);
  writeFileSync(
    path,
    [COLUMNS.join(','), ...data.map((r) => COLUMNS.map((c) => r[c]).join(','))].join('\n') + '\n',
  );
  return path;
}
const refCsv = csv('ref.csv', reference);
const curCsv = csv('cur.csv', current);
const curJsonl = join(dir, 'cur.jsonl');
writeFileSync(curJsonl, current.map((r) => JSON.stringify(r)).join('\n') + '\n');
writeFileSync(join(dir, 'none.yaml'), 'version: 1\n');

const base: RunDriftOptions = {
  reference: refCsv,
  current: curCsv,
  config: join(dir, 'none.yaml'),
  configExplicit: true,
  now: '2026-12-02T06:00:00Z',
  performance: { label: 'y', prediction: 'pred', score: 'p', task: 'binary' },
};

describe('drift on both cores', () => {
  it('a profile built on a worker thread is the one built here', async () => {
    const here = await profileFile(refCsv, { sketchSize: 1000 });
    const there = await profileFileOnThread(refCsv, { sketchSize: 1000 });
    expect(here.profile.sketchK).toBe(1000);
    expect(here.profile.columns.get('x')!.sketch.exact).toBe(false);
    expect(there.profile.toJSON()).toEqual(here.profile.toJSON());
    expect(there.notes).toEqual(here.notes);
  }, 60_000);

  it('gives exactly the single-threaded result (JSON and Markdown), CSV and JSONL', async () => {
    for (const currentFile of [curCsv, curJsonl]) {
      const options = { ...base, current: currentFile };
      const one = await runDrift({ ...options, threads: 1 });
      const two = await runDrift({ ...options, threads: 2 });
      // The data really exercises what it claims: drift found, sketches compacted, performance read.
      expect(one.json.n_drifted).toBeGreaterThan(0);
      expect(one.json.performance!.rows.reference).toBe(ROWS);
      expect(one.json.performance!.metrics.length).toBeGreaterThan(3);
      expect(JSON.stringify(two.json)).toBe(JSON.stringify(one.json));
      expect(two.markdown).toBe(one.markdown);
    }
  }, 120_000);

  it('Parquet on the worker thread gives the same result', async () => {
    const file = join(dir, 'ref.parquet');
    await parquetWriteFile({
      filename: file,
      columnData: [
        { name: 'x', data: reference.map((r) => r.x), type: 'DOUBLE' },
        { name: 'level', data: reference.map((r) => r.level), type: 'DOUBLE' },
        { name: 'city', data: reference.map((r) => r.city), type: 'STRING' },
      ],
      rowGroupSize: 4096,
    });
    const options = { ...base, reference: file, performance: {} };
    const one = await runDrift({ ...options, threads: 1 });
    const two = await runDrift({ ...options, threads: 2 });
    expect(one.json.n_tested).toBeGreaterThan(0);
    expect(JSON.stringify(two.json)).toBe(JSON.stringify(one.json));
  }, 120_000);

  it('a bad reference read on the worker is the same one-line error, naming the file', async () => {
    const bad = join(dir, 'missing.csv');
    const one = await errorOf(runDrift({ ...base, reference: bad, threads: 1 }));
    const two = await errorOf(runDrift({ ...base, reference: bad, threads: 2 }));
    expect(one.where.file).toBe(bad);
    const shape = (e: typeof one) => [e.code, e.message, e.where, e.hint];
    expect(shape(two)).toEqual(shape(one));
  }, 60_000);
});
