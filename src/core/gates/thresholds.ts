/** Parsing of gate thresholds written in modelci.yaml: `0.01`, `'2%'`, `'10MB'`, `'512KiB'`. */
import { ModelciError } from '../errors.js';

export interface Threshold {
  kind: 'absolute' | 'relative';
  /** Absolute amount, or a fraction of |baseline| for relative ones ('2%' -> 0.02). */
  amount: number;
  /** As written, for messages. */
  text: string;
}

/** A number is absolute; `'N%'` is relative to |baseline|. */
export function parseThreshold(value: number | string, path: string): Threshold {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return { kind: 'absolute', amount: value, text: String(value) };
  }
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  if (!m) {
    throw new ModelciError('CONFIG', `must be a non-negative number or a percentage like '2%'`, {
      path,
    });
  }
  return { kind: 'relative', amount: Number(m[1]) / 100, text: `${m[1]}%` };
}

const UNITS: Record<string, number> = {
  B: 1,
  kB: 1e3,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 1024,
  kiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

/** Bytes from a number or `'10MB'` (10^6), `'10MiB'` (2^20), `'300kB'`, `'42B'`. */
export function parseSize(value: number | string, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  const m =
    typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([kKMG]i?B|B)?\s*$/.exec(value) : null;
  const unit = m ? UNITS[m[2] ?? 'B'] : undefined;
  if (!m || unit === undefined) {
    throw new ModelciError('CONFIG', `must be a size like 10MB, 512KiB or a number of bytes`, {
      path,
    });
  }
  return Math.round(Number(m[1]) * unit);
}

/** Human size: 1.2 MB, 340 kB, 12 B (SI units, like the thresholds users write). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${round3(bytes / 1e9)} GB`;
  if (bytes >= 1e6) return `${round3(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${round3(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

/** 4 significant digits for sentences. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

function round3(x: number): string {
  return String(Number(x.toPrecision(3)));
}
