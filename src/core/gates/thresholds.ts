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
