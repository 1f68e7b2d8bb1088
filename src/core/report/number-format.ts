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
