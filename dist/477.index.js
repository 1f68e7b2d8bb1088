export const id = 477;
export const ids = [477,243];
export const modules = {

/***/ 625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATES_FAILED_EXIT: () => (/* binding */ GATES_FAILED_EXIT),
  evaluateCommand: () => (/* binding */ evaluateCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/metrics/names.ts
var names = __webpack_require__(5917);
;// CONCATENATED MODULE: ./src/core/gates/signature.ts
/** Differences that break the requested level; empty when it holds. */
function signatureDifferences(level, baseline, candidate) {
    if (level === 'unchanged') {
        const diffs = [];
        for (const side of ['inputs', 'outputs']) {
            const a = baseline[side].map(describe).join(', ');
            const b = candidate[side].map(describe).join(', ');
            if (a !== b)
                diffs.push(`${side} changed from (${a}) to (${b})`);
        }
        return diffs;
    }
    const diffs = [];
    const candIn = new Map(candidate.inputs.map((t) => [t.name, t]));
    const baseIn = new Set(baseline.inputs.map((t) => t.name));
    for (const t of baseline.inputs) {
        const c = candIn.get(t.name);
        if (!c)
            diffs.push(`input "${t.name}" was removed`);
        else
            diffs.push(...tensorDiffs('input', t, c));
    }
    for (const t of candidate.inputs) {
        if (!baseIn.has(t.name))
            diffs.push(`new input "${t.name}" (callers do not send it)`);
    }
    const candOut = new Map(candidate.outputs.map((t) => [t.name, t]));
    for (const t of baseline.outputs) {
        const c = candOut.get(t.name);
        if (!c)
            diffs.push(`output "${t.name}" was removed`);
        else
            diffs.push(...tensorDiffs('output', t, c));
    }
    return diffs;
}
function tensorDiffs(kind, base, cand) {
    const diffs = [];
    if (base.type !== cand.type) {
        diffs.push(`${kind} "${base.name}" dtype ${base.type} -> ${cand.type}`);
    }
    if (base.shape.length !== cand.shape.length) {
        diffs.push(`${kind} "${base.name}" rank ${base.shape.length} -> ${cand.shape.length}`);
    }
    else {
        base.shape.forEach((d, i) => {
            const e = cand.shape[i];
            if (typeof d === 'number' && typeof e === 'number' && d !== e) {
                diffs.push(`${kind} "${base.name}" dimension ${i} ${d} -> ${e}`);
            }
            else if (kind === 'input'
                ? typeof e === 'number' && typeof d !== 'number'
                : typeof d === 'number' && typeof e !== 'number') {
                // an input that became fixed-size, or an output that stopped being fixed-size
                diffs.push(`${kind} "${base.name}" dimension ${i} ${dim(d)} -> ${dim(e)}`);
            }
        });
    }
    return diffs;
}
function dim(d) {
    return d === null || d === undefined ? '?' : String(d);
}
function describe(t) {
    return `${t.name}: ${t.type}[${t.shape.map(dim).join(', ')}]`;
}

// EXTERNAL MODULE: ./src/core/gates/thresholds.ts
var thresholds = __webpack_require__(6038);
;// CONCATENATED MODULE: ./src/core/gates/evaluate-gates.ts



/** Floating-point slack so that 0.90 − 0.89 ≤ 0.01 holds. */
const SLACK = 1e-12;
function evaluateGates(policy, input) {
    const path = input.path ?? 'gates';
    const results = [];
    const regressedSlices = new Set();
    const dir = (m) => (0,names/* directionOf */.FR)(m, input.directions);
    const hasBaseline = input.baseline_metrics !== undefined;
    for (const [metric, threshold] of Object.entries(policy.min ?? {})) {
        results.push(bound('min', metric, threshold, input.metrics[metric]?.value));
    }
    for (const [metric, threshold] of Object.entries(policy.max ?? {})) {
        results.push(bound('max', metric, threshold, input.metrics[metric]?.value));
    }
    for (const [metric, raw] of Object.entries(policy.max_regression ?? {})) {
        const t = (0,thresholds/* parseThreshold */.B7)(raw, `${path}.max_regression.${metric}`);
        const gate = `max_regression.${metric}`;
        if (!hasBaseline) {
            results.push(skipped(gate, metric, `${metric}: no baseline to compare with`));
            continue;
        }
        const cand = input.metrics[metric]?.value;
        const base = input.baseline_metrics?.[metric]?.value;
        if (cand === undefined || base === undefined) {
            results.push(missing(gate, metric, cand === undefined ? 'candidate' : 'baseline'));
            continue;
        }
        results.push(regression(gate, metric, dir(metric), cand, base, t, ''));
    }
    if (policy.not_significantly_worse) {
        const alpha = policy.not_significantly_worse.alpha ?? 0.05;
        for (const metric of policy.not_significantly_worse.metrics) {
            const gate = `not_significantly_worse.${metric}`;
            const c = input.comparison?.[metric];
            if (!hasBaseline) {
                results.push(skipped(gate, metric, `${metric}: no baseline to compare with`));
            }
            else if (!c) {
                results.push(missing(gate, metric, 'comparison of'));
            }
            else {
                const worse = c.direction === 'higher' ? c.delta < 0 : c.delta > 0;
                const passed = !(worse && c.p_value < alpha);
                const how = `${metric} ${(0,thresholds/* fmt */.Sc)(c.baseline)} -> ${(0,thresholds/* fmt */.Sc)(c.candidate)} (Δ ${signed(c.delta)}, p = ${(0,thresholds/* fmt */.Sc)(c.p_value)}, ${c.test})`;
                results.push({
                    gate,
                    passed,
                    metric,
                    actual: c.p_value,
                    threshold: alpha,
                    reason: passed
                        ? `${how}: not significantly worse at α = ${alpha}`
                        : `${how}: significantly worse at α = ${alpha}`,
                });
            }
        }
    }
    if (policy.slices) {
        const minRows = policy.slices.min_rows ?? 30;
        for (const [metric, raw] of Object.entries(policy.slices.max_drop)) {
            const t = (0,thresholds/* parseThreshold */.B7)(raw, `${path}.slices.max_drop.${metric}`);
            const gate = `slices.max_drop.${metric}`;
            if (!hasBaseline) {
                results.push(skipped(gate, metric, `${metric} per slice: no baseline to compare with`));
                continue;
            }
            const failing = [];
            let checked = 0;
            let worst;
            for (const s of input.slices ?? []) {
                const cand = s.metrics[metric]?.value;
                const base = s.comparison?.[metric]?.baseline;
                if (s.rows < minRows || cand === undefined || base === undefined)
                    continue;
                checked++;
                const key = `${s.column}=${s.value}`;
                const r = regression(gate, metric, dir(metric), cand, base, t, ` on ${key}`);
                const drop = dir(metric) === 'higher' ? base - cand : cand - base;
                if (!worst || drop > worst.drop)
                    worst = { drop, key };
                if (!r.passed) {
                    regressedSlices.add(key);
                    failing.push(`${key} (${s.rows} rows): ${(0,thresholds/* fmt */.Sc)(base)} -> ${(0,thresholds/* fmt */.Sc)(cand)}`);
                }
            }
            const limit = t.kind === 'relative' ? `${t.text} of the baseline` : t.text;
            results.push({
                gate,
                passed: failing.length === 0,
                metric,
                threshold: t.amount,
                ...(worst ? { actual: worst.drop } : {}),
                reason: failing.length === 0
                    ? `${metric} drops by at most ${limit} in all ${checked} slices with ≥ ${minRows} rows`
                    : `${metric} drops by more than ${limit} in ${failing.length} of ${checked} slices with ≥ ${minRows} rows: ${failing.join('; ')}`,
            });
        }
    }
    for (const [key, metric] of [
        ['latency_p50_ms', 'latency_p50'],
        ['latency_p95_ms', 'latency_p95'],
    ]) {
        const budget = policy[key];
        if (budget === undefined)
            continue;
        const v = input.metrics[metric]?.value;
        const gate = metric;
        if (v === undefined) {
            results.push(missing(gate, metric, 'candidate'));
            continue;
        }
        const passed = v <= budget + SLACK;
        results.push({
            gate,
            passed,
            metric,
            actual: v,
            threshold: budget,
            reason: `${metric} ${(0,thresholds/* fmt */.Sc)(v)} ms ${passed ? '≤' : '>'} budget ${(0,thresholds/* fmt */.Sc)(budget)} ms`,
        });
    }
    if (policy.max_size !== undefined) {
        const budget = (0,thresholds/* parseSize */.DB)(policy.max_size, `${path}.max_size`);
        const v = input.metrics.model_size_bytes?.value;
        if (v === undefined) {
            results.push(missing('model_size', 'model_size_bytes', 'candidate'));
        }
        else {
            const passed = v <= budget;
            results.push({
                gate: 'model_size',
                passed,
                metric: 'model_size_bytes',
                actual: v,
                threshold: budget,
                reason: `model size ${(0,thresholds/* formatBytes */.z3)(v)} ${passed ? '≤' : '>'} budget ${(0,thresholds/* formatBytes */.z3)(budget)}`,
            });
        }
    }
    if (policy.signature && policy.signature !== 'any') {
        const level = policy.signature;
        const sig = input.signatures;
        if (!sig?.baseline) {
            results.push(skipped('signature', undefined, 'signature: no baseline to compare with'));
        }
        else {
            const diffs = signatureDifferences(level, sig.baseline, sig.candidate);
            results.push({
                gate: 'signature',
                passed: diffs.length === 0,
                reason: diffs.length === 0
                    ? `signature ${level === 'unchanged' ? 'unchanged' : 'compatible with the baseline'}`
                    : `signature not ${level}: ${diffs.join('; ')}`,
            });
        }
    }
    const failed = results.filter((r) => !r.passed);
    const summary = results.length === 0
        ? 'No gates configured.'
        : failed.length === 0
            ? `All ${results.length} gates passed.`
            : `${failed.length} of ${results.length} gates failed: ${failed.map((r) => r.reason).join('; ')}.`;
    return { verdict: { passed: failed.length === 0, results, summary }, regressedSlices };
}
function bound(kind, metric, threshold, v) {
    const gate = `${kind}.${metric}`;
    if (v === undefined)
        return missing(gate, metric, 'candidate');
    const passed = kind === 'min' ? v >= threshold - SLACK : v <= threshold + SLACK;
    const op = kind === 'min' ? (passed ? '≥' : '<') : passed ? '≤' : '>';
    return {
        gate,
        passed,
        metric,
        actual: v,
        threshold,
        reason: `${metric} ${(0,thresholds/* fmt */.Sc)(v)} ${op} ${(0,thresholds/* fmt */.Sc)(threshold)}`,
    };
}
function regression(gate, metric, direction, cand, base, t, where) {
    const worseBy = direction === 'higher' ? base - cand : cand - base;
    const allowed = t.kind === 'relative' ? t.amount * Math.abs(base) : t.amount;
    const passed = worseBy <= allowed + SLACK * Math.max(1, Math.abs(base));
    const limit = t.kind === 'relative' ? `${t.text} of ${(0,thresholds/* fmt */.Sc)(base)} = ${(0,thresholds/* fmt */.Sc)(allowed)}` : t.text;
    const change = worseBy > 0
        ? `worse by ${(0,thresholds/* fmt */.Sc)(worseBy)}`
        : worseBy < 0
            ? `better by ${(0,thresholds/* fmt */.Sc)(-worseBy)}`
            : 'unchanged';
    return {
        gate,
        passed,
        metric,
        actual: worseBy,
        threshold: allowed,
        reason: `${metric}${where} ${(0,thresholds/* fmt */.Sc)(base)} -> ${(0,thresholds/* fmt */.Sc)(cand)}: ${change}, ${passed ? 'within' : 'beyond'} the allowed ${limit}`,
    };
}
function skipped(gate, metric, reason) {
    return {
        gate,
        passed: true,
        skipped: true,
        ...(metric ? { metric } : {}),
        reason: `${reason} (skipped)`,
    };
}
function missing(gate, metric, whose) {
    return {
        gate,
        passed: false,
        metric,
        reason: `${metric} was not computed for the ${whose} model (unknown metric, or the model gives no probabilities / timings)`,
    };
}
function signed(x) {
    return x > 0 ? `+${(0,thresholds/* fmt */.Sc)(x)}` : (0,thresholds/* fmt */.Sc)(x);
}

// EXTERNAL MODULE: ./src/core/metrics/classification.ts + 2 modules
var classification = __webpack_require__(1279);
;// CONCATENATED MODULE: ./src/core/stats/prng.ts
/**
 * Seeded PRNG for reproducible bootstrap draws: xoshiro128** (Blackman & Vigna) seeded through
 * splitmix32. 32-bit integer arithmetic only, so test/fixtures/metrics/make_reference.py can
 * replay exactly the same draws.
 */
class Xoshiro128 {
    s0;
    s1;
    s2;
    s3;
    /** `seed`: any integer in [0, 2^53); equal seeds give equal streams. */
    constructor(seed) {
        if (!Number.isSafeInteger(seed) || seed < 0) {
            throw new RangeError(`seed must be a non-negative safe integer (got ${seed})`);
        }
        const hi = Math.floor(seed / 0x100000000);
        let sm = (seed >>> 0) ^ Math.imul(hi, 0x9e3779b9);
        const next = () => {
            sm = (sm + 0x9e3779b9) | 0;
            let t = sm ^ (sm >>> 16);
            t = Math.imul(t, 0x21f0aaad);
            t ^= t >>> 15;
            t = Math.imul(t, 0x735a2d97);
            return (t ^ (t >>> 15)) | 0;
        };
        this.s0 = next();
        this.s1 = next();
        this.s2 = next();
        this.s3 = next();
    }
    /** Next 32-bit unsigned integer. */
    nextUint32() {
        const s1 = this.s1;
        const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 11);
        return r >>> 0;
    }
    /** Uniform integer in [0, n), unbiased: top bits of a draw, rejecting values ≥ n. */
    nextInt(n) {
        const shift = 32 - bitsFor(n);
        for (;;) {
            const r = this.nextUint32() >>> shift;
            if (r < n)
                return r;
        }
    }
}
/** Bits needed for values 0..n-1 (at least 1, so that n = 1 still draws). */
function bitsFor(n) {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000) {
        throw new RangeError(`n must be an integer in [1, 2^32] (got ${n})`);
    }
    return Math.max(1, 32 - Math.clz32(n - 1));
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}

;// CONCATENATED MODULE: ./src/core/stats/quantile.ts
/**
 * Quantile of the finite values, as numpy.quantile's default ('linear', type 7): position q·(m−1)
 * in the sorted values, interpolated. NaN when there are no finite values.
 */
function quantile(values, q) {
    return quantilesOfSorted(sortedFinite(values), [q])[0];
}
/** Finite values ascending (NaN and ±Infinity dropped). */
function sortedFinite(values) {
    let m = 0;
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (Number.isFinite(v))
            out[m++] = v;
    }
    return out.subarray(0, m).sort();
}
function quantilesOfSorted(sorted, qs) {
    const m = sorted.length;
    return qs.map((q) => {
        if (m === 0)
            return NaN;
        const pos = q * (m - 1);
        const lo = Math.floor(pos);
        const hi = Math.min(lo + 1, m - 1);
        const frac = pos - lo;
        const a = sorted[lo];
        const b = sorted[hi];
        // numpy's _lerp: a + (b-a)·t, computed from the upper end when t ≥ 0.5
        return frac >= 0.5 ? b - (b - a) * (1 - frac) : a + (b - a) * frac;
    });
}

;// CONCATENATED MODULE: ./src/core/stats/bootstrap.ts


/** Replaces `counts` with the draw counts of one resample of `counts.length` rows. */
function drawCounts(rng, counts) {
    const n = counts.length;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
        const j = rng.nextInt(n);
        counts[j] = counts[j] + 1;
    }
}
/**
 * Runs `resamples` resamples of `n` rows; returns per engine a resamples × names matrix
 * (row-major) of metric values.
 */
function bootstrapEngines(n, engines, opts) {
    const rng = new Xoshiro128(opts.seed);
    const counts = new Int32Array(n);
    const out = engines.map((e) => new Float64Array(opts.resamples * e.names.length));
    for (let b = 0; b < opts.resamples; b++) {
        drawCounts(rng, counts);
        engines.forEach((e, k) => {
            const m = e.names.length;
            e.compute(counts, out[k].subarray(b * m, (b + 1) * m));
        });
    }
    return out;
}
/** Column `j` of a row-major matrix with `width` columns. */
function column(matrix, width, j) {
    const rows = matrix.length / width;
    const out = new Float64Array(rows);
    for (let b = 0; b < rows; b++)
        out[b] = matrix[b * width + j];
    return out;
}
/** Central percentile interval at `confidence` (numpy 'linear' quantiles); undefined if no values. */
function percentileInterval(values, confidence) {
    const sorted = sortedFinite(values);
    if (sorted.length === 0)
        return undefined;
    const [lo, hi] = quantilesOfSorted(sorted, [(1 - confidence) / 2, 1 - (1 - confidence) / 2]);
    return [lo, hi];
}
/**
 * Two-sided paired-bootstrap p-value for "candidate − baseline = 0": twice the smaller share of
 * resampled differences on either side of 0, each with the +1 correction (Davison & Hinkley),
 * p = min(1, 2·min(#{δ ≤ 0} + 1, #{δ ≥ 0} + 1) / (B + 1)), B = resamples with a defined δ.
 * Never below 2/(B+1); 1 when the models agree on every resample.
 */
function pairedBootstrapPValue(deltas) {
    let b = 0;
    let le = 0;
    let ge = 0;
    for (let i = 0; i < deltas.length; i++) {
        const d = deltas[i];
        if (!Number.isFinite(d))
            continue;
        b++;
        if (d <= 0)
            le++;
        if (d >= 0)
            ge++;
    }
    if (b === 0)
        return 1;
    return Math.min(1, (2 * Math.min(le + 1, ge + 1)) / (b + 1));
}

;// CONCATENATED MODULE: ./src/core/metrics/latency.ts
/** Latency percentiles (ms) over per-batch or per-row timings, numpy 'linear' percentiles. */



const LATENCY_METRICS = (/* unused pure expression or super */ null && (['latency_p50', 'latency_p95']));
/**
 * p50 and p95 with a bootstrap interval over the timings themselves (they are not per row, so
 * they get their own draws from a stream derived from the seed).
 */
function latencyMetrics(timings, boot, stream) {
    const sorted = sortedFinite(timings);
    if (sorted.length === 0)
        return {};
    const [p50, p95] = quantilesOfSorted(sorted, [0.5, 0.95]);
    const out = {
        latency_p50: { value: p50 },
        latency_p95: { value: p95 },
    };
    if (boot.resamples > 0 && sorted.length > 1) {
        const rng = new Xoshiro128((boot.seed + stream) % Number.MAX_SAFE_INTEGER);
        const m = sorted.length;
        const draw = new Float64Array(m);
        const v50 = new Float64Array(boot.resamples);
        const v95 = new Float64Array(boot.resamples);
        for (let b = 0; b < boot.resamples; b++) {
            for (let i = 0; i < m; i++)
                draw[i] = sorted[rng.nextInt(m)];
            draw.sort();
            const [a, c] = quantilesOfSorted(draw, [0.5, 0.95]);
            v50[b] = a;
            v95[b] = c;
        }
        const ci50 = percentileInterval(v50, boot.confidence);
        const ci95 = percentileInterval(v95, boot.confidence);
        if (ci50)
            out.latency_p50.ci = ci50;
        if (ci95)
            out.latency_p95.ci = ci95;
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/metrics/engine.ts
var engine = __webpack_require__(8351);
;// CONCATENATED MODULE: ./src/core/metrics/regression.ts
/**
 * Regression metrics as scikit-learn 1.2: rmse = sqrt(mean_squared_error), mae, r2 (constant
 * y_true: 1 if perfect else 0, sklearn's force_finite), mape (mean |e| / max(|y|, eps), eps =
 * float64 machine epsilon, a fraction not a percentage).
 */


const EPS = 2.220446049250313e-16;
function regressionEngine(yTrue, predicted, rows = null) {
    const y = (0,engine/* take */.s)(yTrue, rows);
    const yhat = (0,engine/* take */.s)(predicted, rows);
    const n = y.length;
    const gather = new engine/* WeightGather */.E(rows, n);
    return {
        names: names/* REGRESSION_METRICS */.kG,
        size: n,
        compute(counts, out) {
            const w = gather.of(counts);
            let total = 0;
            let sse = 0;
            let sae = 0;
            let sape = 0;
            let sy = 0;
            for (let i = 0; i < n; i++) {
                const wi = w[i];
                if (wi === 0)
                    continue;
                const yi = y[i];
                const e = yhat[i] - yi;
                const ae = Math.abs(e);
                total += wi;
                sse += wi * e * e;
                sae += wi * ae;
                sape += (wi * ae) / Math.max(Math.abs(yi), EPS);
                sy += wi * yi;
            }
            if (total === 0) {
                out.fill(NaN, 0, 4);
                return;
            }
            const mean = sy / total;
            let sst = 0;
            for (let i = 0; i < n; i++) {
                const wi = w[i];
                if (wi !== 0)
                    sst += wi * (y[i] - mean) ** 2;
            }
            out[0] = Math.sqrt(sse / total);
            out[1] = sae / total;
            out[2] = sst === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / sst;
            out[3] = sape / total;
        },
    };
}

;// CONCATENATED MODULE: ./src/core/stats/binomial.ts
/**
 * Exact binomial probabilities for McNemar's test, accurate for large n: the pmf uses Loader's
 * saddle-point form (stirlerr + bd0, as R's dbinom and scipy's boost backend), not lgamma
 * differences that lose digits when n is large.
 */
const LN_2PI = Math.log(2 * Math.PI);
/** Exact stirlerr(n) = ln(n!) − ln(√(2π n) (n/e)^n) for small half-integers. */
const SFERR_HALVES = [
    0.0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093,
    0.03316287351993629, 0.02767792568499834, 0.023746163656297496, 0.020790672103765093,
    0.018488450532673187, 0.016644691189821193, 0.015134973221917378, 0.013876128823070748,
    0.012810465242920227, 0.01189670994589177, 0.011104559758206917, 0.010411265261972096,
    0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
    0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953,
    0.006665247032707682, 0.006408994188004207, 0.006171712263039458, 0.0059513701127588475,
    0.0057462165130101155, 0.005554733551962801,
];
function stirlerr(n) {
    const S0 = 1 / 12;
    const S1 = 1 / 360;
    const S2 = 1 / 1260;
    const S3 = 1 / 1680;
    const S4 = 1 / 1188;
    if (n <= 15) {
        const nn = n + n;
        if (nn === Math.floor(nn))
            return SFERR_HALVES[nn];
        return lgamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_2PI / 2;
    }
    const nn = n * n;
    if (n > 500)
        return (S0 - S1 / nn) / n;
    if (n > 80)
        return (S0 - (S1 - S2 / nn) / nn) / n;
    if (n > 35)
        return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
/** bd0(x, np) = x ln(x/np) + np − x, computed without cancellation. */
function bd0(x, np) {
    if (Math.abs(x - np) < 0.1 * (x + np)) {
        let v = (x - np) / (x + np);
        const s0 = (x - np) * v;
        let s = s0;
        let ej = 2 * x * v;
        v *= v;
        for (let j = 1; j < 1000; j++) {
            ej *= v;
            const s1 = s + ej / (2 * j + 1);
            if (s1 === s)
                return s1;
            s = s1;
        }
    }
    return x * Math.log(x / np) + np - x;
}
/** Lanczos lgamma, only used for non-half-integer n ≤ 15 in stirlerr (never hit for integers). */
function lgamma(x) {
    const g = 7;
    const c = [
        0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];
    x -= 1;
    let a = c[0];
    const t = x + g + 0.5;
    for (let i = 1; i < g + 2; i++)
        a += c[i] / (x + i);
    return 0.5 * LN_2PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
/** P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
function binomialPmf(k, n, p) {
    const q = 1 - p;
    if (k < 0 || k > n)
        return 0;
    if (k === 0)
        return Math.exp(n * Math.log1p(-p));
    if (k === n)
        return Math.exp(n * Math.log(p));
    const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
    const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
    return Math.exp(lc - 0.5 * lf);
}
/** P(X ≤ k), summing the pmf downward from k with the exact term ratio. */
function binomialCdf(k, n, p) {
    if (k < 0)
        return 0;
    if (k >= n)
        return 1;
    let term = binomialPmf(k, n, p);
    let sum = term;
    const ratio = (1 - p) / p;
    for (let i = k; i > 0; i--) {
        term *= (i / (n - i + 1)) * ratio; // pmf(i-1) / pmf(i)
        sum += term;
        if (term < sum * 1e-17)
            break;
    }
    return Math.min(1, sum);
}
/**
 * McNemar's exact test: two-sided binomial test of b successes in b + c discordant pairs at
 * p = 0.5, as scipy.stats.binomtest(b, b + c).pvalue (= statsmodels mcnemar(exact=True)).
 * 1 when there are no discordant pairs.
 */
function mcnemarExact(b, c) {
    const n = b + c;
    if (n === 0)
        return 1;
    if (b === c)
        return 1;
    return Math.min(1, 2 * binomialCdf(Math.min(b, c), n, 0.5));
}

;// CONCATENATED MODULE: ./src/core/evaluation/compare.ts
/** Candidate vs baseline on the same rows: one MetricComparison per metric both models have. */



/** Accuracy-type metrics, compared with McNemar's exact test on the discordant pairs. */
const MCNEMAR_METRICS = new Set(['accuracy']);
function compareMetric(metric, candidate, baseline, 
/** Paired bootstrap differences (candidate − baseline) per resample; empty without resamples. */
deltas, discordance, o) {
    const direction = (0,names/* directionOf */.FR)(metric, o.directions);
    const delta = candidate - baseline;
    const useMcnemar = MCNEMAR_METRICS.has(metric) && discordance !== undefined;
    const p = useMcnemar
        ? mcnemarExact(discordance.b, discordance.c)
        : deltas.length > 0
            ? pairedBootstrapPValue(deltas)
            : delta === 0
                ? 1
                : NaN;
    const ci = deltas.length > 0 ? percentileInterval(deltas, o.confidence) : undefined;
    const out = {
        baseline,
        candidate,
        delta,
        relative_delta: baseline === 0 ? null : delta / Math.abs(baseline),
        test: useMcnemar ? 'mcnemar' : 'paired_bootstrap',
        p_value: p,
        verdict: verdictOf(delta, baseline, direction, o),
        direction,
    };
    if (ci)
        out.ci_delta = ci;
    return out;
}
/** unchanged when |Δ| is within the absolute or the relative tolerance; else by direction. */
function verdictOf(delta, baseline, direction, o) {
    const abs = Math.abs(delta);
    if (abs <= (o.tolerance ?? 0) ||
        abs <= (o.relativeTolerance ?? 0) * Math.abs(baseline) ||
        delta === 0) {
        return 'unchanged';
    }
    return delta > 0 === (direction === 'higher') ? 'better' : 'worse';
}
/** McNemar counts over `rows` (all rows when null) from the two models' predicted labels. */
function discordance(yTrue, candidate, baseline, rows) {
    let b = 0;
    let c = 0;
    const n = rows ? rows.length : yTrue.length;
    for (let j = 0; j < n; j++) {
        const i = rows ? rows[j] : j;
        const y = yTrue[i];
        const cr = candidate[i] === y;
        const br = baseline[i] === y;
        if (cr && !br)
            b++;
        else if (br && !cr)
            c++;
    }
    return { b, c };
}

;// CONCATENATED MODULE: ./src/core/evaluation/validate.ts
/** Checks of EvaluationInput that a user can cause (through data or model outputs). */

/** Number of classes (classification) after validating every array against the rows. */
function validateInput(input) {
    const n = input.yTrue.length;
    if (n === 0) {
        throw new errors/* ModelciError */.wN('DATA', 'no rows to evaluate', {
            hint: 'Check the data file and any row filters',
        });
    }
    const check = (p, who) => {
        if (input.task === 'regression') {
            if (p.kind !== 'regression')
                throw kindError(who, 'regression', p.kind);
            if (p.value.length !== n)
                throw lengthError(who, p.value.length, n);
            const bad = firstNonFinite(p.value);
            if (bad >= 0)
                throw rowError(`${who} model predicted ${p.value[bad]}`, bad);
            return 0;
        }
        if (p.kind !== 'classification')
            throw kindError(who, 'classification', p.kind);
        const k = p.classes.length;
        if (k < 2)
            throw new errors/* ModelciError */.wN('MODEL', `${who} model has ${k} class(es); need at least 2`);
        if (input.task === 'binary' && k !== 2) {
            throw new errors/* ModelciError */.wN('MODEL', `${who} model has ${k} classes but the task is binary`, {
                hint: 'Set task: multiclass for this model',
            });
        }
        if (p.label.length !== n)
            throw lengthError(who, p.label.length, n);
        for (let i = 0; i < n; i++) {
            const c = p.label[i];
            if (c < 0 || c >= k)
                throw rowError(`${who} model predicted class index ${c} of ${k}`, i);
        }
        if (p.proba) {
            if (p.proba.length !== n * k) {
                throw new errors/* ModelciError */.wN('MODEL', `${who} model gave ${p.proba.length} probabilities for ${n} rows × ${k} classes`);
            }
            for (let i = 0; i < p.proba.length; i++) {
                const v = p.proba[i];
                if (!(v >= 0 && v <= 1)) {
                    throw rowError(`${who} model gave probability ${v} for class ${String(p.classes[i % k])}`, Math.floor(i / k));
                }
            }
        }
        return k;
    };
    const k = check(input.candidate, 'candidate');
    if (input.baseline) {
        const kb = check(input.baseline, 'baseline');
        if (kb !== k) {
            throw new errors/* ModelciError */.wN('MODEL', `baseline model has ${kb} classes, candidate has ${k}`, {
                hint: 'Both models must be trained on the same label set',
            });
        }
    }
    if (input.task === 'regression') {
        const bad = firstNonFinite(input.yTrue);
        if (bad >= 0)
            throw rowError(`label is ${input.yTrue[bad]}`, bad);
    }
    else {
        for (let i = 0; i < n; i++) {
            const c = input.yTrue[i];
            if (!Number.isInteger(c) || c < 0 || c >= k) {
                throw rowError(`label index ${c} is not one of the model's ${k} classes`, i);
            }
        }
        const pos = input.positiveClass ?? 1;
        if (input.task === 'binary' && pos !== 0 && pos !== 1) {
            throw new errors/* ModelciError */.wN('INPUT', `positive class index must be 0 or 1 (got ${pos})`);
        }
    }
    for (const [column, values] of Object.entries(input.slices ?? {})) {
        if (values.length !== n) {
            throw new errors/* ModelciError */.wN('DATA', `slice column has ${values.length} values for ${n} rows`, {
                column,
            });
        }
    }
    const { resamples, confidence, seed } = input.bootstrap;
    if (!Number.isInteger(resamples) || resamples < 0) {
        throw new errors/* ModelciError */.wN('INPUT', `bootstrap resamples must be a non-negative integer (got ${resamples})`);
    }
    if (!(confidence > 0 && confidence < 1)) {
        throw new errors/* ModelciError */.wN('INPUT', `bootstrap confidence must be in (0, 1) (got ${confidence})`);
    }
    if (!Number.isSafeInteger(seed) || seed < 0) {
        throw new errors/* ModelciError */.wN('INPUT', `bootstrap seed must be a non-negative integer (got ${seed})`);
    }
    return k;
}
function firstNonFinite(values) {
    for (let i = 0; i < values.length; i++)
        if (!Number.isFinite(values[i]))
            return i;
    return -1;
}
function kindError(who, want, got) {
    return new errors/* ModelciError */.wN('MODEL', `${who} model gives ${got} outputs but the task needs ${want}`);
}
function lengthError(who, got, n) {
    return new errors/* ModelciError */.wN('MODEL', `${who} model gave ${got} predictions for ${n} rows`);
}
/** `row` is 0-based here; errors carry the 1-based data row (header excluded). */
function rowError(message, row) {
    return new errors/* ModelciError */.wN('DATA', message, { row: row + 1 });
}

;// CONCATENATED MODULE: ./src/core/evaluation/evaluate.ts
/**
 * evaluatePredictions: metrics with bootstrap intervals, baseline comparison, confusion matrix,
 * slices and gates, in the shape of the evaluation report. Every engine (candidate, baseline,
 * each slice of each) is evaluated on the same resample counts, so intervals, paired differences
 * and slice intervals come from one set of draws.
 */







function evaluatePredictions(input) {
    const k = validateInput(input);
    const n = input.yTrue.length;
    const pos = input.positiveClass ?? 1;
    const boot = input.bootstrap;
    const engineFor = (p, rows) => {
        if (p.kind === 'regression')
            return regressionEngine(input.yTrue, p.value, rows);
        return (0,classification/* classificationEngine */.j_)({
            task: input.task,
            yTrue: input.yTrue,
            predictions: p,
            k,
            positive: pos,
            rows,
        });
    };
    const group = (rows) => {
        const g = { rows, candidate: engineFor(input.candidate, rows) };
        if (input.baseline) {
            g.baseline = engineFor(input.baseline, rows);
            if (input.candidate.kind === 'classification' && input.baseline.kind === 'classification') {
                g.discordance = discordance(input.yTrue, input.candidate.label, input.baseline.label, rows);
            }
        }
        return g;
    };
    const total = group(null);
    const sliceGroups = [];
    for (const [col, values] of Object.entries(input.slices ?? {})) {
        for (const [value, rows] of groupRows(values))
            sliceGroups.push({ column: col, value, group: group(rows) });
    }
    const groups = [total, ...sliceGroups.map((s) => s.group)];
    if (boot.resamples > 0) {
        const engines = groups.flatMap((g) => (g.baseline ? [g.candidate, g.baseline] : [g.candidate]));
        const mats = bootstrapEngines(n, engines, boot);
        let at = 0;
        for (const g of groups) {
            g.candBoot = mats[at++];
            if (g.baseline)
                g.baseBoot = mats[at++];
        }
    }
    const summarize = (g) => {
        const metrics = values(g.candidate, g.candBoot, boot.confidence);
        if (!g.baseline)
            return { metrics };
        const baseline_metrics = values(g.baseline, g.baseBoot, boot.confidence);
        const comparison = {};
        const names = g.candidate.names;
        const m = names.length;
        names.forEach((name, j) => {
            const c = metrics[name];
            const b = baseline_metrics[name];
            if (!c || !b)
                return;
            const deltas = new Float64Array(g.candBoot ? g.candBoot.length / m : 0);
            for (let r = 0; r < deltas.length; r++) {
                deltas[r] = g.candBoot[r * m + j] - g.baseBoot[r * m + j];
            }
            comparison[name] = compareMetric(name, c.value, b.value, deltas, g.discordance, {
                directions: input.directions,
                tolerance: input.tolerance,
                relativeTolerance: input.relativeTolerance,
                confidence: boot.confidence,
            });
        });
        return { metrics, baseline_metrics, comparison };
    };
    const top = summarize(total);
    const result = { metrics: top.metrics };
    if (input.latencyMs?.candidate.length)
        Object.assign(result.metrics, latencyMetrics(input.latencyMs.candidate, boot, 1));
    if (input.modelBytes)
        result.metrics.model_size_bytes = { value: input.modelBytes.candidate };
    if (input.baseline) {
        result.baseline_metrics = top.baseline_metrics;
        result.comparison = top.comparison;
        if (input.latencyMs?.baseline?.length) {
            Object.assign(result.baseline_metrics, latencyMetrics(input.latencyMs.baseline, boot, 2));
        }
        if (input.modelBytes?.baseline !== undefined) {
            result.baseline_metrics.model_size_bytes = { value: input.modelBytes.baseline };
        }
    }
    if (input.candidate.kind === 'classification') {
        result.confusion_matrix = {
            labels: input.classes ?? input.candidate.classes,
            matrix: (0,classification/* confusionMatrix */.gM)(input.yTrue, input.candidate.label, k),
        };
    }
    if (sliceGroups.length > 0) {
        result.slices = sliceGroups.map(({ column: col, value, group: g }) => {
            const s = summarize(g);
            const out = { column: col, value, rows: g.candidate.size, metrics: s.metrics };
            if (s.comparison)
                out.comparison = s.comparison;
            return out;
        });
    }
    if (input.gates) {
        const { verdict, regressedSlices } = evaluateGates(input.gates, {
            metrics: result.metrics,
            baseline_metrics: result.baseline_metrics,
            comparison: result.comparison,
            slices: result.slices,
            signatures: input.signatures,
            directions: input.directions,
        });
        result.gates = verdict;
        for (const s of result.slices ?? []) {
            if (input.gates.slices && input.baseline)
                s.regressed = regressedSlices.has(`${s.column}=${s.value}`);
        }
    }
    return result;
}
/** Point values (metrics undefined on these rows are left out) with percentile intervals. */
function values(engine, bootMatrix, confidence) {
    const point = new Float64Array(engine.names.length);
    engine.compute(null, point);
    const out = {};
    engine.names.forEach((name, j) => {
        const v = point[j];
        if (!Number.isFinite(v))
            return;
        const mv = { value: v };
        if (bootMatrix) {
            const ci = percentileInterval(column(bootMatrix, engine.names.length, j), confidence);
            if (ci)
                mv.ci = ci;
        }
        out[name] = mv;
    });
    return out;
}
/** Row indices per slice value, in first-seen order; null values belong to no slice. */
function groupRows(values) {
    const lists = new Map();
    values.forEach((v, i) => {
        if (v === null)
            return;
        let l = lists.get(v);
        if (!l)
            lists.set(v, (l = []));
        l.push(i);
    });
    return new Map([...lists].map(([v, l]) => [v, Uint32Array.from(l)]));
}

// EXTERNAL MODULE: ./src/core/report/evaluation-report.ts
var evaluation_report = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/data/csv.ts + 2 modules
var csv = __webpack_require__(8797);
// EXTERNAL MODULE: ./src/data/fingerprint.ts
var fingerprint = __webpack_require__(760);
;// CONCATENATED MODULE: ./src/onnx/bindings.ts

const KINDS = {
    float: 'float',
    double: 'double',
    int64: 'int64',
    int32: 'int32',
    string: 'string',
};
function width(spec) {
    const d = spec.shape[1];
    return typeof d === 'number' ? d : undefined;
}
/** Maps data columns to model inputs: by name (one column per input) or in order (one wide input). */
function planInputs(signature, columns, ctx) {
    const inputs = signature.inputs;
    if (inputs.length === 0)
        throw new errors/* ModelciError */.wN('MODEL', 'the model has no inputs', { file: ctx.model });
    const kindOf = (spec) => {
        const kind = KINDS[spec.type];
        if (!kind)
            throw new errors/* ModelciError */.wN('MODEL', `model input "${spec.name}" has element type ${spec.type}, which tabular data cannot feed`, { file: ctx.model, hint: 'Export the model with float, double, int64 or string inputs' });
        return kind;
    };
    const has = new Set(columns);
    const byName = inputs.every((i) => has.has(i.name));
    if (inputs.length > 1 || (byName && width(inputs[0]) === 1)) {
        return inputs.map((spec) => {
            if (!has.has(spec.name))
                throw new errors/* ModelciError */.wN('DATA', `model input "${spec.name}" has no column of that name in the data`, {
                    file: ctx.data,
                    hint: `A model with several inputs is fed one column per input, by name. Model inputs: ${inputs.map((i) => i.name).join(', ')}; data columns: ${preview(columns)}`,
                });
            if (spec.name === ctx.label)
                throw new errors/* ModelciError */.wN('DATA', `model input "${spec.name}" is the label column`, {
                    file: ctx.data,
                    hint: 'The label must not be a model input; check --label',
                });
            const w = width(spec);
            if (spec.shape.length > 2 || (w !== undefined && w !== 1))
                throw new errors/* ModelciError */.wN('MODEL', `model input "${spec.name}" has shape [${spec.shape.map(String).join(', ')}]; a per-column input must be [N] or [N, 1]`, { file: ctx.model });
            return {
                input: spec.name,
                kind: kindOf(spec),
                columns: [spec.name],
                rank1: spec.shape.length === 1,
            };
        });
    }
    const spec = inputs[0];
    const features = ctx.features ?? columns.filter((c) => c !== ctx.label);
    for (const f of features)
        if (!has.has(f))
            throw new errors/* ModelciError */.wN('DATA', `feature column "${f}" is not in the data`, {
                file: ctx.data,
                hint: `Data columns: ${preview(columns)}`,
            });
    if (features.includes(ctx.label))
        throw new errors/* ModelciError */.wN('DATA', `the label column "${ctx.label}" is listed as a feature`, {
            file: ctx.data,
            hint: 'Remove it from the features',
        });
    const w = width(spec);
    if (spec.shape.length !== 2 && spec.shape.length !== 0)
        throw new errors/* ModelciError */.wN('MODEL', `model input "${spec.name}" has shape [${spec.shape.map(String).join(', ')}]; tabular data feeds [N, features]`, { file: ctx.model });
    if (w !== undefined && w !== features.length)
        throw new errors/* ModelciError */.wN('DATA', `model input "${spec.name}" takes ${w} values per row but the data has ${features.length} feature columns${ctx.features ? '' : ` (every column but the label "${ctx.label}")`}`, {
            file: ctx.data,
            hint: `Name the ${w} feature columns in model order (modelci.yaml data.features, or --features a,b,c)`,
        });
    return [{ input: spec.name, kind: kindOf(spec), columns: features, rank1: false }];
}
function preview(columns) {
    return columns.length > 20 ? `${columns.slice(0, 20).join(', ')}, ...` : columns.join(', ');
}
const isTensor = (t) => KINDS[t.type] !== undefined || t.type === 'bool';
const isFloat = (t) => t.type === 'float' || t.type === 'double';
/** Picks the outputs that carry predictions for the task. */
function planOutputs(signature, task, model) {
    const outs = signature.outputs;
    const listed = outs
        .map((o) => `${o.name} (${o.type} [${o.shape.map(String).join(', ')}])`)
        .join(', ');
    const nonTensor = outs.find((o) => !isTensor(o));
    if (nonTensor && outs.every((o) => !isTensor(o) || !isFloat(o)))
        throw new errors/* ModelciError */.wN('MODEL', `model output "${nonTensor.name}" is a ${nonTensor.type}, which onnxruntime-node cannot return`, {
            file: model,
            hint: "Export probabilities as a tensor: skl2onnx convert_sklearn(..., options={id(model): {'zipmap': False}})",
        });
    const floats = outs.filter((o) => isFloat(o) && o.shape.length <= 2);
    if (task === 'regression') {
        const value = floats.find((o) => /variable|predict|output|value|score/i.test(o.name)) ?? floats[0];
        if (!value ||
            (value.shape.length === 2 && typeof value.shape[1] === 'number' && value.shape[1] !== 1))
            throw new errors/* ModelciError */.wN('MODEL', `no regression output of shape [N] or [N, 1] among: ${listed}`, {
                file: model,
            });
        return { kind: 'regression', value: value.name };
    }
    const labels = outs.filter((o) => (o.type === 'int64' || o.type === 'int32' || o.type === 'string') && o.shape.length <= 2);
    const label = labels.find((o) => /label/i.test(o.name)) ?? (labels.length === 1 ? labels[0] : undefined);
    const probs = floats.filter((o) => o.shape.length === 2 || o.shape.length === 1);
    const proba = probs.find((o) => /prob/i.test(o.name)) ??
        (probs.length === 1 ? probs[0] : probs.find((o) => o.shape.length === 2));
    if (!label && !proba)
        throw new errors/* ModelciError */.wN('MODEL', `no classifier output (labels or probabilities) among: ${listed}`, {
            file: model,
            hint: 'A classifier needs a probability tensor [N, classes] or a label tensor [N]',
        });
    const positiveOnly = !!proba && (proba.shape.length === 1 || (proba.shape.length === 2 && proba.shape[1] === 1));
    if (positiveOnly && task === 'multiclass')
        throw new errors/* ModelciError */.wN('MODEL', `model output "${proba.name}" has one column; a multiclass model needs one probability per class`, { file: model });
    return {
        kind: 'classification',
        ...(label ? { label: label.name } : {}),
        ...(proba ? { proba: proba.name } : {}),
        positiveOnly,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/onnx/proto.ts
var proto = __webpack_require__(261);
// EXTERNAL MODULE: ./src/onnx/runtime.ts
var runtime = __webpack_require__(7663);
// EXTERNAL MODULE: ./src/onnx/signature.ts
var signature = __webpack_require__(9237);
;// CONCATENATED MODULE: ./src/onnx/zipmap.ts


const decoder = new TextDecoder();
/** Returns the rewritten model, or undefined when no graph output comes from a ZipMap. */
function removeZipMap(bytes, file) {
    const message = proto/* ModelProtoType */.AT.decode(bytes);
    const model = proto/* ModelProtoType */.AT.toObject(message, { ...proto/* TO_OBJECT */.ej, bytes: Uint8Array });
    const graph = model.graph;
    if (!graph)
        return undefined;
    const outputs = graph.output ?? [];
    const nodes = graph.node ?? [];
    const zipIndex = nodes.findIndex((n) => n.opType === 'ZipMap' &&
        n.domain === 'ai.onnx.ml' &&
        outputs.some((o) => o.name === n.output?.[0]));
    if (zipIndex < 0)
        return undefined;
    const zip = nodes[zipIndex];
    const source = zip.input?.[0];
    if (!source)
        throw new errors/* ModelciError */.wN('MODEL', 'the ZipMap node has no input', {
            file,
            hint: "Re-export with options={id(model): {'zipmap': False}} in skl2onnx's convert_sklearn/to_onnx",
        });
    if (nodes.filter((n) => n.opType === 'ZipMap').length > 1)
        throw new errors/* ModelciError */.wN('MODEL', 'the model has several ZipMap nodes', {
            file,
            hint: "Re-export with options={id(model): {'zipmap': False}} in skl2onnx's convert_sklearn/to_onnx",
        });
    const classes = zipClasses(zip.attribute ?? []);
    const width = classes.length;
    graph.node = nodes.filter((_, i) => i !== zipIndex);
    graph.output = outputs.map((o) => o.name === zip.output?.[0]
        ? {
            name: source,
            type: {
                tensorType: {
                    elemType: 1,
                    shape: { dim: [{ dimParam: 'N' }, width ? { dimValue: width } : {}] },
                },
            },
        }
        : o);
    const rewritten = proto/* ModelProtoType */.AT.encode(proto/* ModelProtoType */.AT.fromObject(model)).finish();
    return { bytes: rewritten, probabilities: source, classes };
}
function zipClasses(attrs) {
    for (const a of attrs) {
        if (a.name === 'classlabels_int64s')
            return a.ints ?? [];
        if (a.name === 'classlabels_strings')
            return (a.strings ?? []).map((s) => decoder.decode(s));
    }
    return [];
}

;// CONCATENATED MODULE: ./src/onnx/model.ts







const model_decoder = new TextDecoder();
async function loadOnnxModel(file) {
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(file);
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('FILE', `cannot read model file: ${e.message}`, {
            file,
            hint: 'Check the path',
        });
    }
    const info = (0,signature/* parseOnnxModelInfo */.Cq)(bytes, file);
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    const size = bytes.length;
    let classes = graphClasses(bytes);
    let runSignature = info.signature;
    let zipmapRemoved;
    const zipOut = info.signature.outputs.find((o) => o.type.startsWith('sequence<map<'));
    if (zipOut) {
        const rewrite = removeZipMap(bytes, file);
        if (!rewrite)
            throw new errors/* ModelciError */.wN('MODEL', `model output "${zipOut.name}" is a ${zipOut.type} that does not come from a ZipMap node; onnxruntime-node cannot return it`, {
                file,
                hint: "Export probabilities as a tensor: skl2onnx convert_sklearn(..., options={id(model): {'zipmap': False}})",
            });
        bytes = rewrite.bytes;
        if (rewrite.classes.length)
            classes = rewrite.classes;
        runSignature = (0,signature/* parseOnnxModelInfo */.Cq)(bytes, file).signature;
        zipmapRemoved = { output: zipOut.name, probabilities: rewrite.probabilities };
    }
    const ort = await (0,runtime/* loadOnnxRuntime */.aD)();
    let session;
    try {
        session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('MODEL', `onnxruntime cannot load the model: ${firstLine(e)}`, {
            file,
            hint: 'Check that the exporter targets an opset onnxruntime supports (ai.onnx ≤ 22, ai.onnx.ml ≤ 5)',
        });
    }
    return {
        file,
        bytes: size,
        sha256,
        info,
        runSignature,
        ...(classes ? { classes } : {}),
        ...(zipmapRemoved ? { zipmapRemoved } : {}),
        session,
    };
}
function firstLine(e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
}
/** classlabels_* of the graph's ai.onnx.ml classifier (LinearClassifier, TreeEnsembleClassifier, SVMClassifier...). */
function graphClasses(bytes) {
    const model = proto/* ModelProtoType */.AT.toObject(proto/* ModelProtoType */.AT.decode(bytes), {
        ...proto/* TO_OBJECT */.ej,
        bytes: Uint8Array,
    });
    for (const node of model.graph?.node ?? []) {
        if (node.domain !== 'ai.onnx.ml' || node.opType === 'ZipMap')
            continue;
        for (const a of node.attribute ?? []) {
            if ((a.name === 'classlabels_ints' || a.name === 'classlabels_int64s') && a.ints?.length)
                return a.ints;
            if (a.name === 'classlabels_strings' && a.strings?.length)
                return a.strings.map((s) => model_decoder.decode(s));
        }
    }
    return undefined;
}
/** Builds the input tensors for a batch, runs the session and reads the planned outputs. */
async function predictBatch(model, inputs, outputs, batch) {
    const ort = await (0,runtime/* loadOnnxRuntime */.aD)();
    const n = batch.length;
    const feeds = {};
    for (const plan of inputs) {
        const w = plan.columns.length;
        const dims = plan.rank1 ? [n] : [n, w];
        if (plan.kind === 'string') {
            const data = new Array(n * w);
            plan.columns.forEach((c, j) => {
                const col = batch.strings.get(c);
                for (let i = 0; i < n; i++)
                    data[i * w + j] = col[i];
            });
            feeds[plan.input] = new ort.Tensor('string', data, dims);
            continue;
        }
        const data = plan.kind === 'float'
            ? new Float32Array(n * w)
            : plan.kind === 'double'
                ? new Float64Array(n * w)
                : plan.kind === 'int32'
                    ? new Int32Array(n * w)
                    : new BigInt64Array(n * w);
        plan.columns.forEach((c, j) => {
            const col = batch.numeric.get(c);
            if (data instanceof BigInt64Array)
                for (let i = 0; i < n; i++)
                    data[i * w + j] = BigInt(Math.trunc(col[i]));
            else
                for (let i = 0; i < n; i++)
                    data[i * w + j] = col[i];
        });
        const type = plan.kind === 'float' ? 'float32' : plan.kind === 'double' ? 'float64' : plan.kind;
        feeds[plan.input] = new ort.Tensor(type, data, dims);
    }
    const names = outputs.kind === 'regression'
        ? [outputs.value]
        : [outputs.label, outputs.proba].filter((x) => !!x);
    const t0 = performance.now();
    let result;
    try {
        result = await model.session.run(feeds, names);
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('MODEL', `inference failed: ${firstLine(e)}`, {
            file: model.file,
            hint: 'Check that the data columns match what the model was trained on',
        });
    }
    const ms = performance.now() - t0;
    if (outputs.kind === 'regression') {
        const t = result[outputs.value];
        if (t.size !== n)
            throw new errors/* ModelciError */.wN('MODEL', `output "${outputs.value}" has ${t.size} values for ${n} rows`, {
                file: model.file,
                hint: 'A regression model must return one value per row',
            });
        return { value: Float64Array.from(t.data), ms };
    }
    const pred = { ms };
    if (outputs.label) {
        const t = result[outputs.label];
        const d = t.data;
        pred.labels = Array.from(d, (v) => typeof v === 'bigint' ? Number(v) : v);
    }
    if (outputs.proba) {
        const t = result[outputs.proba];
        const data = t.data;
        if (outputs.positiveOnly) {
            const proba = new Float64Array(2 * n);
            for (let i = 0; i < n; i++) {
                const p = data[i];
                if (!(p >= 0 && p <= 1))
                    throw new errors/* ModelciError */.wN('MODEL', `output "${outputs.proba}" gave ${p} for a row; a one-column classifier output must be a probability in [0, 1]`, {
                        file: model.file,
                        hint: 'End the graph with a Sigmoid (export probabilities, not logits)',
                    });
                proba[2 * i] = 1 - p;
                proba[2 * i + 1] = p;
            }
            pred.proba = proba;
            pred.k = 2;
        }
        else {
            pred.k = t.dims.length === 2 ? Number(t.dims[1]) : 1;
            pred.proba = Float64Array.from(data);
        }
    }
    return pred;
}

// EXTERNAL MODULE: ./src/core/serve/protocol.ts
var protocol = __webpack_require__(5507);
;// CONCATENATED MODULE: ./src/commands/growable.ts
/** Append-only Float64 buffer that doubles as it grows: predictions for millions of rows, no copies per batch. */
class Growable {
    buf = new Float64Array(1024);
    len = 0;
    push(values) {
        if (this.len + values.length > this.buf.length) {
            let cap = this.buf.length * 2;
            while (cap < this.len + values.length)
                cap *= 2;
            const next = new Float64Array(cap);
            next.set(this.buf.subarray(0, this.len));
            this.buf = next;
        }
        this.buf.set(values, this.len);
        this.len += values.length;
    }
    get length() {
        return this.len;
    }
    view() {
        return this.buf.subarray(0, this.len);
    }
}
/** Predicted class values as the model returns them (numbers or strings). */
class GrowableValues {
    items = [];
    push(values) {
        for (const v of values)
            this.items.push(v);
    }
    values() {
        return this.items;
    }
}

;// CONCATENATED MODULE: ./src/commands/evaluate.ts









const DEFAULT_SMOKE_SAMPLES = 10;
/** One single-row inference request per row (the first `count`), as a client of serve sends it. */
function smokeRequestsOf(model, plans, cols, count) {
    const datatypes = plans.map((p) => {
        if (p.kind === 'string')
            return 'BYTES';
        const type = model.runSignature.inputs.find((i) => i.name === p.input)?.type ?? 'float';
        return (0,protocol/* datatypeOfOnnxType */.tF)(type) ?? 'FP32';
    });
    const out = [];
    for (let r = 0; r < Math.min(count, cols.length); r++)
        out.push(plans.map((p, k) => ({
            name: p.input,
            shape: p.rank1 ? [1] : [1, p.columns.length],
            datatype: datatypes[k],
            data: p.columns.map((c) => p.kind === 'string' ? cols.strings.get(c)[r] : cols.numeric.get(c)[r]),
        })));
    return out;
}
async function runEvaluate(opts) {
    const warnings = [];
    const candidate = await loadOnnxModel(opts.model);
    const baseline = opts.baseline ? await loadOnnxModel(opts.baseline) : undefined;
    const task = opts.task ?? inferTask(candidate);
    const source = await (0,csv/* openCsv */.f)(opts.data);
    const dataFingerprint = (0,fingerprint/* fingerprintFile */.R)(opts.data);
    dataFingerprint.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    if (!source.columns.includes(opts.label))
        throw new errors/* ModelciError */.wN('DATA', `no label column "${opts.label}"`, {
            file: opts.data,
            hint: `Columns are: ${source.columns.slice(0, 20).join(', ')}; pass the right one with --label`,
        });
    for (const s of opts.slices ?? [])
        if (!source.columns.includes(s))
            throw new errors/* ModelciError */.wN('DATA', `no slice column "${s}"`, {
                file: opts.data,
                hint: 'Fix evaluate.slices in modelci.yaml',
            });
    const ctx = {
        data: opts.data,
        label: opts.label,
        ...(opts.features ? { features: opts.features } : {}),
    };
    const side = (model) => ({
        model,
        inputs: planInputs(model.runSignature, source.columns, { ...ctx, model: model.file }),
        outputs: planOutputs(model.runSignature, task, model.file),
        labels: new GrowableValues(),
        proba: new Growable(),
        value: new Growable(),
        k: 0,
        latency: [],
    });
    const sides = [side(candidate), ...(baseline ? [side(baseline)] : [])];
    // Columns to read: numbers for numeric inputs (and numeric labels), text for the rest.
    const stringLabels = task !== 'regression' && (candidate.classes ?? []).some((c) => typeof c === 'string');
    const numeric = new Set();
    const strings = new Set(opts.slices ?? []);
    for (const s of sides)
        for (const p of s.inputs)
            for (const c of p.columns)
                (p.kind === 'string' ? strings : numeric).add(c);
    (stringLabels ? strings : numeric).add(opts.label);
    const numericCols = [...numeric];
    const stringCols = [...strings];
    const featureCols = numericCols.filter((c) => c !== opts.label);
    const yNum = new Growable();
    const yStr = [];
    const sliceValues = Object.fromEntries((opts.slices ?? []).map((s) => [s, []]));
    let dropped = 0;
    let rows = 0;
    const smokeCount = opts.smokeSamples ? (opts.smokeSamples.count ?? DEFAULT_SMOKE_SAMPLES) : 0;
    const smokeRequests = [];
    for await (const batch of source.scan({
        numeric: numericCols,
        strings: stringCols,
        batchSize: opts.batchSize ?? 16384,
        onInvalidNumber: opts.dropInvalid ? 'nan' : 'error',
    })) {
        const num = new Map(numericCols.map((c, i) => [c, batch.numeric[i]]));
        const str = new Map(stringCols.map((c, i) => [c, batch.strings[i]]));
        // Rows with a missing value in a used column: an error naming row and column, or dropped.
        // Column by column over the typed arrays (NaN !== NaN): the hot loop of a large evaluation.
        const badCol = new Int32Array(batch.length).fill(-1);
        let anyBad = false;
        const checked = stringLabels ? featureCols : [...featureCols, opts.label];
        for (let c = 0; c < checked.length; c++) {
            const a = num.get(checked[c]);
            for (let r = 0; r < batch.length; r++)
                if (a[r] !== a[r] && badCol[r] < 0) {
                    badCol[r] = c;
                    anyBad = true;
                }
        }
        if (stringLabels) {
            const labels = str.get(opts.label);
            for (let r = 0; r < batch.length; r++)
                if (badCol[r] < 0 && labels[r].trim() === '') {
                    badCol[r] = checked.length;
                    anyBad = true;
                }
        }
        const keep = [];
        if (anyBad) {
            for (let r = 0; r < batch.length; r++) {
                const c = badCol[r];
                if (c < 0)
                    keep.push(r);
                else if (opts.dropInvalid)
                    dropped++;
                else
                    throw new errors/* ModelciError */.wN('DATA', 'missing or invalid value', {
                        file: opts.data,
                        row: batch.lines[r],
                        column: c < checked.length ? checked[c] : opts.label,
                        hint: 'Fill it in, or pass --drop-invalid (action input drop-invalid) to drop such rows and count them',
                    });
            }
        }
        const n = anyBad ? keep.length : batch.length;
        if (n === 0)
            continue;
        const all = !anyBad;
        const pick = (a) => all ? a : Float64Array.from(keep, (r) => a[r]);
        const pickS = (a) => (all ? a : keep.map((r) => a[r]));
        const cols = {
            length: n,
            numeric: new Map([...num].map(([c, a]) => [c, pick(a)])),
            strings: new Map([...str].map(([c, a]) => [c, pickS(a)])),
        };
        if (stringLabels)
            yStr.push(...cols.strings.get(opts.label));
        else
            yNum.push(cols.numeric.get(opts.label));
        for (const s of opts.slices ?? [])
            sliceValues[s].push(...cols.strings.get(s));
        if (smokeRequests.length < smokeCount)
            smokeRequests.push(...smokeRequestsOf(candidate, sides[0].inputs, cols, smokeCount - smokeRequests.length));
        for (const s of sides) {
            const p = await predictBatch(s.model, s.inputs, s.outputs, cols);
            s.latency.push(p.ms / n);
            if (p.value)
                s.value.push(p.value);
            if (p.labels)
                s.labels.push(p.labels);
            if (p.proba) {
                if (s.k && p.k !== s.k)
                    throw new errors/* ModelciError */.wN('MODEL', 'the probability output changed width between batches', {
                        file: s.model.file,
                    });
                s.k = p.k;
                s.proba.push(p.proba);
            }
        }
        rows += n;
    }
    if (rows === 0)
        throw new errors/* ModelciError */.wN('DATA', dropped
            ? `no rows left after dropping ${dropped} with missing values`
            : 'the data has no rows', { file: opts.data, hint: 'Evaluate on a holdout set with at least one complete row' });
    if (dropped)
        warnings.push(`dropped ${dropped} of ${rows + dropped} rows with missing or invalid values`);
    const input = {
        task,
        yTrue: new Float64Array(0),
        candidate: undefined,
        bootstrap: {
            resamples: opts.bootstrap?.resamples ?? 1000,
            seed: opts.bootstrap?.seed ?? 42,
            confidence: opts.bootstrap?.confidence ?? 0.95,
        },
        latencyMs: {
            candidate: sides[0].latency,
            ...(sides[1] ? { baseline: sides[1].latency } : {}),
        },
        modelBytes: { candidate: candidate.bytes, ...(baseline ? { baseline: baseline.bytes } : {}) },
        signatures: {
            candidate: candidate.info.signature,
            ...(baseline ? { baseline: baseline.info.signature } : {}),
        },
        ...(opts.gates ? { gates: opts.gates } : {}),
        ...(opts.directions ? { directions: opts.directions } : {}),
        ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
        ...(opts.relativeTolerance !== undefined ? { relativeTolerance: opts.relativeTolerance } : {}),
        ...(opts.slices?.length ? { slices: sliceValues } : {}),
    };
    if (task === 'regression') {
        input.yTrue = yNum.view();
        input.candidate = { kind: 'regression', value: sides[0].value.view() };
        if (sides[1])
            input.baseline = { kind: 'regression', value: sides[1].value.view() };
    }
    else {
        const yRaw = stringLabels ? yStr : Array.from(yNum.view());
        const classes = resolveClasses(sides[0], yRaw, task, opts);
        const index = classIndex(classes);
        const yTrue = new Int32Array(rows);
        for (let i = 0; i < rows; i++) {
            const c = index(yRaw[i]);
            if (c === undefined)
                throw new errors/* ModelciError */.wN('DATA', `label ${JSON.stringify(yRaw[i])} is not a class the model knows (classes: ${classes.join(', ')})`, {
                    file: opts.data,
                    column: opts.label,
                    hint: 'Evaluate on data with the classes the model was trained on, or check --label',
                });
            yTrue[i] = c;
        }
        input.yTrue = yTrue;
        input.classes = classes;
        const cand = classifierPredictions(sides[0], classes, rows);
        input.candidate = cand;
        if (sides[1]) {
            const bClasses = resolveClasses(sides[1], yRaw, task, opts);
            if (bClasses.length !== classes.length || bClasses.some((c) => index(c) === undefined))
                throw new errors/* ModelciError */.wN('MODEL', `the baseline's classes (${bClasses.join(', ')}) differ from the candidate's (${classes.join(', ')})`, { file: sides[1].model.file, hint: 'Compare models trained for the same classes' });
            input.baseline = classifierPredictions(sides[1], classes, rows, bClasses);
        }
        const predicted = new Set(cand.label);
        const never = classes.filter((_, c) => !predicted.has(c));
        if (never.length)
            warnings.push(`the candidate never predicts class ${never.map((c) => JSON.stringify(c)).join(', ')} on this data: per-class precision for it is 0 by convention (as scikit-learn's zero_division=0)`);
        const present = new Set(yTrue);
        const absent = classes.filter((_, c) => !present.has(c));
        if (absent.length)
            warnings.push(`class ${absent.map((c) => JSON.stringify(c)).join(', ')} has no rows in the data: its recall is undefined and counts as 0 in macro averages`);
    }
    const result = evaluatePredictions(input);
    const dataset = await dataFingerprint;
    const report = {
        schema: evaluation_report/* EVALUATION_REPORT_SCHEMA */.G,
        model_name: opts.modelName ?? 'model',
        task,
        candidate: {
            model: { path: opts.model, sha256: candidate.sha256, bytes: candidate.bytes },
            signature: candidate.info.signature,
            ...(opts.params ? { params: opts.params } : {}),
        },
        ...(baseline
            ? {
                baseline: {
                    model: { path: opts.baseline, sha256: baseline.sha256, bytes: baseline.bytes },
                    signature: baseline.info.signature,
                    source: opts.baselineSource ?? 'file',
                    ...(opts.baselineVersion ? { version: opts.baselineVersion } : {}),
                },
            }
            : {}),
        dataset: {
            ...dataset,
            rows,
            label: opts.label,
            dropped_rows: dropped,
            ...(opts.trainingData ? { training_data: opts.trainingData } : {}),
        },
        ...result,
        bootstrap: input.bootstrap,
    };
    if (!opts.smokeSamples)
        return { report, warnings };
    // Recorded by serve's own model loader, so the outputs are exactly what the server answers.
    const { recordSmokeSamples } = await __webpack_require__.e(/* import() */ 656).then(__webpack_require__.bind(__webpack_require__, 656));
    const count = await recordSmokeSamples(opts.model, smokeRequests, opts.smokeSamples.file);
    return { report, warnings, smokeSamples: { file: opts.smokeSamples.file, count } };
}
/** Without --task: classifier operators or class labels mean classification, else regression. */
function inferTask(model) {
    const ops = model.info.operators;
    const classifier = model.classes !== undefined ||
        ops.some((o) => /Classifier|ZipMap|Softmax|Sigmoid|ArgMax/.test(o)) ||
        model.runSignature.outputs.some((o) => /prob|label/i.test(o.name));
    if (!classifier)
        return 'regression';
    const k = model.classes?.length ?? probaWidth(model);
    return k !== undefined && k > 2 ? 'multiclass' : 'binary';
}
function probaWidth(model) {
    for (const o of model.runSignature.outputs) {
        if ((o.type === 'float' || o.type === 'double') && o.shape.length === 2) {
            const w = o.shape[1];
            if (typeof w === 'number')
                return w === 1 ? 2 : w;
        }
    }
    return undefined;
}
/** Class labels in probability-column order: the graph's, else 0..k-1, else the values seen. */
function resolveClasses(side, yRaw, task, opts) {
    if (side.model.classes)
        return side.model.classes;
    if (side.k) {
        if (task === 'binary' && side.k !== 2)
            throw new errors/* ModelciError */.wN('MODEL', `--task binary but the model gives ${side.k} probabilities per row`, {
                file: side.model.file,
                hint: 'Use --task multiclass',
            });
        return Array.from({ length: side.k }, (_, i) => i);
    }
    const seen = new Set(yRaw);
    for (const v of side.labels.values())
        seen.add(v);
    const all = [...seen];
    if (opts.task === 'binary' && all.length > 2)
        throw new errors/* ModelciError */.wN('DATA', `--task binary but the labels have ${all.length} values`, {
            file: opts.data,
            column: opts.label,
        });
    return all.every((v) => typeof v === 'number')
        ? all.sort((a, b) => a - b)
        : all.map(String).sort();
}
function classIndex(classes) {
    const map = new Map();
    classes.forEach((c, i) => map.set(String(c), i));
    return (v) => map.get(String(v));
}
function classifierPredictions(side, classes, rows, ownClasses = classes) {
    const index = classIndex(classes);
    const k = classes.length;
    const label = new Int32Array(rows);
    let proba;
    if (side.k) {
        if (side.k !== ownClasses.length)
            throw new errors/* ModelciError */.wN('MODEL', `the model gives ${side.k} probabilities per row but declares ${ownClasses.length} classes`, { file: side.model.file });
        const src = side.proba.view();
        const cols = ownClasses.map((c) => index(c));
        proba = new Float64Array(rows * k);
        for (let i = 0; i < rows; i++)
            for (let j = 0; j < k; j++)
                proba[i * k + cols[j]] = src[i * k + j];
    }
    const raw = side.labels.values();
    for (let i = 0; i < rows; i++) {
        if (raw.length) {
            const c = index(raw[i]);
            if (c === undefined)
                throw new errors/* ModelciError */.wN('MODEL', `the model predicted ${JSON.stringify(raw[i])}, which is not one of its classes`, {
                    file: side.model.file,
                });
            label[i] = c;
        }
        else {
            let best = 0;
            for (let j = 1; j < k; j++)
                if (proba[i * k + j] > proba[i * k + best])
                    best = j;
            label[i] = best;
        }
    }
    return { kind: 'classification', classes, label, ...(proba ? { proba } : {}) };
}

// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
;// CONCATENATED MODULE: ./src/commands/evaluate-request.ts


const TASKS = new Set(['binary', 'multiclass', 'regression']);
function parseTask(v) {
    if (v === undefined)
        return undefined;
    if (!TASKS.has(v))
        throw new errors/* ModelciError */.wN('USAGE', `task must be binary, multiclass or regression (got "${v}")`);
    return v;
}
async function resolveEvaluateRequest(req, resolveBaseline) {
    const loaded = (0,load/* loadConfig */.Z9)(req.config, { explicit: req.config !== undefined });
    const names = Object.keys(loaded.config.models);
    const { name, model: m } = req.name || names.length === 1
        ? (0,load/* resolveModel */.AX)(loaded, req.name)
        : { name: req.name ?? 'model', model: {} };
    const need = (v, what, flag, key) => {
        if (v)
            return v;
        throw new errors/* ModelciError */.wN('USAGE', `no ${what}`, {
            hint: `Pass ${flag}, or set models.${name}.${key} in modelci.yaml`,
        });
    };
    const model = req.model;
    if (!model)
        throw new errors/* ModelciError */.wN('USAGE', 'no model file', {
            hint: 'Pass --model <file.onnx> (action input model)',
        });
    const data = need(req.data ?? m.data?.holdout, 'evaluation data', '--data', 'data.holdout');
    const label = need(req.label ?? m.data?.label, 'label column', '--label', 'data.label');
    const ev = m.evaluate ?? {};
    let baseline = req.baseline ?? ev.baseline;
    let baselineSource;
    let baselineVersion;
    if (baseline && /^(production|staging)$/.test(baseline)) {
        const found = resolveBaseline ? await resolveBaseline(name, baseline) : undefined;
        if (!found && !resolveBaseline)
            throw new errors/* ModelciError */.wN('CONFIG', `baseline "${baseline}" needs the model registry`, {
                hint: 'Pass a baseline .onnx file instead (--baseline, action input baseline)',
            });
        // No version in that stage yet: the first model is evaluated on its own.
        baseline = found?.file;
        baselineSource = found?.source;
        baselineVersion = found?.version;
    }
    const boot = ev.bootstrap ?? {};
    return {
        model,
        data,
        label,
        modelName: name,
        ...((req.task ?? m.task) ? { task: (req.task ?? m.task) } : {}),
        ...(baseline ? { baseline, baselineSource: baselineSource ?? 'file' } : {}),
        ...(baselineVersion ? { baselineVersion } : {}),
        ...((req.features ?? m.data?.features)
            ? { features: (req.features ?? m.data?.features) }
            : {}),
        ...((req.slices ?? ev.slices) ? { slices: (req.slices ?? ev.slices) } : {}),
        dropInvalid: req.dropInvalid ?? ev.drop_invalid ?? false,
        ...((req.batchSize ?? ev.batch_size) ? { batchSize: (req.batchSize ?? ev.batch_size) } : {}),
        bootstrap: {
            resamples: req.resamples ?? boot.resamples ?? 1000,
            seed: req.seed ?? boot.seed ?? 42,
            confidence: boot.confidence ?? 0.95,
        },
        ...(m.gates ? { gates: m.gates } : {}),
        ...metricSettings({ ...loaded.config.metrics, ...m.metrics }),
    };
}
function metricSettings(metrics) {
    return {
        ...(metrics.tolerance !== undefined ? { tolerance: metrics.tolerance } : {}),
        ...(metrics.relative_tolerance !== undefined
            ? { relativeTolerance: metrics.relative_tolerance }
            : {}),
        ...(metrics.directions ? { directions: metrics.directions } : {}),
    };
}

// EXTERNAL MODULE: ./src/registry/registry.ts
var registry = __webpack_require__(7936);
;// CONCATENATED MODULE: ./src/registry/baseline.ts



/**
 * Resolves `baseline: production` (or `staging`) to the artifact the registry's stage pointer
 * names, sha256-verified. No registry, no model or an empty stage means no baseline yet: the first
 * model of a project is evaluated on its own.
 */
function registryBaselineResolver(opts = {}) {
    return async (modelName, stage) => {
        const dir = opts.registry ??
            (0,load/* loadConfig */.Z9)(opts.config, { explicit: opts.config !== undefined }).config.registry?.path ??
            'registry';
        if (!(0,external_node_fs_.existsSync)(dir))
            return undefined;
        const reg = (0,registry/* openRegistry */.Me)(dir);
        if (!reg.listModels().includes(modelName) || !reg.getStage(modelName, stage))
            return undefined;
        const record = reg.resolve(modelName, `#${stage}`);
        return {
            file: await reg.readArtifact(record),
            version: record.version,
            source: `registry:${stage}@${record.version}`,
        };
    };
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/evaluate.ts






/** Exit code when the evaluation ran and `--fail-on-gates` was asked and a gate failed. */
const GATES_FAILED_EXIT = 3;
function integer(v, flag) {
    if (v === undefined)
        return undefined;
    if (!/^\d+$/.test(v))
        throw new errors/* ModelciError */.wN('USAGE', `${flag} must be a whole number (got "${v}")`);
    return Number(v);
}
function csvList(values) {
    const out = values
        .flatMap((v) => v.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
    return out.length ? out : undefined;
}
const evaluateCommand = {
    name: 'evaluate',
    summary: 'Evaluate an ONNX model on a holdout CSV: metrics with intervals, baseline comparison, gates',
    usage: [
        'Usage: modelci evaluate --model <file.onnx> --data <file.csv> --label <column>',
        '         [--task binary|multiclass|regression] [--baseline <file.onnx>|production|staging] [--json]',
        '',
        'Options:',
        '  --features <a,b,...>   feature columns in model input order (default: all but the label)',
        '  --slice <column>       metrics per value of this column (repeatable)',
        '  --drop-invalid         drop rows with missing/invalid values and count them (default: error)',
        '  --resamples <n>        bootstrap resamples for the intervals (default 1000; 0 = none)',
        '  --seed <n>             bootstrap seed (default 42)',
        '  --batch-size <n>       rows per inference batch (default 16384)',
        '  --config <file>        modelci.yaml (default: ./modelci.yaml when present)',
        '  --name <model>         model name in modelci.yaml (data, gates, slices come from there)',
        '  --out <file>           also write the report JSON to this file',
        "  --smoke-samples <file> record the model's answers to the first rows as deploy smoke samples",
        '  --smoke-count <n>      how many (default 10)',
        '  --fail-on-gates        exit 3 when a gate fails (otherwise gates only report)',
        '  --json                 print the report as one JSON object',
        '',
        'Exit codes: 0 ran, 1 error, 2 usage, 3 gates failed (with --fail-on-gates).',
    ].join('\n'),
    options: {
        model: { type: 'string' },
        data: { type: 'string' },
        label: { type: 'string' },
        task: { type: 'string' },
        baseline: { type: 'string' },
        features: { type: 'string', multiple: true },
        slice: { type: 'string', multiple: true },
        'drop-invalid': { type: 'boolean' },
        resamples: { type: 'string' },
        seed: { type: 'string' },
        'batch-size': { type: 'string' },
        config: { type: 'string' },
        name: { type: 'string' },
        out: { type: 'string' },
        'smoke-samples': { type: 'string' },
        'smoke-count': { type: 'string' },
        'fail-on-gates': { type: 'boolean' },
        json: { type: 'boolean' },
    },
    async run(args, io) {
        const options = await resolveEvaluateRequest({
            config: (0,command/* stringOpt */.rJ)(args, 'config'),
            name: (0,command/* stringOpt */.rJ)(args, 'name'),
            model: (0,command/* stringOpt */.rJ)(args, 'model'),
            data: (0,command/* stringOpt */.rJ)(args, 'data'),
            label: (0,command/* stringOpt */.rJ)(args, 'label'),
            task: parseTask((0,command/* stringOpt */.rJ)(args, 'task')),
            baseline: (0,command/* stringOpt */.rJ)(args, 'baseline'),
            features: csvList((0,command/* listOpt */.sS)(args, 'features')),
            slices: csvList((0,command/* listOpt */.sS)(args, 'slice')),
            ...((0,command/* flagOpt */.ac)(args, 'drop-invalid') ? { dropInvalid: true } : {}),
            resamples: integer((0,command/* stringOpt */.rJ)(args, 'resamples'), '--resamples'),
            seed: integer((0,command/* stringOpt */.rJ)(args, 'seed'), '--seed'),
            batchSize: integer((0,command/* stringOpt */.rJ)(args, 'batch-size'), '--batch-size'),
        }, registryBaselineResolver({
            ...((0,command/* stringOpt */.rJ)(args, 'config') ? { config: (0,command/* stringOpt */.rJ)(args, 'config') } : {}),
        }));
        const smoke = (0,command/* stringOpt */.rJ)(args, 'smoke-samples');
        if (smoke) {
            const count = integer((0,command/* stringOpt */.rJ)(args, 'smoke-count'), '--smoke-count');
            options.smokeSamples = { file: smoke, ...(count !== undefined ? { count } : {}) };
        }
        const { report, warnings, smokeSamples } = await runEvaluate(options);
        for (const w of warnings)
            io.stderr(`modelci evaluate: warning: ${w}\n`);
        if (smokeSamples)
            io.stderr(`modelci evaluate: ${smokeSamples.count} smoke samples -> ${smokeSamples.file}\n`);
        const json = JSON.stringify(report);
        const out = (0,command/* stringOpt */.rJ)(args, 'out');
        if (out)
            (0,external_node_fs_.writeFileSync)(out, json + '\n');
        io.stdout((0,command/* flagOpt */.ac)(args, 'json') ? json + '\n' : summary(report));
        if ((0,command/* flagOpt */.ac)(args, 'fail-on-gates') && report.gates && !report.gates.passed) {
            io.stderr(`modelci evaluate: gates failed: ${report.gates.results
                .filter((g) => !g.passed)
                .map((g) => g.reason)
                .join('; ')}\n`);
            return GATES_FAILED_EXIT;
        }
        return 0;
    },
};
function fmt(v) {
    return v === undefined || !Number.isFinite(v)
        ? String(v)
        : Math.abs(v) >= 1000
            ? v.toFixed(1)
            : v.toPrecision(4);
}
/** Plain-text table for terminals. */
function summary(r) {
    const lines = [
        `${r.model_name} (${r.task}) on ${r.dataset.path}: ${r.dataset.rows} rows${r.dataset.dropped_rows ? `, ${r.dataset.dropped_rows} dropped` : ''}`,
    ];
    const names = Object.keys(r.metrics);
    const w = Math.max(6, ...names.map((n) => n.length));
    for (const name of names) {
        const m = r.metrics[name];
        const c = r.comparison?.[name];
        const ci = m.ci ? `  [${fmt(m.ci[0])}, ${fmt(m.ci[1])}]` : '';
        const cmp = c ? `  vs ${fmt(c.baseline)}: ${c.verdict} (p=${fmt(c.p_value)})` : '';
        lines.push(`  ${name.padEnd(w)}  ${fmt(m.value)}${ci}${cmp}`);
    }
    if (r.gates)
        for (const g of r.gates.results)
            lines.push(`  gate ${g.passed ? 'pass' : 'FAIL'}: ${g.reason}`);
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 6038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ parseThreshold),
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Sc: () => (/* binding */ fmt),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/** Parsing of gate thresholds written in modelci.yaml: `0.01`, `'2%'`, `'10MB'`, `'512KiB'`. */

/** A number is absolute; `'N%'` is relative to |baseline|. */
function parseThreshold(value, path) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
        return { kind: 'absolute', amount: value, text: String(value) };
    }
    const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
    if (!m) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('CONFIG', `must be a non-negative number or a percentage like '2%'`, {
            path,
        });
    }
    return { kind: 'relative', amount: Number(m[1]) / 100, text: `${m[1]}%` };
}
const UNITS = {
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
function parseSize(value, path) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0)
        return value;
    const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([kKMG]i?B|B)?\s*$/.exec(value) : null;
    const unit = m ? UNITS[m[2] ?? 'B'] : undefined;
    if (!m || unit === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('CONFIG', `must be a size like 10MB, 512KiB or a number of bytes`, {
            path,
        });
    }
    return Math.round(Number(m[1]) * unit);
}
/** Human size: 1.2 MB, 340 kB, 12 B (SI units, like the thresholds users write). */
function formatBytes(bytes) {
    if (bytes >= 1e9)
        return `${round3(bytes / 1e9)} GB`;
    if (bytes >= 1e6)
        return `${round3(bytes / 1e6)} MB`;
    if (bytes >= 1e3)
        return `${round3(bytes / 1e3)} kB`;
    return `${bytes} B`;
}
/** 4 significant digits for sentences. */
function fmt(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3))
        return x.toExponential(3);
    return String(Number(x.toPrecision(4)));
}
function round3(x) {
    return String(Number(x.toPrecision(3)));
}


/***/ }),

/***/ 1279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j_: () => (/* binding */ classificationEngine),
  gM: () => (/* binding */ confusionMatrix)
});

// UNUSED EXPORTS: precisionRecallF1

// EXTERNAL MODULE: ./src/core/metrics/engine.ts
var engine = __webpack_require__(8351);
// EXTERNAL MODULE: ./src/core/metrics/names.ts
var metrics_names = __webpack_require__(5917);
;// CONCATENATED MODULE: ./src/core/stats/argsort.ts
/**
 * Stable ascending argsort of doubles. Large arrays use an LSD radix sort on the IEEE-754 bits
 * (4 passes of 16 bits, O(n)), because comparator sorts of index arrays are ~10× slower at 1M rows.
 * NaN must not occur (callers validate); -0 sorts with 0.
 */
function argsort(values) {
    const n = values.length;
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        idx[i] = i;
    if (n < 4096)
        return idx.sort((a, b) => values[a] - values[b] || a - b);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++)
        keys[i] = values[i] + 0; // -0 -> 0
    const words = new Uint32Array(keys.buffer); // little-endian: [lo, hi] per double
    const lo = new Uint32Array(n);
    const hi = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
        const h = words[2 * i + 1];
        const l = words[2 * i];
        // order-preserving map of doubles to unsigned: flip all bits of negatives, the sign of others
        if (h & 0x80000000) {
            hi[i] = ~h >>> 0;
            lo[i] = ~l >>> 0;
        }
        else {
            hi[i] = (h | 0x80000000) >>> 0;
            lo[i] = l;
        }
    }
    let src = idx;
    let dst = new Uint32Array(n);
    const count = new Uint32Array(65536);
    for (const [word, shift] of [
        [lo, 0],
        [lo, 16],
        [hi, 0],
        [hi, 16],
    ]) {
        count.fill(0);
        for (let i = 0; i < n; i++) {
            const d = (word[i] >>> shift) & 0xffff;
            count[d] = count[d] + 1;
        }
        if (count[(word[0] >>> shift) & 0xffff] === n)
            continue; // all equal: no-op pass
        let sum = 0;
        for (let d = 0; d < 65536; d++) {
            const c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (let i = 0; i < n; i++) {
            const j = src[i];
            const d = (word[j] >>> shift) & 0xffff;
            const at = count[d];
            dst[at] = j;
            count[d] = at + 1;
        }
        [src, dst] = [dst, src];
    }
    return src;
}

;// CONCATENATED MODULE: ./src/core/metrics/ranking.ts
/**
 * ROC AUC and average precision from one pass over rows pre-sorted by score: the sort is done
 * once, each (weighted) evaluation is O(n). Tied scores form one threshold (one ROC/PR point), as
 * in scikit-learn, so the trapezoid over a tie gives it half credit.
 */

function rankScores(score, isPositive) {
    const asc = argsort(score);
    const n = asc.length;
    const order = new Uint32Array(n);
    for (let j = 0; j < n; j++)
        order[j] = asc[n - 1 - j];
    const positive = new Uint8Array(n);
    const groupEnd = new Uint8Array(n);
    for (let j = 0; j < n; j++) {
        const i = order[j];
        positive[j] = isPositive(i) ? 1 : 0;
        groupEnd[j] = j === n - 1 || score[order[j + 1]] !== score[i] ? 1 : 0;
    }
    return { order, positive, groupEnd };
}
/** [roc_auc, average_precision] under weights; NaN when positives or negatives weigh 0. */
function aucAndAp(r, w, out, at) {
    const { order, positive, groupEnd } = r;
    let tp = 0;
    let fp = 0;
    let gtp = 0;
    let gfp = 0;
    let area = 0;
    let ap = 0;
    for (let j = 0; j < order.length; j++) {
        const wi = w[order[j]];
        if (positive[j])
            gtp += wi;
        else
            gfp += wi;
        if (groupEnd[j]) {
            area += gfp * (tp + gtp / 2);
            tp += gtp;
            fp += gfp;
            if (gtp > 0)
                ap += (gtp * tp) / (tp + fp);
            gtp = 0;
            gfp = 0;
        }
    }
    out[at] = tp > 0 && fp > 0 ? area / (tp * fp) : NaN;
    out[at + 1] = tp > 0 ? ap / tp : NaN;
}

;// CONCATENATED MODULE: ./src/core/metrics/classification.ts



const EPS = 2.220446049250313e-16;
function classificationEngine(o) {
    const rows = o.rows ?? null;
    const k = o.k;
    const y = (0,engine/* take */.s)(o.yTrue, rows);
    const pred = (0,engine/* take */.s)(o.predictions.label, rows);
    const n = y.length;
    const hasProba = o.predictions.proba !== undefined;
    const all = o.task === 'binary' ? metrics_names/* BINARY_METRICS */.Cd : metrics_names/* MULTICLASS_METRICS */.aS;
    const names = all.filter((m) => hasProba || !metrics_names/* PROBABILITY_METRICS */.Wv.has(m));
    const slot = Object.fromEntries(names.map((m, i) => [m, i]));
    let logLossRow = null;
    let brierRow = null;
    const ranked = [];
    if (o.predictions.proba) {
        const proba = o.predictions.proba;
        logLossRow = new Float64Array(n);
        brierRow = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const base = (rows ? rows[i] : i) * k;
            const yi = y[i];
            let sum = 0;
            let brier = 0;
            for (let c = 0; c < k; c++) {
                const p = proba[base + c];
                sum += Math.min(Math.max(p, EPS), 1 - EPS);
                if (o.task === 'multiclass')
                    brier += (p - (c === yi ? 1 : 0)) ** 2;
            }
            const py = Math.min(Math.max(proba[base + yi], EPS), 1 - EPS);
            logLossRow[i] = -Math.log(py / sum);
            if (o.task === 'binary') {
                brier = (proba[base + o.positive] - (yi === o.positive ? 1 : 0)) ** 2;
            }
            brierRow[i] = brier;
        }
        const classesRanked = o.task === 'binary' ? [o.positive] : Array.from({ length: k }, (_, c) => c);
        for (const c of classesRanked) {
            const score = new Float64Array(n);
            for (let i = 0; i < n; i++)
                score[i] = proba[(rows ? rows[i] : i) * k + c];
            ranked.push(rankScores(score, (i) => y[i] === c));
        }
    }
    const gather = new engine/* WeightGather */.E(rows, n);
    const cm = new Float64Array(k * k);
    const aucScratch = new Float64Array(2);
    return {
        names,
        size: n,
        compute(counts, out) {
            const w = gather.of(counts);
            cm.fill(0);
            let total = 0;
            let lossSum = 0;
            let brierSum = 0;
            for (let i = 0; i < n; i++) {
                const wi = w[i];
                if (wi === 0)
                    continue;
                cm[y[i] * k + pred[i]] += wi;
                total += wi;
                if (logLossRow) {
                    lossSum += wi * logLossRow[i];
                    brierSum += wi * brierRow[i];
                }
            }
            const prf = precisionRecallF1(cm, k);
            let correct = 0;
            for (let c = 0; c < k; c++)
                correct += cm[c * k + c];
            out[slot.accuracy] = total > 0 ? correct / total : NaN;
            if (o.task === 'binary') {
                out[slot.precision] = prf.precision[o.positive];
                out[slot.recall] = prf.recall[o.positive];
                out[slot.f1] = prf.f1[o.positive];
            }
            out[slot.precision_macro] = prf.macro[0];
            out[slot.recall_macro] = prf.macro[1];
            out[slot.f1_macro] = prf.macro[2];
            out[slot.precision_weighted] = prf.weighted[0];
            out[slot.recall_weighted] = prf.weighted[1];
            out[slot.f1_weighted] = prf.weighted[2];
            if (!logLossRow)
                return;
            out[slot.log_loss] = total > 0 ? lossSum / total : NaN;
            out[slot.brier] = total > 0 ? brierSum / total : NaN;
            if (o.task === 'binary') {
                aucAndAp(ranked[0], w, aucScratch, 0);
                out[slot.roc_auc] = aucScratch[0];
                out[slot.pr_auc] = aucScratch[1];
            }
            else {
                // sklearn roc_auc_score(multi_class='ovr', average='macro'): undefined if any class lacks
                // positives (or negatives) in y_true
                let auc = 0;
                let ap = 0;
                for (const r of ranked) {
                    aucAndAp(r, w, aucScratch, 0);
                    auc += aucScratch[0];
                    ap += aucScratch[1];
                }
                out[slot.roc_auc] = auc / k;
                // one-vs-rest macro average precision (sklearn ≥ 1.3 average_precision_score on
                // multiclass y; 1.2 needs label_binarize first): undefined if a class has no positives
                out[slot.pr_auc] = ap / k;
            }
        },
    };
}
/** Per-class and averaged precision/recall/F1 from a k×k confusion matrix (rows = true). */
function precisionRecallF1(cm, k) {
    const precision = new Float64Array(k);
    const recall = new Float64Array(k);
    const f1 = new Float64Array(k);
    const macro = [0, 0, 0];
    const weighted = [0, 0, 0];
    let present = 0;
    let support = 0;
    for (let c = 0; c < k; c++) {
        let trueSum = 0;
        let predSum = 0;
        for (let j = 0; j < k; j++) {
            trueSum += cm[c * k + j];
            predSum += cm[j * k + c];
        }
        const tp = cm[c * k + c];
        const p = predSum > 0 ? tp / predSum : 0;
        const r = trueSum > 0 ? tp / trueSum : 0;
        const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
        precision[c] = p;
        recall[c] = r;
        f1[c] = f;
        if (trueSum > 0 || predSum > 0) {
            present++;
            macro[0] += p;
            macro[1] += r;
            macro[2] += f;
        }
        support += trueSum;
        weighted[0] += trueSum * p;
        weighted[1] += trueSum * r;
        weighted[2] += trueSum * f;
    }
    for (let m = 0; m < 3; m++) {
        macro[m] = present > 0 ? macro[m] / present : NaN;
        weighted[m] = support > 0 ? weighted[m] / support : NaN;
    }
    return { precision, recall, f1, macro, weighted };
}
/** Unweighted k×k confusion matrix, rows = true class, columns = predicted (sklearn's layout). */
function confusionMatrix(yTrue, pred, k) {
    const m = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < yTrue.length; i++)
        m[yTrue[i]][pred[i]]++;
    return m;
}


/***/ }),

/***/ 8351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ WeightGather),
/* harmony export */   s: () => (/* binding */ take)
/* harmony export */ });
/** Per-local-row weights from global counts; `rows` null means local = global. */
class WeightGather {
    rows;
    local;
    ones;
    constructor(rows, size) {
        this.rows = rows;
        this.local = new Int32Array(size);
        this.ones = new Int32Array(size).fill(1);
    }
    of(counts) {
        if (counts === null)
            return this.ones;
        const rows = this.rows;
        if (rows === null)
            return counts;
        const local = this.local;
        for (let i = 0; i < rows.length; i++)
            local[i] = counts[rows[i]];
        return local;
    }
}
/** Copies `src` restricted to `rows` (or returns it when rows is null). */
function take(src, rows) {
    if (rows === null)
        return src;
    const out = new src.constructor(rows.length);
    for (let i = 0; i < rows.length; i++)
        out[i] = src[rows[i]];
    return out;
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ BINARY_METRICS),
/* harmony export */   FR: () => (/* binding */ directionOf),
/* harmony export */   Wv: () => (/* binding */ PROBABILITY_METRICS),
/* harmony export */   aS: () => (/* binding */ MULTICLASS_METRICS),
/* harmony export */   kG: () => (/* binding */ REGRESSION_METRICS)
/* harmony export */ });
const BINARY_METRICS = [
    'accuracy',
    'precision',
    'recall',
    'f1',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'roc_auc',
    'pr_auc',
    'log_loss',
    'brier',
];
const MULTICLASS_METRICS = [
    'accuracy',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'roc_auc',
    'pr_auc',
    'log_loss',
    'brier',
];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'];
/** Metrics that need class probabilities (absent for label-only classifiers). */
const PROBABILITY_METRICS = new Set([
    'roc_auc',
    'pr_auc',
    'log_loss',
    'brier',
]);
const LOWER_IS_BETTER = new Set([
    'log_loss',
    'brier',
    'rmse',
    'mae',
    'mape',
    'mse',
    'latency_p50',
    'latency_p95',
    'model_size_bytes',
]);
/** The better direction of a metric: `overrides` first, then the built-in table; else higher. */
function directionOf(metric, overrides) {
    const o = overrides?.[metric];
    if (o)
        return o;
    return LOWER_IS_BETTER.has(metric) ? 'lower' : 'higher';
}


/***/ }),

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ EVALUATION_REPORT_SCHEMA)
/* harmony export */ });
/**
 * The evaluation report (`modelci evaluate --json`, the evaluate action's `report` file): what the
 * comment renders, what register records, what gates read. Versioned: readers check `schema`.
 * Draft contract shared by the evaluate, comment and registry work; extend, do not rename.
 */
const EVALUATION_REPORT_SCHEMA = 'modelci/evaluation-report@1';


/***/ }),

/***/ 5507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QN: () => (/* binding */ validateAgainstSignature),
/* harmony export */   YF: () => (/* binding */ parseInferenceRequest),
/* harmony export */   bd: () => (/* binding */ ProtocolError),
/* harmony export */   eR: () => (/* binding */ SMOKE_PARAMETER),
/* harmony export */   tF: () => (/* binding */ datatypeOfOnnxType)
/* harmony export */ });
/* unused harmony export DATATYPES */
/**
 * The Open Inference Protocol (KServe v2 REST) messages and their validation against a model's
 * signature. Pure: JSON in, typed flat tensors out (or a ProtocolError with the HTTP status).
 * Spec: https://github.com/kserve/open-inference-protocol (rest_predict_v2.yaml).
 */
/**
 * Request parameter a deploy smoke test sets: the server answers as usual but does not log the
 * prediction, so drift checks on the prediction log see production traffic only.
 */
const SMOKE_PARAMETER = 'modelci_smoke';
/** A request the server rejects; `status` is the HTTP status to answer with. */
class ProtocolError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'ProtocolError';
    }
}
const ONNX_TO_DATATYPE = {
    bool: 'BOOL',
    uint8: 'UINT8',
    uint16: 'UINT16',
    uint32: 'UINT32',
    uint64: 'UINT64',
    int8: 'INT8',
    int16: 'INT16',
    int32: 'INT32',
    int64: 'INT64',
    float16: 'FP16',
    float: 'FP32',
    float32: 'FP32',
    double: 'FP64',
    float64: 'FP64',
    string: 'BYTES',
};
const DATATYPES = new Set(Object.values(ONNX_TO_DATATYPE));
/** KServe datatype of an ONNX element type (`float`, onnxruntime's `float32`, ...). */
function datatypeOfOnnxType(type) {
    return ONNX_TO_DATATYPE[type];
}
const INTEGER_RANGE = {
    UINT8: [0, 255],
    UINT16: [0, 65535],
    UINT32: [0, 4294967295],
    UINT64: [0, Number.MAX_SAFE_INTEGER],
    INT8: [-128, 127],
    INT16: [-32768, 32767],
    INT32: [-2147483648, 2147483647],
    INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describeValue(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
    if (typeof v === 'object')
        return 'an object';
    return String(v);
}
function checkParameters(v, where) {
    if (v === undefined)
        return undefined;
    if (!isObject(v))
        throw new ProtocolError(400, `${where} "parameters" must be an object`);
    for (const [k, p] of Object.entries(v))
        if (!['string', 'number', 'boolean'].includes(typeof p))
            throw new ProtocolError(400, `${where} parameter "${k}" must be a string, number or boolean (got ${describeValue(p)})`);
    return v;
}
/** Flattens nested data row-major; the element count is checked against the shape afterwards. */
function flatten(data, out, depth, input) {
    if (depth > 32)
        throw new ProtocolError(400, `input "${input}": data is nested too deeply`);
    for (let i = 0; i < data.length; i++) {
        const v = data[i];
        if (Array.isArray(v))
            flatten(v, out, depth + 1, input);
        else
            out.push(v);
    }
}
function badElement(v, datatype, input, index) {
    const range = INTEGER_RANGE[datatype];
    const what = datatype === 'BOOL'
        ? 'true or false'
        : datatype === 'BYTES'
            ? 'a string'
            : range && typeof v === 'number' && Number.isFinite(v)
                ? `a whole number in [${range[0]}, ${range[1]}]`
                : 'a number';
    return new ProtocolError(400, `input "${input}": element ${index} is ${describeValue(v)}, but datatype ${datatype} needs ${what}`);
}
/** Index of the first element that does not fit the datatype, or -1. One tight loop per kind. */
function firstBadElement(values, datatype) {
    const n = values.length;
    if (datatype === 'BOOL') {
        for (let i = 0; i < n; i++)
            if (typeof values[i] !== 'boolean')
                return i;
        return -1;
    }
    if (datatype === 'BYTES') {
        for (let i = 0; i < n; i++)
            if (typeof values[i] !== 'string')
                return i;
        return -1;
    }
    const range = INTEGER_RANGE[datatype];
    if (!range) {
        for (let i = 0; i < n; i++) {
            const v = values[i];
            if (typeof v !== 'number' || !Number.isFinite(v))
                return i;
        }
        return -1;
    }
    const [lo, hi] = range;
    for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
            return i;
    }
    return -1;
}
function parseInput(raw, i) {
    if (!isObject(raw))
        throw new ProtocolError(400, `inputs[${i}] must be an object`);
    const { name, shape, datatype, data, parameters } = raw;
    if (typeof name !== 'string' || name === '')
        throw new ProtocolError(400, `inputs[${i}].name must be a non-empty string`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
        throw new ProtocolError(400, `input "${name}": "shape" must be a list of whole numbers ≥ 0 (got ${JSON.stringify(shape)?.slice(0, 60)})`);
    if (typeof datatype !== 'string' || !DATATYPES.has(datatype))
        throw new ProtocolError(400, `input "${name}": unknown datatype ${describeValue(datatype)}; use one of ${[...DATATYPES].join(', ')}`);
    if (!Array.isArray(data))
        throw new ProtocolError(400, `input "${name}": "data" must be an array (flat or nested)`);
    return {
        name,
        shape: shape,
        datatype: datatype,
        data,
        ...(parameters === undefined
            ? {}
            : { parameters: checkParameters(parameters, `input "${name}"`) }),
    };
}
/** Parses the JSON body of an infer request; shape errors only, no model knowledge yet. */
function parseInferenceRequest(body) {
    if (!isObject(body))
        throw new ProtocolError(400, 'request body must be a JSON object with "inputs"');
    const { id, parameters, inputs, outputs } = body;
    if (id !== undefined && typeof id !== 'string')
        throw new ProtocolError(400, '"id" must be a string');
    if (!Array.isArray(inputs) || inputs.length === 0)
        throw new ProtocolError(400, '"inputs" must be a non-empty array');
    const parsedOutputs = [];
    if (outputs !== undefined) {
        if (!Array.isArray(outputs))
            throw new ProtocolError(400, '"outputs" must be an array');
        outputs.forEach((o, i) => {
            if (!isObject(o) || typeof o.name !== 'string')
                throw new ProtocolError(400, `outputs[${i}] must be an object with a "name"`);
            parsedOutputs.push({
                name: o.name,
                ...(o.parameters === undefined
                    ? {}
                    : { parameters: checkParameters(o.parameters, `output "${o.name}"`) }),
            });
        });
    }
    return {
        ...(id === undefined ? {} : { id }),
        ...(parameters === undefined ? {} : { parameters: checkParameters(parameters, 'request') }),
        inputs: inputs.map(parseInput),
        ...(outputs === undefined ? {} : { outputs: parsedOutputs }),
    };
}
function shapeText(shape) {
    return `[${shape.join(', ')}]`;
}
/**
 * Checks a parsed request against the model's signature: every input present once, the same
 * datatype, the same rank, fixed dimensions equal, element count equal to the shape's product.
 */
function validateAgainstSignature(request, signature, limits = {}) {
    const byName = new Map(signature.inputs.map((t) => [t.name, t]));
    const seen = new Set();
    const inputs = [];
    for (const input of request.inputs) {
        const spec = byName.get(input.name);
        if (!spec)
            throw new ProtocolError(400, `unknown input "${input.name}"; the model's inputs are ${signature.inputs.map((t) => `"${t.name}"`).join(', ')}`);
        if (seen.has(input.name))
            throw new ProtocolError(400, `input "${input.name}" is given more than once`);
        seen.add(input.name);
        if (input.datatype !== spec.datatype)
            throw new ProtocolError(400, `input "${input.name}" has datatype ${input.datatype}, but the model expects ${spec.datatype}`);
        const shapeOk = input.shape.length === spec.shape.length &&
            spec.shape.every((d, k) => d < 0 || d === input.shape[k]);
        if (!shapeOk)
            throw new ProtocolError(400, `input "${input.name}" has shape ${shapeText(input.shape)}, but the model expects ${shapeText(spec.shape)} (-1 = any size)`);
        if (limits.maxBatch !== undefined &&
            input.shape.length > 0 &&
            input.shape[0] > limits.maxBatch)
            throw new ProtocolError(400, `input "${input.name}" has ${input.shape[0]} rows; this server accepts at most ${limits.maxBatch} per request`);
        const expected = input.shape.reduce((a, b) => a * b, 1);
        const values = [];
        flatten(input.data, values, 0, input.name);
        if (values.length !== expected)
            throw new ProtocolError(400, `input "${input.name}" has ${values.length} values, but shape ${shapeText(input.shape)} needs ${expected}`);
        const bad = firstBadElement(values, input.datatype);
        if (bad >= 0)
            throw badElement(values[bad], input.datatype, input.name, bad);
        inputs.push({
            name: input.name,
            datatype: input.datatype,
            shape: input.shape,
            values: values,
        });
    }
    const missing = signature.inputs.filter((t) => !seen.has(t.name)).map((t) => `"${t.name}"`);
    if (missing.length)
        throw new ProtocolError(400, `missing input ${missing.join(', ')} required by the model`);
    const outputNames = new Set(signature.outputs.map((t) => t.name));
    let outputs = signature.outputs.map((t) => t.name);
    if (request.outputs && request.outputs.length > 0) {
        for (const o of request.outputs)
            if (!outputNames.has(o.name))
                throw new ProtocolError(400, `unknown output "${o.name}"; the model's outputs are ${[...outputNames].map((n) => `"${n}"`).join(', ')}`);
        outputs = request.outputs.map((o) => o.name);
    }
    return { id: request.id, parameters: request.parameters, inputs, outputs };
}


/***/ }),

/***/ 760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ countCsvRows),
/* harmony export */   R: () => (/* binding */ fingerprintFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8797);




/** sha256 and size of a file, streamed (data sets can be larger than memory). */
async function fingerprintFile(file) {
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file).size;
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', `cannot read file (${e.code})`, {
            file,
            hint: 'Check the path',
        });
    }
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 }))
        hash.update(chunk);
    return { path: file, sha256: hash.digest('hex'), bytes };
}
/** Number of data rows of a CSV file, by the real parser (quoted newlines are not row breaks). */
async function countCsvRows(file) {
    const source = await (0,_csv_js__WEBPACK_IMPORTED_MODULE_3__/* .openCsv */ .f)(file);
    let rows = 0;
    for await (const b of source.scan({ batchSize: 65536 }))
        rows += b.length;
    return rows;
}


/***/ }),

/***/ 261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ ModelProtoType),
/* harmony export */   bV: () => (/* binding */ ELEMENT_TYPES),
/* harmony export */   ej: () => (/* binding */ TO_OBJECT),
/* harmony export */   es: () => (/* binding */ SignatureModelProtoType),
/* harmony export */   jQ: () => (/* binding */ AttributeType),
/* harmony export */   pe: () => (/* binding */ DataType)
/* harmony export */ });
/* harmony import */ var protobufjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1853);
/* harmony import */ var protobufjs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(protobufjs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The subset of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto) that modelci
 * reads and writes, as a protobufjs JSON descriptor: field numbers and types exactly as upstream.
 * Fields left out (training_info, sparse_initializer details, ...) are skipped by the decoder.
 */
const packed = { options: { packed: true } };
const onnxDescriptor = {
    nested: {
        onnx: {
            nested: {
                AttributeProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        refAttrName: { type: 'string', id: 21 },
                        docString: { type: 'string', id: 13 },
                        type: { type: 'int32', id: 20 },
                        f: { type: 'float', id: 2 },
                        i: { type: 'int64', id: 3 },
                        s: { type: 'bytes', id: 4 },
                        t: { type: 'TensorProto', id: 5 },
                        g: { type: 'GraphProto', id: 6 },
                        sparseTensor: { type: 'SparseTensorProto', id: 22 },
                        tp: { type: 'TypeProto', id: 14 },
                        floats: { rule: 'repeated', type: 'float', id: 7 },
                        ints: { rule: 'repeated', type: 'int64', id: 8 },
                        strings: { rule: 'repeated', type: 'bytes', id: 9 },
                        tensors: { rule: 'repeated', type: 'TensorProto', id: 10 },
                        graphs: { rule: 'repeated', type: 'GraphProto', id: 11 },
                        sparseTensors: { rule: 'repeated', type: 'SparseTensorProto', id: 23 },
                        typeProtos: { rule: 'repeated', type: 'TypeProto', id: 15 },
                    },
                },
                ValueInfoProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        type: { type: 'TypeProto', id: 2 },
                        docString: { type: 'string', id: 3 },
                    },
                },
                NodeProto: {
                    fields: {
                        input: { rule: 'repeated', type: 'string', id: 1 },
                        output: { rule: 'repeated', type: 'string', id: 2 },
                        name: { type: 'string', id: 3 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                        overload: { type: 'string', id: 8 },
                        attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
                        docString: { type: 'string', id: 6 },
                    },
                },
                ModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        docString: { type: 'string', id: 6 },
                        graph: { type: 'GraphProto', id: 7 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                        functions: { rule: 'repeated', type: 'FunctionProto', id: 25 },
                    },
                },
                StringStringEntryProto: {
                    fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } },
                },
                TensorAnnotation: {
                    fields: {
                        tensorName: { type: 'string', id: 1 },
                        quantParameterTensorNames: { rule: 'repeated', type: 'StringStringEntryProto', id: 2 },
                    },
                },
                GraphProto: {
                    fields: {
                        node: { rule: 'repeated', type: 'NodeProto', id: 1 },
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
                        sparseInitializer: { rule: 'repeated', type: 'SparseTensorProto', id: 15 },
                        docString: { type: 'string', id: 10 },
                        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
                        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
                        valueInfo: { rule: 'repeated', type: 'ValueInfoProto', id: 13 },
                        quantizationAnnotation: { rule: 'repeated', type: 'TensorAnnotation', id: 14 },
                    },
                },
                TensorProto: {
                    fields: {
                        dims: { rule: 'repeated', type: 'int64', id: 1, ...packed },
                        dataType: { type: 'int32', id: 2 },
                        floatData: { rule: 'repeated', type: 'float', id: 4, ...packed },
                        int32Data: { rule: 'repeated', type: 'int32', id: 5, ...packed },
                        stringData: { rule: 'repeated', type: 'bytes', id: 6 },
                        int64Data: { rule: 'repeated', type: 'int64', id: 7, ...packed },
                        name: { type: 'string', id: 8 },
                        docString: { type: 'string', id: 12 },
                        rawData: { type: 'bytes', id: 9 },
                        externalData: { rule: 'repeated', type: 'StringStringEntryProto', id: 13 },
                        dataLocation: { type: 'int32', id: 14 },
                        doubleData: { rule: 'repeated', type: 'double', id: 10, ...packed },
                        uint64Data: { rule: 'repeated', type: 'uint64', id: 11, ...packed },
                    },
                },
                SparseTensorProto: {
                    fields: {
                        values: { type: 'TensorProto', id: 1 },
                        indices: { type: 'TensorProto', id: 2 },
                        dims: { rule: 'repeated', type: 'int64', id: 3, ...packed },
                    },
                },
                TensorShapeProto: {
                    fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
                    nested: {
                        Dimension: {
                            oneofs: { value: { oneof: ['dimValue', 'dimParam'] } },
                            fields: {
                                dimValue: { type: 'int64', id: 1 },
                                dimParam: { type: 'string', id: 2 },
                                denotation: { type: 'string', id: 3 },
                            },
                        },
                    },
                },
                TypeProto: {
                    oneofs: {
                        value: {
                            oneof: ['tensorType', 'sequenceType', 'mapType', 'optionalType', 'sparseTensorType'],
                        },
                    },
                    fields: {
                        tensorType: { type: 'Tensor', id: 1 },
                        sequenceType: { type: 'Sequence', id: 4 },
                        mapType: { type: 'Map', id: 5 },
                        optionalType: { type: 'Optional', id: 9 },
                        sparseTensorType: { type: 'SparseTensor', id: 8 },
                        denotation: { type: 'string', id: 6 },
                    },
                    nested: {
                        Tensor: {
                            fields: {
                                elemType: { type: 'int32', id: 1 },
                                shape: { type: 'TensorShapeProto', id: 2 },
                            },
                        },
                        Sequence: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
                        Map: {
                            fields: {
                                keyType: { type: 'int32', id: 1 },
                                valueType: { type: 'TypeProto', id: 2 },
                            },
                        },
                        Optional: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
                        SparseTensor: {
                            fields: {
                                elemType: { type: 'int32', id: 1 },
                                shape: { type: 'TensorShapeProto', id: 2 },
                            },
                        },
                    },
                },
                OperatorSetIdProto: {
                    fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
                },
                FunctionProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        input: { rule: 'repeated', type: 'string', id: 4 },
                        output: { rule: 'repeated', type: 'string', id: 5 },
                        attribute: { rule: 'repeated', type: 'string', id: 6 },
                        attributeProto: { rule: 'repeated', type: 'AttributeProto', id: 11 },
                        node: { rule: 'repeated', type: 'NodeProto', id: 7 },
                        docString: { type: 'string', id: 8 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 9 },
                        domain: { type: 'string', id: 10 },
                        overload: { type: 'string', id: 13 },
                    },
                },
                // Signature-only view of a model: the graph's initializers keep only their names, so the
                // decoder skips weight payloads (a 500 MB model reads in milliseconds).
                SignatureModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        docString: { type: 'string', id: 6 },
                        graph: { type: 'SignatureGraphProto', id: 7 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                    },
                },
                SignatureGraphProto: {
                    fields: {
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'NamedTensor', id: 5 },
                        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
                        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
                        node: { rule: 'repeated', type: 'NodeHead', id: 1 },
                    },
                },
                NamedTensor: { fields: { name: { type: 'string', id: 8 } } },
                NodeHead: {
                    fields: {
                        input: { rule: 'repeated', type: 'string', id: 1 },
                        output: { rule: 'repeated', type: 'string', id: 2 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                    },
                },
            },
        },
    },
};
const root = protobufjs__WEBPACK_IMPORTED_MODULE_0___default().Root.fromJSON(onnxDescriptor);
const ModelProtoType = root.lookupType('onnx.ModelProto');
const SignatureModelProtoType = root.lookupType('onnx.SignatureModelProto');
/** TensorProto.DataType numbers -> the names onnxruntime uses for tensor types. */
const ELEMENT_TYPES = {
    0: 'undefined',
    1: 'float',
    2: 'uint8',
    3: 'int8',
    4: 'uint16',
    5: 'int16',
    6: 'int32',
    7: 'int64',
    8: 'string',
    9: 'bool',
    10: 'float16',
    11: 'double',
    12: 'uint32',
    13: 'uint64',
    14: 'complex64',
    15: 'complex128',
    16: 'bfloat16',
    17: 'float8e4m3fn',
    18: 'float8e4m3fnuz',
    19: 'float8e5m2',
    20: 'float8e5m2fnuz',
    21: 'uint4',
    22: 'int4',
    23: 'float4e2m1',
};
const DataType = {
    FLOAT: 1,
    INT32: 6,
    INT64: 7,
    STRING: 8,
    BOOL: 9,
    DOUBLE: 11,
};
const AttributeType = {
    FLOAT: 1,
    INT: 2,
    STRING: 3,
    TENSOR: 4,
    GRAPH: 5,
    FLOATS: 6,
    INTS: 7,
    STRINGS: 8,
};
const TO_OBJECT = { longs: Number, enums: Number, defaults: false, arrays: true };


/***/ }),

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aD: () => (/* binding */ loadOnnxRuntime)
/* harmony export */ });
/* unused harmony exports ONNXRUNTIME_VERSION, configureOnnxRuntimeInstall, importFrom, onnxRuntimeCacheKey, ensureOnnxRuntime */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);






/** Keep equal to package.json's onnxruntime-node (a test checks). */
const ONNXRUNTIME_VERSION = '1.30.0';
let cached;
let installSettings = {};
/** Actions call this first: the actions cache and the log for an install on first use. */
function configureOnnxRuntimeInstall(settings) {
    installSettings = settings;
}
function loadOnnxRuntime() {
    cached ??= importRuntime();
    return cached;
}
async function importRuntime() {
    const dir = process.env.MODELCI_ONNXRUNTIME_DIR;
    if (dir)
        return importFrom(dir);
    try {
        // webpackIgnore: resolved by Node when called, next to the bundle. Left to ncc, the external
        // became a static import at the top of every bundle that can evaluate: the action bundles
        // (which have no node_modules) failed to start, and every CLI start loaded the native library.
        return (await import(/* webpackIgnore: true */ 'onnxruntime-node'));
    }
    catch (e) {
        const toolCache = process.env.RUNNER_TOOL_CACHE;
        if (!toolCache)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ModelciError */ .wN('MODEL', `cannot load onnxruntime-node: ${e.message.split('\n')[0]}`, {
                hint: `Install it next to modelci (npm install onnxruntime-node@${ONNXRUNTIME_VERSION})`,
            });
        const installed = await ensureOnnxRuntime({ toolCache, ...installSettings });
        return importFrom(installed.dir);
    }
}
/** Imports onnxruntime-node from a folder that has it in node_modules (an `npm install --prefix`). */
async function importFrom(dir) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'package.json'));
    const entry = require.resolve('onnxruntime-node');
    // webpackIgnore: a computed import() in a bundle is otherwise an empty context that always throws.
    const mod = (await import(/* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_4__.pathToFileURL)(entry).href));
    return mod.default && 'InferenceSession' in mod.default ? mod.default : mod;
}
function onnxRuntimeCacheKey(version, platform, arch) {
    return `modelci-onnxruntime-${version}-${platform}-${arch}`;
}
async function ensureOnnxRuntime(opts) {
    const version = opts.version ?? ONNXRUNTIME_VERSION;
    const platform = opts.platform ?? process.platform;
    const arch = opts.arch ?? process.arch;
    const log = opts.log ?? (() => undefined);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(opts.toolCache, 'modelci-onnxruntime', version, arch);
    const marker = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, '.complete');
    const cacheKey = onnxRuntimeCacheKey(version, platform, arch);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
        return { dir, via: 'tool-cache', cacheKey };
    if (opts.cache) {
        try {
            const hit = await opts.cache.restore([dir], cacheKey);
            if (hit && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker)) {
                log(`onnxruntime-node ${version} restored from the actions cache (${cacheKey})`);
                return { dir, via: 'actions-cache', cacheKey };
            }
        }
        catch (e) {
            log(`actions cache restore failed (${e.message}); installing from npm`);
        }
    }
    // Install into a sibling folder and rename, so a killed job never leaves a half install.
    const tmp = `${dir}.partial-${process.pid}`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(tmp, { recursive: true, force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(tmp, { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tmp, 'package.json'), '{"name":"modelci-onnxruntime","private":true}\n');
    const packages = opts.packages ?? [`onnxruntime-node@${version}`];
    log(`installing ${packages.join(' ')} into ${dir}`);
    await npm([
        'install',
        '--prefix',
        tmp,
        '--ignore-scripts',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        ...packages,
    ], tmp);
    pruneOtherPlatforms((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tmp, 'node_modules', 'onnxruntime-node', 'bin'), platform, arch);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tmp, '.complete'), `${version}\n`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, '..'), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, dir);
    if (opts.cache) {
        try {
            await opts.cache.save([dir], cacheKey);
            log(`saved onnxruntime-node to the actions cache (${cacheKey})`);
        }
        catch (e) {
            log(`actions cache save failed (${e.message}); the next run installs again`);
        }
    }
    return { dir, via: 'npm', cacheKey };
}
/** Keeps bin/napi-v*\/<platform>/<arch> only: 46 MB to cache instead of 288 MB. */
function pruneOtherPlatforms(bin, platform, arch) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(bin))
        return;
    for (const napi of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(bin)) {
        for (const p of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi))) {
            if (p !== platform) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi, p), { recursive: true, force: true });
                continue;
            }
            for (const a of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi, p)))
                if (a !== arch)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi, p, a), { recursive: true, force: true });
        }
    }
}
function npm(args, cwd) {
    const npmCli = process.env.npm_execpath;
    const [cmd, argv] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
    return new Promise((resolve, reject) => {
        let err = '';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, argv, {
            cwd,
            stdio: ['ignore', 'ignore', 'pipe'],
            env: {
                ...process.env,
                ONNXRUNTIME_NODE_INSTALL: 'skip',
                npm_config_update_notifier: 'false',
            },
            shell: process.platform === 'win32',
        });
        child.stderr.on('data', (d) => (err = (err + d.toString()).slice(-4000)));
        child.on('error', (e) => reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ModelciError */ .wN('MODEL', `cannot run npm to install onnxruntime-node: ${e.message}`, {
            hint: 'Install Node.js with npm on the runner (actions/setup-node)',
        })));
        child.on('exit', (code) => code === 0
            ? resolve()
            : reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ModelciError */ .wN('MODEL', `npm install of onnxruntime-node failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`, {
                hint: 'Check that the runner can reach registry.npmjs.org',
            })));
    });
}


/***/ }),

/***/ 9237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ parseOnnxModelInfo),
/* harmony export */   fO: () => (/* binding */ readOnnxModelInfo),
/* harmony export */   readOnnxSignature: () => (/* binding */ readOnnxSignature)
/* harmony export */ });
/* unused harmony export typeName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _proto_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(261);



/** The inputs and outputs of an ONNX model file (the registry's version record uses this). */
function readOnnxSignature(file) {
    return readOnnxModelInfo(file).signature;
}
function readOnnxModelInfo(file) {
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('FILE', `cannot read model file: ${e.message}`, {
            file,
            hint: 'Check the path',
        });
    }
    return parseOnnxModelInfo(bytes, file);
}
function parseOnnxModelInfo(bytes, file = '<model>') {
    const notOnnx = (why) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('MODEL', `not an ONNX model (${why})`, {
        file,
        hint: 'Export the model to ONNX (e.g. skl2onnx, torch.onnx.export) and pass the .onnx file',
    });
    if (bytes.length === 0)
        throw notOnnx('the file is empty');
    let model;
    try {
        model = _proto_js__WEBPACK_IMPORTED_MODULE_2__/* .SignatureModelProtoType */ .es.toObject(_proto_js__WEBPACK_IMPORTED_MODULE_2__/* .SignatureModelProtoType */ .es.decode(bytes), _proto_js__WEBPACK_IMPORTED_MODULE_2__/* .TO_OBJECT */ .ej);
    }
    catch (e) {
        throw notOnnx(`protobuf decoding failed: ${e.message}`);
    }
    const graph = model.graph;
    if (!model.irVersion || !graph)
        throw notOnnx('no ir_version or graph');
    if (!graph.output?.length)
        throw notOnnx('the graph has no outputs');
    // Before IR 4, initializers were also listed as graph inputs: they are weights, not data.
    const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
    const inputs = (graph.input ?? []).filter((v) => !initializers.has(v.name));
    const opsets = {};
    for (const o of model.opsetImport ?? [])
        opsets[o.domain ?? ''] = o.version ?? 0;
    const metadata = {};
    for (const p of model.metadataProps ?? [])
        if (p.key)
            metadata[p.key] = p.value ?? '';
    const operators = [
        ...new Set((graph.node ?? []).map((n) => n.domain ? `${n.domain}:${n.opType ?? ''}` : (n.opType ?? ''))),
    ];
    return {
        signature: {
            inputs: inputs.map((v) => tensorSpec(v, file)),
            outputs: graph.output.map((v) => tensorSpec(v, file)),
        },
        irVersion: model.irVersion,
        opsets,
        producer: { name: model.producerName ?? '', version: model.producerVersion ?? '' },
        metadata,
        operators: operators.sort(),
    };
}
function tensorSpec(v, file) {
    if (!v.name)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('MODEL', 'a graph input or output has no name', {
            file,
            hint: 'Re-export the model; ONNX requires named inputs and outputs',
        });
    const t = v.type;
    const dims = t?.tensorType?.shape?.dim ?? t?.sparseTensorType?.shape?.dim;
    const shape = dims?.map((d) => d.dimValue !== undefined ? d.dimValue : d.dimParam !== undefined ? d.dimParam : null) ?? [];
    return { name: v.name, type: typeName(t), shape };
}
/** `float`, `int64`... for tensors; `sequence<map<int64,float>>` for what ZipMap returns. */
function typeName(t) {
    if (!t)
        return 'unknown';
    if (t.tensorType)
        return _proto_js__WEBPACK_IMPORTED_MODULE_2__/* .ELEMENT_TYPES */ .bV[t.tensorType.elemType ?? 0] ?? 'unknown';
    if (t.sparseTensorType)
        return `sparse<${_proto_js__WEBPACK_IMPORTED_MODULE_2__/* .ELEMENT_TYPES */ .bV[t.sparseTensorType.elemType ?? 0] ?? 'unknown'}>`;
    if (t.sequenceType)
        return `sequence<${typeName(t.sequenceType.elemType)}>`;
    if (t.mapType)
        return `map<${_proto_js__WEBPACK_IMPORTED_MODULE_2__/* .ELEMENT_TYPES */ .bV[t.mapType.keyType ?? 0] ?? 'unknown'},${typeName(t.mapType.valueType)}>`;
    if (t.optionalType)
        return `optional<${typeName(t.optionalType.elemType)}>`;
    return 'unknown';
}


/***/ })

};
