/** Largest gap between two weighted ECDFs (sorted values; weights default to 1). */
export function weightedKsStatistic(
  a: ArrayLike<number>,
  aw: ArrayLike<number> | undefined,
  b: ArrayLike<number>,
  bw: ArrayLike<number> | undefined,
): number {
  const total = (v: ArrayLike<number>, w?: ArrayLike<number>) => {
    if (!w) return v.length;
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i] as number;
    return s;
  };
  const ta = total(a, aw);
  const tb = total(b, bw);
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let d = 0;
  while (i < a.length || j < b.length) {
    const v =
      i < a.length && (j >= b.length || (a[i] as number) <= (b[j] as number))
        ? (a[i] as number)
        : (b[j] as number);
    while (i < a.length && (a[i] as number) <= v) ca += aw ? (aw[i++] as number) : (i++, 1);
    while (j < b.length && (b[j] as number) <= v) cb += bw ? (bw[j++] as number) : (j++, 1);
    d = Math.max(d, Math.abs(ca / ta - cb / tb));
  }
  return Math.min(d, 1);
}
