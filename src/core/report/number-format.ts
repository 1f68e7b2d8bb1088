/**
 * The one number formatter of every report modelci writes: PR comments, job summaries, drift
 * reports, retraining PRs, gate reasons, terminal summaries and Mermaid charts. Numbers that mean
 * the same thing read the same everywhere.
 */

/** Default significant digits shown in tables. */
export const DEFAULT_PRECISION = 4;

/** A number rounded to `precision` significant digits; integers are shown whole. */
export function formatNumber(v: number, precision = DEFAULT_PRECISION): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e12) return String(v);
  const x = Number(v.toPrecision(precision));
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e12))
    return x.toExponential(precision - 1).replace(/\.?0+e/, 'e');
  return String(x);
}

/** `+0.0128`, `-3`, `0`. */
export function formatSigned(v: number, precision = DEFAULT_PRECISION): string {
  const s = formatNumber(v, precision);
  return v > 0 ? `+${s}` : s;
}

/** A relative change as a signed percentage with 3 significant digits; `n/a` for a zero base. */
export function formatPercent(relative: number | null): string {
  if (relative === null) return 'n/a';
  return `${formatSigned(relative * 100, 3)}%`;
}

/** A share of a whole (0..1) as a percentage with fixed decimals: `35.5%`. */
export function formatShare(share: number, decimals = 1): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/** A p-value as reviewers read it: two significant digits, `< 0.001` below that. */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : formatNumber(p, 2);
}

/** `p = 0.021` or `p < 0.001`, for sentences. */
export function formatPClause(p: number | null | undefined): string {
  const s = formatPValue(p);
  return s.startsWith('<') ? `p ${s}` : `p = ${s}`;
}

/** A count with thousands separators: `65,536`. */
export function formatCount(n: number): string {
  // What toLocaleString('en-US') prints for integers, without loading ICU's number formatting
  // (~25 ms at a command's start, for one footer line).
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/**
 * Bytes in binary units (`1.2 KiB`, model files) or SI units (`1.2 MB`, like the size budgets users
 * write in gates), 3 significant digits.
 */
export function formatBytes(n: number, units: 'binary' | 'si' = 'binary'): string {
  const [base, names] =
    units === 'binary'
      ? [1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB']]
      : [1000, ['B', 'kB', 'MB', 'GB', 'TB']];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= base && u < names.length - 1) {
    v /= base;
    u++;
  }
  return u === 0 ? `${n} B` : `${formatNumber(v, 3)} ${names[u]}`;
}

/** A duration: `0.3 s`, `12.3 s`, `2.5 min`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${formatNumber(ms / 1000, 3)} s`;
  return `${formatNumber(ms / 60_000, 3)} min`;
}

/**
 * Plain decimal notation rounded to `precision` significant digits, never an exponent (Mermaid's
 * number parser does not take one): `0.000012`, `1500000`.
 */
export function formatPlain(v: number, precision = DEFAULT_PRECISION): string {
  if (!Number.isFinite(v)) return '0';
  const x = Number(v.toPrecision(precision));
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x
    .toFixed(Math.min(20, Math.max(0, precision - Math.floor(Math.log10(Math.abs(x))))))
    .replace(/\.?0+$/, '');
}
