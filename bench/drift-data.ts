// The drift benchmark's data file, shared by the benches that measure a pass over it (drift,
// validate): ROWS rows x 20 columns, 12 numeric (normal, growing spread) and 8 categorical (3 to 31
// levels, skewed), `shift` moving the first four numeric and first three categorical columns.
import { closeSync, openSync, writeSync } from 'node:fs';

export const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const NUMERIC = 12;
export const CATEGORICAL = 8;

// mulberry32: 32-bit integer steps. (An LCG written in float arithmetic, used here before, loses
// low bits above 2^53 and cycled after 10,466 draws: the "1M-row" files repeated one short pattern.)
let seed = 7;
export const rand = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
export const normal = (): number =>
  Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const CATS = Array.from({ length: CATEGORICAL }, (_, c) =>
  Array.from({ length: 3 + c * 4 }, (_, k) => `c${c}_v${k}`),
);

export function writeCsv(file: string, shift: number, rows = ROWS): void {
  const fd = openSync(file, 'w');
  const header = [
    ...Array.from({ length: NUMERIC }, (_, i) => `num${i}`),
    ...Array.from({ length: CATEGORICAL }, (_, i) => `cat${i}`),
  ];
  writeSync(fd, header.join(',') + '\n');
  let chunk = '';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let i = 0; i < NUMERIC; i++)
      cells.push((normal() * (1 + i) + (i < 4 ? shift : 0)).toFixed(4));
    for (let c = 0; c < CATEGORICAL; c++) {
      const k = CATS[c]!;
      cells.push(
        k[Math.min(k.length - 1, Math.floor(rand() ** (1 + (c < 3 ? shift : 0)) * k.length))]!,
      );
    }
    chunk += cells.join(',') + '\n';
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}
