/** Column means and population standard deviations (as scikit-learn's StandardScaler: ddof 0). */
export interface Scaling {
  mean: Float64Array;
  /** 1 for constant columns, so they pass through unscaled (StandardScaler does the same). */
  scale: Float64Array;
}

/** x is n × d row-major. */
export function fitScaling(x: Float64Array, n: number, d: number): Scaling {
  const mean = new Float64Array(d);
  const m2 = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      // Welford: stable for large offsets (e.g. an `area` column around 1000).
      const v = x[i * d + j]!;
      const delta = v - mean[j]!;
      mean[j]! += delta / (i + 1);
      m2[j]! += delta * (v - mean[j]!);
    }
  }
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(m2[j]! / n);
    scale[j] = s > 1e-12 * Math.max(1, Math.abs(mean[j]!)) ? s : 1;
  }
  return { mean, scale };
}

export function applyScaling(x: Float64Array, n: number, d: number, s: Scaling): Float64Array {
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) z[i * d + j] = (x[i * d + j]! - s.mean[j]!) / s.scale[j]!;
  return z;
}
