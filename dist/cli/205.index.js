export const id = 205;
export const ids = [205];
export const modules = {

/***/ 4390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  driftCommand: () => (/* binding */ driftCommand),
  performanceFlagsOf: () => (/* binding */ performanceFlagsOf),
  performanceOptions: () => (/* binding */ performanceOptions),
  progressPrinter: () => (/* binding */ progressPrinter)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
// EXTERNAL MODULE: ./src/core/profile/column-kind.ts
var column_kind = __webpack_require__(8150);
;// CONCATENATED MODULE: ./src/core/drift/numpy-sum.ts
/**
 * Summation in numpy's order (first element, then pairwise blocks of 8 accumulators), so sums of
 * many terms round like `np.sum` does and results stay within a few ulps of scipy's.
 */
function numpy_sum_numpySum(values) {
    const n = values.length;
    if (n === 0)
        return 0;
    return values[0] + pairwise(values, 1, n - 1);
}
function pairwise(a, start, n) {
    if (n < 8) {
        let res = 0;
        for (let i = 0; i < n; i++)
            res += a[start + i];
        return res;
    }
    if (n <= 128) {
        const r = new Float64Array(8);
        for (let j = 0; j < 8; j++)
            r[j] = a[start + j];
        let i = 8;
        for (; i < n - (n % 8); i += 8) {
            for (let j = 0; j < 8; j++)
                r[j] = r[j] + a[start + i + j];
        }
        let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
        for (; i < n; i++)
            res += a[start + i];
        return res;
    }
    let n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
}

;// CONCATENATED MODULE: ./src/core/stats/moments.ts

/** numpy `np.std(x)` (ddof 0): two-pass, mean first, summed in numpy's order. */
function populationStd(values) {
    const n = values.length;
    const mean = numpy_sum_numpySum(values) / n;
    const sq = new Float64Array(n);
    for (let i = 0; i < n; i++)
        sq[i] = (values[i] - mean) ** 2;
    return Math.sqrt(numpy_sum_numpySum(sq) / n);
}

;// CONCATENATED MODULE: ./src/core/stats/special.ts
/**
 * Special functions the drift tests need (log-gamma, regularised incomplete gamma for chi-square
 * p-values, the normal tail), accurate to ~1e-14 relative so p-values agree with scipy to 1e-9.
 */
const LANCZOS_G = 7;
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0. */
function logGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    if (Number.isInteger(x) && x <= 171)
        return Math.log(factorial(x - 1));
    const z = x - 1;
    let a = LANCZOS[0];
    const t = z + LANCZOS_G + 0.5;
    for (let i = 1; i < LANCZOS_G + 2; i++)
        a += LANCZOS[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
const FACTORIALS = [1];
function factorial(n) {
    for (let i = FACTORIALS.length; i <= n; i++)
        FACTORIALS[i] = FACTORIALS[i - 1] * i;
    return FACTORIALS[n];
}
/** ln C(n, k). */
function logBinomial(n, k) {
    return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
function gammaQ(a, x) {
    if (x <= 0)
        return 1;
    if (!Number.isFinite(x))
        return 0;
    if (x < a + 1)
        return 1 - gammaPSeries(a, x);
    return gammaQContinuedFraction(a, x);
}
function gammaPSeries(a, x) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10000; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-17)
            break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}
// Modified Lentz evaluation of the continued fraction for Γ(a, x).
function gammaQContinuedFraction(a, x) {
    const tiny = 1e-300;
    let b = x + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 10000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
/** Survival function of the chi-square distribution with `dof` degrees of freedom. */
function special_chi2Sf(x, dof) {
    if (Number.isNaN(x))
        return Number.NaN;
    return gammaQ(dof / 2, x / 2);
}
/** Complementary error function, ~1e-15 relative: series near 0, continued fraction beyond. */
function erfc(x) {
    if (x < 0)
        return 2 - erfc(-x);
    if (x < 0.5)
        return 1 - erfSmall(x);
    if (x > 27)
        return 0;
    // erfc(x) = exp(-x^2) / (sqrt(pi) f), f = x + (1/2)/(x + 1/(x + (3/2)/(x + ...))) (modified Lentz).
    const tiny = 1e-300;
    let f = x;
    let c = f;
    let d = 0;
    for (let i = 1; i < 5000; i++) {
        const a = i / 2;
        d = x + a * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = x + a / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}
function erfSmall(x) {
    // Maclaurin series: erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
    let sum = 0;
    let term = x;
    for (let n = 0; n < 60; n++) {
        const t = term / (2 * n + 1);
        sum += t;
        if (Math.abs(t) < 1e-17 * Math.abs(sum))
            break;
        term *= (-x * x) / (n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
}
/** Upper tail of the standard normal: P(Z > z). */
function normalSf(z) {
    return 0.5 * erfc(z / Math.SQRT2);
}

;// CONCATENATED MODULE: ./src/core/drift/chi-square.ts


/**
 * scipy `chi2_contingency([[ref], [cur]], correction)`: homogeneity test of two count rows over the
 * same categories, dof = k - 1; with 2 categories and `yates` the counts move 0.5 toward expected.
 * Every category must have a non-zero total (callers pass the union of observed categories).
 */
function chiSquareContingency(reference, current, yates = true) {
    const k = reference.length;
    const rowRef = numpy_sum_numpySum(reference);
    const rowCur = numpy_sum_numpySum(current);
    const total = rowRef + rowCur;
    const dof = k - 1;
    if (dof <= 0)
        return { statistic: 0, pValue: 1, dof: 0 };
    const terms = [];
    for (const [row, rowSum] of [
        [reference, rowRef],
        [current, rowCur],
    ]) {
        for (let j = 0; j < k; j++) {
            const expected = (rowSum * (reference[j] + current[j])) / total;
            let observed = row[j];
            if (dof === 1 && yates) {
                const diff = expected - observed;
                observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
            }
            terms.push((observed - expected) ** 2 / expected);
        }
    }
    const statistic = numpy_sum_numpySum(terms);
    return { statistic, pValue: special_chi2Sf(statistic, dof), dof };
}
/**
 * scipy `chisquare(f_obs=current, f_exp=reference * n_cur / n_ref)`, the goodness-of-fit form
 * Evidently's `chisquare` test uses; a category absent from the reference gives an infinite
 * statistic and p = 0.
 */
function chiSquareGoodnessOfFit(reference, current) {
    const nRef = numpySum(reference);
    const nCur = numpySum(current);
    const scale = nCur / nRef;
    const terms = current.map((obs, j) => {
        const exp = reference[j] * scale;
        return (obs - exp) ** 2 / exp;
    });
    const statistic = numpySum(terms.map((t) => (Number.isNaN(t) ? 0 : t)));
    const dof = current.length - 1;
    return { statistic, pValue: Number.isFinite(statistic) ? chi2Sf(statistic, dof) : 0, dof };
}

;// CONCATENATED MODULE: ./src/core/drift/choose-test.ts
const DRIFT_TESTS = [
    'ks',
    'chi2',
    'psi',
    'js',
    'wasserstein',
    'z',
];
/** Evidently's "small reference" boundary. */
const SMALL_REFERENCE_ROWS = 1000;
function defaultTest(kind, nReference, nUnique) {
    if (nReference <= SMALL_REFERENCE_ROWS) {
        if (kind === 'numeric')
            return nUnique > 5 ? 'ks' : nUnique > 2 ? 'chi2' : 'z';
        return nUnique > 2 ? 'chi2' : 'z';
    }
    if (kind === 'numeric')
        return nUnique <= 5 ? 'js' : 'wasserstein';
    return 'js';
}
/** Whether `test` can run on a column of this kind with this many distinct values. */
function testApplies(test, kind, nUnique) {
    if (test === 'ks' || test === 'wasserstein')
        return kind === 'numeric';
    if (test === 'z')
        return nUnique <= 2;
    return true;
}
/** Default drift thresholds (Evidently): p-value tests drift when p < 0.05 (ks: p <= 0.05), distances when >= 0.1. */
const DEFAULT_THRESHOLDS = {
    ks: 0.05,
    chi2: 0.05,
    z: 0.05,
    psi: 0.1,
    js: 0.1,
    wasserstein: 0.1,
};
function isPValueTest(test) {
    return test === 'ks' || test === 'chi2' || test === 'z';
}
/** Drift decision: p-value tests compare p to the threshold, distances compare the statistic. */
function isDrifted(test, statistic, pValue, threshold) {
    if (test === 'ks')
        return pValue <= threshold;
    if (isPValueTest(test))
        return pValue < threshold;
    return statistic >= threshold;
}

;// CONCATENATED MODULE: ./src/core/drift/distances.ts

/** Epsilon that replaces an exactly-zero bin share in PSI, on both sides, without renormalising. */
const PSI_EPSILON = 1e-4;
/** Shares of a count vector (counts / total). */
function proportions(counts) {
    const total = numpy_sum_numpySum(counts);
    return counts.map((c) => c / total);
}
/** Population stability index over matching bins: sum (cur - ref) ln(cur / ref), zeros -> 1e-4. */
function psi(referenceCounts, currentCounts) {
    const ref = proportions(referenceCounts).map((p) => (p === 0 ? PSI_EPSILON : p));
    const cur = proportions(currentCounts).map((p) => (p === 0 ? PSI_EPSILON : p));
    return numpy_sum_numpySum(ref.map((r, i) => (cur[i] - r) * Math.log(cur[i] / r)));
}
function relEntr(x, y) {
    if (x > 0 && y > 0)
        return x * Math.log(x / y);
    if (x === 0 && y >= 0)
        return 0;
    return Infinity;
}
/**
 * scipy `spatial.distance.jensenshannon(p, q, base)`: sqrt of the JS divergence of the normalised
 * vectors; base e by default (Evidently), maximum sqrt(ln 2).
 */
function jensenShannon(p0, q0, base) {
    const p = proportions(p0);
    const q = proportions(q0);
    const m = p.map((v, i) => (v + q[i]) / 2);
    const left = numpy_sum_numpySum(p.map((v, i) => relEntr(v, m[i])));
    const right = numpy_sum_numpySum(q.map((v, i) => relEntr(v, m[i])));
    let js = left + right;
    if (base !== undefined)
        js /= Math.log(base);
    return Math.sqrt(js / 2);
}
/**
 * scipy `wasserstein_distance(u, v, u_weights, v_weights)` (1-D W1) on sorted values with optional
 * weights: the integral of |F_u - F_v| between consecutive pooled values.
 */
function wassersteinDistance(u, v, uWeights, vWeights) {
    const uTotal = uWeights ? numpy_sum_numpySum(uWeights) : u.length;
    const vTotal = vWeights ? numpy_sum_numpySum(vWeights) : v.length;
    return wassersteinSorted(u, v, uWeights, vWeights, uTotal, vTotal);
}
function wassersteinSorted(u, v, uw, vw, uTotal, vTotal) {
    const n = u.length + v.length;
    const all = new Float64Array(n);
    let i = 0;
    let j = 0;
    for (let k = 0; k < n; k++) {
        if (i < u.length && (j >= v.length || u[i] <= v[j]))
            all[k] = u[i++];
        else
            all[k] = v[j++];
    }
    // searchsorted(all[k], 'right') on each side, as cumulative weight of values <= all[k].
    const terms = new Float64Array(Math.max(0, n - 1));
    let iu = 0;
    let iv = 0;
    let cu = 0;
    let cv = 0;
    for (let k = 0; k < n - 1; k++) {
        const x = all[k];
        while (iu < u.length && u[iu] <= x)
            cu += uw ? uw[iu++] : (iu++, 1);
        while (iv < v.length && v[iv] <= x)
            cv += vw ? vw[iv++] : (iv++, 1);
        terms[k] = Math.abs(cu / uTotal - cv / vTotal) * (all[k + 1] - x);
    }
    return numpy_sum_numpySum(terms);
}

;// CONCATENATED MODULE: ./src/core/drift/kolmogorov.ts
/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n (scipy's
 * `kstwo.sf`, i.e. `_kolmogn(n, x, cdf=False)` after Simard & L'Ecuyer 2011): ks_2samp's 'asymp'
 * p-value is this at n = round(n1 n2 / (n1 + n2)). Each branch mirrors scipy's choice of algorithm
 * so values agree to ~1e-10 relative.
 */
const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const MIN_LOG = -708;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const STIRLING = [
    -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
    -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];
const clip = (p) => Math.min(1, Math.max(0, p));
function logNFactorialDivNPowN(n) {
    const rn = 1 / n;
    let poly = 0;
    for (const c of STIRLING)
        poly = poly * (rn / n) + c;
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
/** P(D_n >= x), two-sided, one sample of size n. */
function kolmogorovSmirnovSf(n, x) {
    if (!Number.isInteger(n) || n <= 0)
        return Number.NaN;
    if (x >= 1)
        return 0;
    if (x <= 0)
        return 1;
    const t = n * x;
    if (t <= 1) {
        if (t <= 0.5)
            return 1;
        let prob;
        if (n <= 140) {
            prob = 1;
            for (let i = 1; i <= n; i++)
                prob *= i * (1 / n) * (2 * t - 1);
        }
        else
            prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
        return clip(1 - prob);
    }
    if (t >= n - 1)
        return clip(2 * (1 - x) ** n);
    if (x >= 0.5)
        return clip(2 * smirnovSf(n, x));
    const nxsquared = t * x;
    if (n <= 140) {
        if (nxsquared <= 0.754693)
            return clip(1 - durbinMtw(n, x));
        if (nxsquared <= 4)
            return clip(1 - pomeranz(n, x));
        return clip(2 * smirnovSf(n, x));
    }
    if (nxsquared >= 370)
        return 0;
    if (nxsquared >= 2.2)
        return clip(2 * smirnovSf(n, x));
    let cdf;
    if (nxsquared >= 18)
        cdf = 1;
    else if (n <= 100000 && n * x ** 1.5 <= 1.4)
        cdf = durbinMtw(n, x);
    else
        cdf = pelzGood(n, x);
    return clip(1 - cdf);
}
/**
 * One-sided P(D+_n >= x) by the Birnbaum-Tingey sum; every term is positive, so summing in
 * log space keeps the relative error near n·eps (scipy's cephes `smirnov` is the same sum).
 */
function smirnovSf(n, x) {
    if (x >= 1)
        return 0;
    if (x <= 0)
        return 1;
    const jmax = Math.floor(n * (1 - x) + 1e-12 * n);
    let logC = 0;
    let sum = 0;
    for (let j = 0; j <= jmax; j++) {
        if (j > 0)
            logC += Math.log((n - j + 1) / j);
        const a = 1 - x - j / n;
        const b = x + j / n;
        if (a <= 0 && n - j > 0)
            continue;
        const logTerm = logC + (n - j > 0 ? (n - j) * Math.log(a) : 0) + (j - 1) * Math.log(b);
        sum += Math.exp(logTerm);
    }
    return clip(x * sum);
}
/** Durbin's matrix method as Marsaglia, Tsang & Wang (2003): CDF Pr(D_n <= d). */
function durbinMtw(n, d) {
    if (d >= 1)
        return 1;
    const nd = n * d;
    if (nd <= 0.5)
        return 0;
    const k = Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    const v = new Float64Array(m);
    const w = new Float64Array(m);
    let fac = 1;
    for (let j = 1; j <= m; j++) {
        w[j - 1] = fac;
        fac /= j;
        v[j - 1] = (1 - h ** j) * fac;
    }
    const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
    v[m - 1] = (1 + tt) * fac;
    let H = new Float64Array(m * m);
    for (let i = 1; i < m; i++)
        for (let r = i - 1; r < m; r++)
            H[r * m + i] = w[r - i + 1];
    for (let r = 0; r < m; r++)
        H[r * m] = v[r];
    for (let c = 0; c < m; c++)
        H[(m - 1) * m + c] = v[m - 1 - c];
    let P = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
        P[i * m + i] = 1;
    let nn = n;
    let expnt = 0;
    let hexpnt = 0;
    while (nn > 0) {
        if (nn % 2) {
            P = matmul(P, H, m);
            expnt += hexpnt;
        }
        H = matmul(H, H, m);
        hexpnt *= 2;
        if (Math.abs(H[(k - 1) * m + k - 1]) > EP128) {
            for (let i = 0; i < H.length; i++)
                H[i] = H[i] / EP128;
            hexpnt += E128;
        }
        nn = Math.floor(nn / 2);
    }
    let p = P[(k - 1) * m + k - 1];
    for (let i = 1; i <= n; i++) {
        p = (i * p) / n;
        if (Math.abs(p) < EM128) {
            p *= EP128;
            expnt -= E128;
        }
    }
    if (expnt !== 0)
        p *= 2 ** expnt;
    return clip(p);
}
function matmul(a, b, m) {
    const out = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let l = 0; l < m; l++) {
            const ail = a[i * m + l];
            if (ail === 0)
                continue;
            for (let j = 0; j < m; j++)
                out[i * m + j] = out[i * m + j] + ail * b[l * m + j];
        }
    }
    return out;
}
function pomeranzJ1J2(i, n, ll, ceilf, roundf) {
    let j1;
    let j2;
    if (i === 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    }
    else {
        const ip1div2 = Math.floor((i + 1) / 2);
        if ((i + 1) % 2 === 0) {
            if (ip1div2 === n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            }
            else {
                j1 = ip1div2 - 1 - ll - roundf - 1;
                j2 = ip1div2 + ll - 1 + ceilf - 1;
            }
        }
        else {
            j1 = ip1div2 - 1 - ll - 1;
            j2 = ip1div2 + ll + roundf - 1;
        }
    }
    return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
/** Pomeranz (1974) recursion: CDF Pr(D_n <= x). */
function pomeranz(n, x) {
    const t = n * x;
    const ll = Math.floor(t);
    const f = t - ll;
    const g = Math.min(f, 1 - f);
    const ceilf = f > 0 ? 1 : 0;
    const roundf = f > 0.5 ? 1 : 0;
    const npwrs = 2 * (ll + 1);
    const gpower = new Float64Array(npwrs);
    const twogpower = new Float64Array(npwrs);
    const onem2gpower = new Float64Array(npwrs);
    gpower[0] = twogpower[0] = onem2gpower[0] = 1;
    let expnt = 0;
    const gn = g / n;
    const g2n = (2 * g) / n;
    const om2gn = (1 - 2 * g) / n;
    for (let m = 1; m < npwrs; m++) {
        gpower[m] = (gpower[m - 1] * gn) / m;
        twogpower[m] = (twogpower[m - 1] * g2n) / m;
        onem2gpower[m] = (onem2gpower[m - 1] * om2gn) / m;
    }
    let V0 = new Float64Array(npwrs);
    let V1 = new Float64Array(npwrs);
    V1[0] = 1;
    let V0s = 0;
    let V1s = 0;
    let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
    for (let i = 1; i < 2 * n + 2; i++) {
        const k1 = j1;
        [V0, V1] = [V1, V0];
        [V0s, V1s] = [V1s, V0s];
        V1.fill(0);
        [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
        const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
        const ln2 = j2 - k1 + 1;
        if (ln2 > 0) {
            const convStart = j1 - k1;
            const convLen = j2 - j1 + 1;
            const base = k1 - V0s;
            let max = 0;
            for (let c = 0; c < convLen; c++) {
                const kk = convStart + c;
                let s = 0;
                for (let a = Math.max(0, kk - ln2 + 1); a <= Math.min(kk, ln2 - 1); a++) {
                    s += (V0[base + a] ?? 0) * pwrs[kk - a];
                }
                V1[c] = s;
                if (s > max)
                    max = s;
            }
            if (max > 0 && max < EM128) {
                for (let c = 0; c < V1.length; c++)
                    V1[c] = V1[c] * EP128;
                expnt -= E128;
            }
            V1s = V0s + j1 - k1;
        }
    }
    let ans = V1[n - V1s];
    for (let m = 1; m <= n; m++) {
        if (Math.abs(ans) > EP128) {
            ans *= EM128;
            expnt += E128;
        }
        ans *= m;
    }
    if (expnt !== 0)
        ans *= 2 ** expnt;
    return clip(ans);
}
/** Pelz-Good (1976) asymptotic series: CDF Pr(D_n <= x) for large n. */
function pelzGood(n, x) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const z = Math.sqrt(n) * x;
    const z2 = z ** 2;
    const z3 = z ** 3;
    const z4 = z ** 4;
    const z6 = z ** 6;
    const qlog = -PI2 / 8 / z2;
    if (qlog < MIN_LOG)
        return 0;
    let q = Math.exp(qlog);
    const k1a = -z2;
    const k1b = PI2 / 4;
    const k2a = 6 * z6 + 2 * z4;
    const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
    const k2c = (PI4 * (1 - 2 * z2)) / 16;
    const k3d = (PI6 * (5 - 30 * z2)) / 64;
    const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
    const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
    const k3a = -30 * z6 - 90 * z ** 8;
    const K = [0, 0, 0, 0];
    const maxk = Math.ceil((16 * z) / Math.PI);
    for (let k = maxk; k > 0; k--) {
        const m = 2 * k - 1;
        const m2 = m ** 2;
        const m4 = m ** 4;
        const m6 = m ** 6;
        const qp = q ** (8 * k);
        const coeffs = [
            1,
            k1a + k1b * m2,
            k2a + k2b * m2 + k2c * m4,
            k3a + k3b * m2 + k3c * m4 + k3d * m6,
        ];
        for (let i = 0; i < 4; i++)
            K[i] = K[i] * qp + coeffs[i];
    }
    const div = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
    for (let i = 0; i < 4; i++)
        K[i] = (K[i] * q * SQRT2PI) / div[i];
    q = Math.exp(-PI2 / 2 / z2);
    const sqrt3z = Math.sqrt(3) * z;
    let k2extra = 0;
    let k3extra = 0;
    for (let k = maxk; k > 0; k--) {
        const ks2 = k * k;
        const qp = q ** ks2;
        const kspi = Math.PI * k;
        k2extra += ks2 * qp;
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
    }
    K[2] = K[2] + (k2extra * PI2 * SQRT2PI) / (-36 * z3);
    K[3] = K[3] + (k3extra * PI2 * SQRT2PI) / (216 * z6);
    let sum = 0;
    for (let i = 0; i < 4; i++)
        sum += K[i] / n ** (i / 2);
    return sum;
}

;// CONCATENATED MODULE: ./src/core/drift/ks.ts

/** scipy's MAX_AUTO_N: above it the exact path count is not attempted in 'auto' mode. */
const KS_MAX_AUTO_N = 10000;
/** Largest |ECDF_a - ECDF_b|; both inputs sorted ascending, no NaN. */
function ksStatistic(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    let i = 0;
    let j = 0;
    let maxS = 0;
    let minS = 0;
    while (i < n1 || j < n2) {
        const v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
        while (i < n1 && a[i] <= v)
            i++;
        while (j < n2 && b[j] <= v)
            j++;
        const diff = i / n1 - j / n2;
        if (diff > maxS)
            maxS = diff;
        if (diff < minS)
            minS = diff;
    }
    return Math.max(Math.min(-minS, 1), maxS);
}
function ks2Samp(sortedA, sortedB, method = 'auto') {
    const n1 = sortedA.length;
    const n2 = sortedB.length;
    if (n1 === 0 || n2 === 0)
        throw new RangeError('ks2Samp needs two non-empty samples');
    let d = ksStatistic(sortedA, sortedB);
    const mode = method === 'auto' ? (Math.max(n1, n2) <= KS_MAX_AUTO_N ? 'exact' : 'asymp') : method;
    if (mode === 'exact') {
        const exact = exactTwoSided(n1, n2, d);
        d = exact.d;
        if (exact.ok)
            return { statistic: d, pValue: clip01(exact.p), method: 'exact' };
    }
    const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
    const en = (m * n) / (m + n);
    return {
        statistic: d,
        pValue: clip01(kolmogorovSmirnovSf(roundHalfEven(en), d)),
        method: 'asymp',
    };
}
function clip01(p) {
    return Math.min(1, Math.max(0, p));
}
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function gcd(a, b) {
    while (b)
        [a, b] = [b, a % b];
    return a;
}
/** scipy `_attempt_exact_2kssamp`, two-sided: d snapped to h / lcm(n1, n2). */
function exactTwoSided(n1, n2, d) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    const snapped = h / lcm;
    if (h === 0)
        return { ok: true, d: snapped, p: 1 };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    return { ok: Number.isFinite(p) && p >= 0 && p <= 1, d: snapped, p };
}
/** P(D_{n,n} >= h/n) by the alternating series in Horner form (scipy `_compute_prob_outside_square`). */
function probOutsideSquare(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k--) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
    }
    return 2 * p;
}
/**
 * 1 - (share of lattice paths staying strictly inside |x/m - y/n| < h/lcm), by Viehmann's
 * recursion for 1-p (scipy `_compute_outer_prob_inside_method`); one sliding column of floats.
 */
function outerProbInside(m0, n0, g, h) {
    const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
    const mg = m / g;
    const ng = n / g;
    let minj = 0;
    let maxj = Math.min(Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = Math.min(2 * maxj + 2, n + 1);
    const A = new Float64Array(lenA).fill(1);
    for (let k = minj; k < maxj && k < lenA; k++)
        A[k] = 0;
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
        minj = Math.min(minj, n);
        maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
    }
    return A[maxj - minj - 1];
}

// EXTERNAL MODULE: ./src/core/drift/psi-bins.ts
var psi_bins = __webpack_require__(6434);
;// CONCATENATED MODULE: ./src/core/drift/weighted-ks.ts
/** Largest gap between two weighted ECDFs (sorted values; weights default to 1). */
function weightedKsStatistic(a, aw, b, bw) {
    const total = (v, w) => {
        if (!w)
            return v.length;
        let s = 0;
        for (let i = 0; i < w.length; i++)
            s += w[i];
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
        const v = i < a.length && (j >= b.length || a[i] <= b[j])
            ? a[i]
            : b[j];
        while (i < a.length && a[i] <= v)
            ca += aw ? aw[i++] : (i++, 1);
        while (j < b.length && b[j] <= v)
            cb += bw ? bw[j++] : (j++, 1);
        d = Math.max(d, Math.abs(ca / ta - cb / tb));
    }
    return Math.min(d, 1);
}

;// CONCATENATED MODULE: ./src/core/drift/z-test.ts

/**
 * Two-proportion z-test (Evidently's `z` stattest for binary columns): pooled proportion, two-sided
 * p = 2 P(Z > |z|). `refHits`/`curHits` count one of the two labels on each side.
 */
function proportionZTest(refHits, nRef, curHits, nCur) {
    const p1 = refHits / nRef;
    const p2 = curHits / nCur;
    const pooled = (p1 * nRef + p2 * nCur) / (nRef + nCur);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
    // Both sides constant on the same label: identical, p = 1 (Evidently's special case).
    if (se === 0)
        return { statistic: 0, pValue: 1 };
    const z = (p1 - p2) / se;
    return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

;// CONCATENATED MODULE: ./src/core/drift/compare-profiles.ts










const MAX_UNSEEN_LISTED = 20;
/** Metadata columns of serve's prediction log (modelci/prediction-log@1): never tested. */
const PREDICTION_LOG_META = new Set(['_ts', '_model', '_version', '_id', '_row']);
/** Output columns of serve's prediction log are predictions. */
const isLoggedOutput = (name) => name.startsWith('_out.');
const VALUE_FREQUENCY_MAX_UNIQUE = 20;
function compareProfiles(reference, current, options = {}) {
    const driftShare = options.driftShare ?? 0.5;
    const ignore = new Set(options.ignore ?? []);
    const predictions = new Set(options.predictionColumns ?? []);
    const problems = [];
    const columns = [];
    if (current.rows === 0)
        problems.push('the current window has no rows: nothing to compare');
    const names = [
        ...reference.columns.keys(),
        ...[...current.columns.keys()].filter((n) => !reference.columns.has(n)),
    ];
    for (const name of names) {
        if (ignore.has(name) || PREDICTION_LOG_META.has(name))
            continue;
        const ref = reference.columns.get(name);
        const cur = current.columns.get(name);
        const col = compareColumn(name, ref, cur, options, current.rows === 0);
        col.role = predictions.has(name) || isLoggedOutput(name) ? 'prediction' : 'feature';
        columns.push(col);
    }
    for (const p of predictions)
        if (!reference.columns.has(p) && !current.columns.has(p))
            problems.push(`prediction column "${p}" is in neither data set`);
    columns.sort((a, b) => b.severity - a.severity || (a.name < b.name ? -1 : 1));
    const tested = columns.filter((c) => c.test !== null);
    const nDrifted = tested.filter((c) => c.drifted).length;
    const share = tested.length ? nDrifted / tested.length : 0;
    const predictionCols = columns.filter((c) => c.role === 'prediction');
    const datasetDrifted = tested.length > 0 && share >= driftShare;
    return {
        drifted: datasetDrifted,
        dataset_drifted: datasetDrifted,
        share,
        drift_share_threshold: driftShare,
        n_tested: tested.length,
        n_drifted: nDrifted,
        rows: { reference: reference.rows, current: current.rows },
        columns,
        prediction_drift: predictionCols.length
            ? {
                drifted: predictionCols.some((c) => c.drifted),
                columns: predictionCols.filter((c) => c.drifted).map((c) => c.name),
            }
            : null,
        performance: null,
        problems,
    };
}
function missingRate(c) {
    return c && c.count ? c.missing / c.count : 0;
}
function nonMissing(c) {
    return c ? c.numeric + c.boolean + c.text : 0;
}
function where(c, side) {
    const t = c.firstText;
    const n = c.firstNumber;
    const at = (w) => `${w.file} row ${w.row}: ${JSON.stringify(w.value)}`;
    return `${side} mixes numbers (${c.numeric + c.infinite}, first at ${n ? at(n) : '?'}) and text (${c.text}, first at ${t ? at(t) : '?'}); clean the column or list it in drift.ignore`;
}
function compareColumn(name, ref, cur, options, emptyCurrent) {
    const refKind = ref ? (0,column_kind/* columnKind */.z1)(ref) : 'empty';
    const curKind = cur ? (0,column_kind/* columnKind */.z1)(cur) : 'empty';
    const mr = {
        reference: missingRate(ref),
        current: missingRate(cur),
        change: missingRate(cur) - missingRate(ref),
        flagged: false,
    };
    mr.flagged = !emptyCurrent && Math.abs(mr.change) > (options.missingRateTolerance ?? 0.1);
    const out = {
        name,
        type: refKind,
        role: 'feature',
        test: null,
        statistic: null,
        threshold: null,
        drifted: false,
        severity: 0,
        n_reference: nonMissing(ref),
        n_current: nonMissing(cur),
        missing_rate: mr,
        problems: [],
    };
    if (mr.flagged)
        out.problems.push(`missing rate moved from ${pct(mr.reference)} to ${pct(mr.current)}`);
    if (!ref) {
        out.type = curKind;
        out.problems.push('column only in the current data');
        return out;
    }
    if (!cur) {
        out.problems.push('column only in the reference');
        return out;
    }
    if (emptyCurrent)
        return out;
    if (refKind === 'mixed')
        out.problems.push(where(ref, 'reference'));
    if (curKind === 'mixed')
        out.problems.push(where(cur, 'current data'));
    if (refKind === 'empty')
        out.problems.push('every value is missing in the reference');
    if (curKind === 'empty' && refKind !== 'empty')
        out.problems.push('every value is missing in the current data');
    if (refKind === 'text')
        out.problems.push('free text (too many distinct values): not tested');
    if (out.problems.length &&
        (refKind === 'mixed' ||
            curKind === 'mixed' ||
            refKind === 'empty' ||
            curKind === 'empty' ||
            refKind === 'text'))
        return out;
    const kind = refKind;
    const curComparable = curKind === refKind ||
        (curKind === 'boolean' && refKind === 'categorical') ||
        (curKind === 'categorical' && refKind === 'boolean') ||
        (curKind === 'text' && refKind !== 'numeric');
    if (!curComparable) {
        out.problems.push(`type changed: ${refKind} in the reference, ${curKind} in the current data`);
        return out;
    }
    const nUnique = uniqueCount(ref, cur, kind);
    let test = options.columnTests?.[name] ??
        options.forcedTest ??
        defaultTest(kind, out.n_reference, nUnique);
    if (!testApplies(test, kind, nUnique)) {
        const fallback = defaultTest(kind, out.n_reference, nUnique);
        out.problems.push(`test ${test} does not apply to a ${kind} column with ${nUnique} distinct values; used ${fallback}`);
        test = fallback;
    }
    const threshold = options.columnThresholds?.[name] ?? options.thresholds?.[test] ?? DEFAULT_THRESHOLDS[test];
    const r = kind === 'numeric' ? numericTest(test, ref, cur) : categoricalTest(test, ref, cur);
    out.test = test;
    out.statistic = r.statistic;
    if (isPValueTest(test))
        out.p_value = r.pValue;
    if (r.method)
        out.method = r.method;
    if (r.statisticError)
        out.statistic_error = r.statisticError;
    out.threshold = threshold;
    out.drifted = isDrifted(test, r.statistic, r.pValue, threshold);
    out.severity = isPValueTest(test)
        ? Math.log(Math.max(r.pValue ?? 1, 1e-300)) / Math.log(threshold)
        : r.statistic / threshold;
    out.histogram = kind === 'numeric' ? numericHistogram(ref, cur) : categoricalHistogram(ref, cur);
    if (kind !== 'numeric' && ref.categories && cur.categories) {
        const unseen = [...cur.categories.keys()].filter((k) => !ref.categories.has(k)).sort();
        if (unseen.length) {
            out.unseen_count = unseen.length;
            out.unseen_categories = unseen.slice(0, MAX_UNSEEN_LISTED);
            out.problems.push(`${unseen.length} categor${unseen.length === 1 ? 'y' : 'ies'} not seen in the reference`);
        }
    }
    return out;
}
function pct(x) {
    return `${(x * 100).toFixed(1)}%`;
}
function uniqueCount(ref, cur, kind) {
    const a = kind === 'numeric' ? ref.numericValues : ref.categories;
    const b = kind === 'numeric' ? cur.numericValues : cur.categories;
    if (!a || !b)
        return Infinity;
    const keys = new Set(a.keys());
    for (const k of b.keys())
        keys.add(k);
    return keys.size;
}
function numericTest(test, ref, cur) {
    const a = (0,column_kind/* numericSample */.Sd)(ref);
    const b = (0,column_kind/* numericSample */.Sd)(cur);
    const exact = !a.weights && !b.weights;
    const approxError = ref.sketch.rankError / ref.sketch.n + cur.sketch.rankError / cur.sketch.n;
    switch (test) {
        case 'ks': {
            if (exact) {
                const r = ks2Samp(a.values, b.values);
                return { statistic: r.statistic, pValue: r.pValue, method: r.method };
            }
            // Compacted sketches: statistic within approxError; p-value as scipy's asymp at the true sizes.
            const d = weightedKsStatistic(a.values, a.weights, b.values, b.weights);
            const [m, n] = ref.sketch.n >= cur.sketch.n ? [ref.sketch.n, cur.sketch.n] : [cur.sketch.n, ref.sketch.n];
            const en = Math.round((m * n) / (m + n));
            return {
                statistic: d,
                pValue: kolmogorovSmirnovSf(en, d),
                method: 'asymp',
                statisticError: approxError,
            };
        }
        case 'wasserstein': {
            const w = wassersteinDistance(a.values, b.values, a.weights, b.weights);
            const std = exact ? populationStd(a.values) : Math.sqrt(ref.moments.m2 / ref.moments.n);
            const outcome = { statistic: w / Math.max(std, 0.001), pValue: null };
            // |W1 error| <= sup|F error| * span of both samples.
            const span = Math.max(ref.moments.max, cur.moments.max) - Math.min(ref.moments.min, cur.moments.min);
            if (!exact)
                outcome.statisticError = (approxError * span) / Math.max(std, 0.001);
            return outcome;
        }
        default: {
            const { refCounts, curCounts } = numericBinsForTest(test, ref, cur);
            return countTest(test, refCounts, curCounts);
        }
    }
}
/**
 * Count vectors for chi2 / z / psi / js on a numeric column: per-value counts when the values are
 * few (Evidently's value frequencies: <= 20 reference values for psi/js; any exact value table for
 * chi2 and z), else the reference's decile bins.
 */
function numericBinsForTest(test, ref, cur) {
    const rv = ref.numericValues;
    const cv = cur.numericValues;
    const byValue = rv && cv && (test === 'chi2' || test === 'z' || rv.size <= VALUE_FREQUENCY_MAX_UNIQUE);
    if (byValue) {
        const keys = [...new Set([...rv.keys(), ...cv.keys()])].sort((x, y) => x - y);
        return {
            refCounts: keys.map((k) => rv.get(k) ?? 0),
            curCounts: keys.map((k) => cv.get(k) ?? 0),
        };
    }
    const edges = (0,column_kind/* referenceDecileEdges */.S8)(ref);
    const a = (0,column_kind/* numericSample */.Sd)(ref);
    const b = (0,column_kind/* numericSample */.Sd)(cur);
    return {
        refCounts: (0,psi_bins/* binCounts */.Yk)(edges, a.values, a.weights),
        curCounts: (0,psi_bins/* binCounts */.Yk)(edges, b.values, b.weights),
    };
}
function categoricalCounts(ref, cur) {
    const rc = ref.categories ?? new Map();
    const cc = cur.categories ?? new Map();
    const labels = [...new Set([...rc.keys(), ...cc.keys()])].sort();
    return {
        labels,
        refCounts: labels.map((k) => rc.get(k) ?? 0),
        curCounts: labels.map((k) => cc.get(k) ?? 0),
    };
}
function categoricalTest(test, ref, cur) {
    const { refCounts, curCounts } = categoricalCounts(ref, cur);
    return countTest(test, refCounts, curCounts);
}
function countTest(test, refCounts, curCounts) {
    switch (test) {
        case 'chi2': {
            const r = chiSquareContingency(refCounts, curCounts, true);
            return { statistic: r.statistic, pValue: r.pValue };
        }
        case 'z': {
            const nRef = refCounts.reduce((s, x) => s + x, 0);
            const nCur = curCounts.reduce((s, x) => s + x, 0);
            const r = proportionZTest(refCounts[0] ?? 0, nRef, curCounts[0] ?? 0, nCur);
            return { statistic: r.statistic, pValue: r.pValue };
        }
        case 'psi':
            return { statistic: psi(refCounts, curCounts), pValue: null };
        case 'js':
            return { statistic: jensenShannon(refCounts, curCounts), pValue: null };
        default:
            throw new Error(`test ${test} is not a count test`);
    }
}
function fmt(x) {
    return Number.isInteger(x) ? String(x) : x.toPrecision(4).replace(/\.?0+$/, '');
}
function numericHistogram(ref, cur) {
    const edges = (0,column_kind/* referenceDecileEdges */.S8)(ref);
    const a = (0,column_kind/* numericSample */.Sd)(ref);
    const b = (0,column_kind/* numericSample */.Sd)(cur);
    const rc = (0,psi_bins/* binCounts */.Yk)(edges, a.values, a.weights);
    const cc = (0,psi_bins/* binCounts */.Yk)(edges, b.values, b.weights);
    const labels = rc.map((_, i) => i === 0
        ? `< ${fmt(edges[0])}`
        : i === edges.length
            ? `>= ${fmt(edges[i - 1])}`
            : `${fmt(edges[i - 1])}..${fmt(edges[i])}`);
    return { labels, reference: shares(rc), current: shares(cc) };
}
const HISTOGRAM_CATEGORIES = 10;
function categoricalHistogram(ref, cur) {
    const { labels, refCounts, curCounts } = categoricalCounts(ref, cur);
    const rs = shares(refCounts);
    const cs = shares(curCounts);
    const order = labels.map((_, i) => i).sort((i, j) => rs[j] + cs[j] - (rs[i] + cs[i]));
    const top = order.slice(0, HISTOGRAM_CATEGORIES);
    const rest = order.slice(HISTOGRAM_CATEGORIES);
    const h = {
        labels: top.map((i) => labels[i]),
        reference: top.map((i) => rs[i]),
        current: top.map((i) => cs[i]),
    };
    if (rest.length) {
        h.labels.push(`(${rest.length} others)`);
        h.reference.push(rest.reduce((s, i) => s + rs[i], 0));
        h.current.push(rest.reduce((s, i) => s + cs[i], 0));
    }
    return h;
}
function shares(counts) {
    const total = counts.reduce((s, x) => s + x, 0);
    return counts.map((c) => (total ? c / total : 0));
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/gates/thresholds.ts
var thresholds = __webpack_require__(6038);
// EXTERNAL MODULE: ./src/core/metrics/names.ts
var metrics_names = __webpack_require__(5917);
// EXTERNAL MODULE: ./src/core/profile/performance-profile.ts
var performance_profile = __webpack_require__(4127);
;// CONCATENATED MODULE: ./src/core/drift/performance-drift.ts




const DEFAULT_MIN_ROWS = 30;
function defaultMetric(task, primary) {
    return primary ?? (task === 'regression' ? 'rmse' : 'accuracy');
}
function comparePerformance(reference, current, rules = {}) {
    const spec = current.spec;
    const problems = [];
    const refProfile = reference.source === 'data' ? reference.profile : undefined;
    const classes = spec.task !== 'regression' && refProfile ? (0,performance_profile/* sharedClasses */.Qf)(refProfile, current) : undefined;
    const curMetrics = current.metrics(classes);
    const refMetrics = reference.source === 'data' ? reference.profile.metrics(classes) : reference.metrics;
    const refRows = reference.source === 'data' ? reference.profile.labelled : (reference.rows ?? null);
    const out = {
        task: spec.task,
        label: spec.label,
        ...(spec.prediction ? { prediction: spec.prediction } : {}),
        ...(spec.score ? { score: spec.score } : {}),
        reference_source: reference.source,
        ...(reference.source === 'registry' ? { reference_version: reference.version } : {}),
        rows: { reference: refRows, current: current.labelled },
        unlabelled: {
            reference: refProfile ? refProfile.unlabelled : null,
            current: current.unlabelled,
        },
        metrics: [],
        drifted: false,
        problems,
    };
    if (current.invalid) {
        const f = current.firstInvalid;
        problems.push(`${current.invalid} current row(s) had an unreadable label, prediction or score` +
            (f
                ? ` (first: ${f.file} row ${f.row}, column "${f.column}": ${JSON.stringify(f.value)})`
                : ''));
    }
    if (refProfile && refProfile.labelled === 0) {
        problems.push(`the reference has no labelled rows (columns "${spec.label}" and predictions)`);
        return out;
    }
    const minRows = rules.minRows ?? DEFAULT_MIN_ROWS;
    if (current.labelled < minRows) {
        problems.push(current.labelled === 0
            ? `no labelled rows in the current window (column "${spec.label}" with a prediction): performance not checked`
            : `only ${current.labelled} labelled current row(s), fewer than ${minRows}: performance not checked`);
    }
    const drops = rules.maxDrop ?? { [defaultMetric(spec.task, rules.primaryMetric)]: '5%' };
    const names = Object.keys(curMetrics).filter((m) => Number.isFinite(curMetrics[m]) && Number.isFinite(refMetrics[m]));
    const limits = new Map(Object.entries(drops).map(([m, v]) => [
        m,
        (0,thresholds/* parseThreshold */.B7)(v, `drift.performance.max_drop.${m}`),
    ]));
    for (const m of limits.keys())
        if (!names.includes(m))
            problems.push(`metric "${m}" cannot be compared (${m in curMetrics ? 'undefined on one side' : 'not computed for this task and columns'})`);
    for (const name of names) {
        const ref = refMetrics[name];
        const cur = curMetrics[name];
        const direction = (0,metrics_names/* directionOf */.FR)(name, rules.directions);
        const row = {
            name,
            reference: ref,
            current: cur,
            change: cur - ref,
            direction,
            checked: false,
            drifted: false,
        };
        const t = limits.get(name);
        if (t) {
            row.max_drop = t.text;
            row.checked = current.labelled >= minRows;
            const allowed = t.kind === 'relative' ? t.amount * Math.abs(ref) : t.amount;
            row.drifted = row.checked && worseBy(row) > allowed + 1e-12;
        }
        if (name === 'accuracy' && refRows) {
            const z = proportionZTest(Math.round(ref * refRows), refRows, Math.round(cur * current.labelled), current.labelled);
            row.p_value = z.pValue;
        }
        out.metrics.push(row);
    }
    // Checked metrics first, then by how much worse they got.
    out.metrics.sort((a, b) => Number(b.checked) - Number(a.checked) ||
        worseBy(b) - worseBy(a) ||
        (a.name < b.name ? -1 : 1));
    out.drifted = out.metrics.some((m) => m.drifted);
    return out;
}
function worseBy(m) {
    return m.direction === 'higher' ? -m.change : m.change;
}

// EXTERNAL MODULE: ./src/registry/index.ts
var src_registry = __webpack_require__(1119);
// EXTERNAL MODULE: ./src/commands/drift-performance.ts
var drift_performance = __webpack_require__(662);
;// CONCATENATED MODULE: ./src/core/report/markdown-escape.ts
/**
 * Escaping for text from data (column names, categories, file names) placed in GitHub Markdown:
 * nothing from data may open HTML, break a table, start code, or @mention / #reference anyone.
 */
const MARKDOWN_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '`': '&#96;',
    '@': '&#64;',
    '#': '&#35;',
};
/** For a Markdown table cell or inline text. */
function escapeMarkdown(text, maxLength = 120) {
    const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
    // One pass: replacing characters one after another would escape the `#` and `&` of the
    // entities written before (`@` -> `&#64;` -> `&&#35;64;`).
    return clipped
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/[&<>|`@#]|([\\*_[\]~!])/g, (c, md) => md ? `\\${md}` : MARKDOWN_ENTITIES[c]);
}
const MERMAID_ENTITIES = {
    '#': '#35;',
    '"': '#quot;',
    '<': '#lt;',
    '>': '#gt;',
    '`': '#96;',
    '@': '#64;',
    '&': '#38;',
};
/** For a double-quoted string inside a Mermaid block (entity codes are Mermaid's `#name;` form). */
function escapeMermaid(text, maxLength = 40) {
    const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
    // One pass, for the same reason as above (`#` of earlier entities must stay).
    return clipped.replace(/[\r\n\t]+/g, ' ').replace(/[#"<>`@&]/g, (c) => MERMAID_ENTITIES[c]);
}

;// CONCATENATED MODULE: ./src/core/report/drift-report.ts

/** A statistic as the drift report shows it: up to 4 decimals, tiny values in exponent form. */
const drift_report_fmt = (x) => {
    if (x === null || x === undefined)
        return '—';
    if (!Number.isFinite(x))
        return String(x);
    if (x !== 0 && Math.abs(x) < 1e-4)
        return x.toExponential(2);
    return x.toFixed(4).replace(/\.?0+$/, '') || '0';
};
const drift_report_pct = (x) => `${(x * 100).toFixed(1)}%`;
function renderDriftMarkdown(report, ctx) {
    const out = [];
    const title = ctx.model ? `Drift check: ${escapeMarkdown(ctx.model)}` : 'Drift check';
    out.push(`## ${title}`, '');
    const verdict = (report.dataset_drifted ?? report.drifted)
        ? `**Drift detected**: ${report.n_drifted} of ${report.n_tested} columns drifted (${drift_report_pct(report.share)}, threshold ${drift_report_pct(report.drift_share_threshold)}).`
        : `**No dataset drift**: ${report.n_drifted} of ${report.n_tested} columns drifted (${drift_report_pct(report.share)}, threshold ${drift_report_pct(report.drift_share_threshold)}).`;
    out.push(verdict, '');
    out.push(`Reference: \`${codeSafe(ctx.reference)}\` (${report.rows.reference} rows) · current: \`${codeSafe(ctx.current)}\` (${report.rows.current} rows)${ctx.runUrl ? ` · [run](${encodeURI(ctx.runUrl)})` : ''}`, '');
    if (report.prediction_drift) {
        out.push(report.prediction_drift.drifted
            ? `**Prediction drift** in ${report.prediction_drift.columns.map((c) => `\`${codeSafe(c)}\``).join(', ')}.`
            : 'No prediction drift.', '');
    }
    if (report.performance)
        out.push(...performanceSection(report.performance), '');
    for (const p of report.problems)
        out.push(`> [!WARNING]\n> ${escapeMarkdown(p, 300)}`, '');
    out.push(...columnTable(report.columns, ctx.maxRows ?? 60), '');
    const drifted = report.columns
        .filter((c) => c.drifted && c.histogram)
        .slice(0, ctx.maxCharts ?? 4);
    if (drifted.length) {
        out.push('### Most drifted columns', '', 'Bars: reference share per bin; line: current share.', '');
        for (const c of drifted)
            out.push(...histogramChart(c), '');
    }
    if (ctx.history && ctx.history.length)
        out.push(...trendChart(ctx.history, report), '');
    out.push('<sub>Tests follow Evidently’s defaults (KS / chi-square / z for ≤ 1000 reference rows, Wasserstein / Jensen-Shannon above); values match scipy.</sub>');
    return out.join('\n');
}
/** Text inside `inline code`: backticks cannot close it, nothing else is interpreted. */
function codeSafe(s) {
    return s
        .replace(/`/g, "'")
        .replace(/[\r\n]+/g, ' ')
        .slice(0, 200);
}
function columnTable(columns, maxRows) {
    const rows = [
        '| column | type | test | statistic | p-value | drifted | missing (ref → cur) | notes |',
        '| --- | --- | --- | ---: | ---: | :---: | --- | --- |',
    ];
    for (const c of columns.slice(0, maxRows)) {
        const notes = [...c.problems];
        if (c.unseen_categories?.length)
            notes.push(`new: ${c.unseen_categories.slice(0, 5).join(', ')}`);
        if (c.statistic_error)
            notes.push(`± ${drift_report_fmt(c.statistic_error)} (sketch)`);
        rows.push(`| ${escapeMarkdown(c.name)}${c.role === 'prediction' ? ' (prediction)' : ''} | ${c.type} | ${c.test ?? '—'} | ${drift_report_fmt(c.statistic)} | ${c.p_value === undefined ? '—' : drift_report_fmt(c.p_value)} | ${c.test === null ? '—' : c.drifted ? '🔴 yes' : 'no'} | ${drift_report_pct(c.missing_rate.reference)} → ${drift_report_pct(c.missing_rate.current)} | ${escapeMarkdown(notes.join('; '), 200)} |`);
    }
    if (columns.length > maxRows)
        rows.push(`| … ${columns.length - maxRows} more columns in the artifact | | | | | | | |`);
    return rows;
}
function performanceSection(perf) {
    const checked = perf.metrics.filter((m) => m.drifted);
    const out = [
        '### Performance on labelled rows',
        '',
        perf.drifted
            ? `**Performance drift**: ${checked.map((m) => `${escapeMarkdown(m.name)} ${drift_report_fmt(m.reference)} → ${drift_report_fmt(m.current)} (allowed drop ${m.max_drop})`).join(', ')}.`
            : perf.metrics.some((m) => m.checked)
                ? 'Performance is within its allowed drop.'
                : 'Performance not checked.',
        '',
        `Label \`${codeSafe(perf.label)}\`, prediction ${perf.prediction ? `\`${codeSafe(perf.prediction)}\`` : '—'}${perf.score ? `, score \`${codeSafe(perf.score)}\`` : ''} · reference: ${perf.reference_source === 'registry'
            ? `metrics recorded for version ${escapeMarkdown(perf.reference_version ?? '?')} (evaluation data${perf.rows.reference ? `, ${perf.rows.reference} rows` : ''})`
            : `labelled reference rows (${perf.rows.reference ?? 0})`} · current: ${perf.rows.current} labelled, ${perf.unlabelled.current} without a label or prediction`,
        '',
    ];
    for (const p of perf.problems)
        out.push(`> [!WARNING]\n> ${escapeMarkdown(p, 300)}`, '');
    if (!perf.metrics.length)
        return out;
    out.push('| metric | reference | current | change | allowed drop | drifted | p-value |', '| --- | ---: | ---: | ---: | ---: | :---: | ---: |');
    for (const m of perf.metrics)
        out.push(`| ${escapeMarkdown(m.name)} | ${drift_report_fmt(m.reference)} | ${drift_report_fmt(m.current)} | ${m.change > 0 ? '+' : ''}${drift_report_fmt(m.change)} | ${m.max_drop ?? '—'} | ${m.checked ? (m.drifted ? '🔴 yes' : 'no') : '—'} | ${m.p_value === undefined ? '—' : drift_report_fmt(m.p_value)} |`);
    return out;
}
function histogramChart(c) {
    const h = c.histogram;
    const max = Math.max(...h.reference, ...h.current, 0.01);
    return [
        `**${escapeMarkdown(c.name)}** — ${c.test} ${drift_report_fmt(c.statistic)}${c.p_value !== undefined ? `, p = ${drift_report_fmt(c.p_value)}` : ''}`,
        '',
        '```mermaid',
        'xychart-beta',
        `  title "${escapeMermaid(c.name)}"`,
        `  x-axis [${h.labels.map((l) => `"${escapeMermaid(l, 24)}"`).join(', ')}]`,
        `  y-axis "share" 0 --> ${Math.min(1, Math.ceil(max * 110) / 100)}`,
        `  bar [${h.reference.map((x) => x.toFixed(4)).join(', ')}]`,
        `  line [${h.current.map((x) => x.toFixed(4)).join(', ')}]`,
        '```',
    ];
}
function trendChart(history, report) {
    const points = [
        ...history.slice(-19).map((h) => ({ at: h.at, share: h.share })),
        { at: 'now', share: report.share },
    ];
    return [
        '### Trend',
        '',
        `Share of drifted columns over the last ${points.length} checks (threshold ${drift_report_pct(report.drift_share_threshold)}).`,
        '',
        '```mermaid',
        'xychart-beta',
        '  title "Share of drifted columns"',
        `  x-axis [${points.map((p) => `"${escapeMermaid(p.at.slice(0, 10))}"`).join(', ')}]`,
        '  y-axis "share" 0 --> 1',
        `  line [${points.map((p) => p.share.toFixed(3)).join(', ')}]`,
        `  line [${points.map(() => report.drift_share_threshold.toFixed(3)).join(', ')}]`,
        '```',
    ];
}

// EXTERNAL MODULE: ./src/commands/profile.ts + 4 modules
var commands_profile = __webpack_require__(8919);
;// CONCATENATED MODULE: ./src/commands/drift.ts













function parseTestName(value, where) {
    if (value === undefined || value === '')
        return undefined;
    if (DRIFT_TESTS.includes(value))
        return value;
    throw new errors/* ModelciError */.wN('INPUT', `unknown drift test "${value}"`, {
        path: where,
        hint: `Use one of ${DRIFT_TESTS.join(', ')}`,
    });
}
function driftConfigFor(configFile, explicit, model) {
    const loaded = (0,load/* loadConfig */.Z9)(configFile, { explicit });
    const resolved = (0,load/* resolveModel */.AX)(loaded, model);
    return {
        model: resolved.name,
        drift: { ...(loaded.config.drift ?? {}), ...(resolved.model.drift ?? {}) },
        modelConfig: resolved.model,
        registryPath: loaded.config.registry?.path ?? 'registry',
    };
}
function driftOptionsFrom(config, forced) {
    const columnTests = {};
    const columnThresholds = {};
    for (const [name, c] of Object.entries(config.columns ?? {})) {
        if (c.test)
            columnTests[name] = c.test;
        if (c.threshold !== undefined)
            columnThresholds[name] = c.threshold;
    }
    const options = {
        columnTests,
        columnThresholds,
        ignore: config.ignore ?? [],
        predictionColumns: config.prediction_columns ?? [],
    };
    const test = forced ?? config.test;
    if (test)
        options.forcedTest = test;
    if (config.thresholds)
        options.thresholds = config.thresholds;
    if (config.threshold !== undefined)
        options.driftShare = config.threshold;
    if (config.missing_rate_tolerance !== undefined)
        options.missingRateTolerance = config.missing_rate_tolerance;
    return options;
}
async function loadSide(file, sketchSize, performance, onProgress) {
    if ((0,commands_profile/* isProfilePath */.zz)(file))
        return { profile: (0,commands_profile/* readProfile */.er)(file), invalidUtf8: 0 };
    const opts = {};
    if (sketchSize !== undefined)
        opts.sketchSize = sketchSize;
    if (performance)
        opts.performance = performance;
    if (onProgress)
        opts.onProgress = onProgress;
    const { profile, notes } = await (0,commands_profile/* profileFile */.aC)(file, opts);
    return { profile, invalidUtf8: notes.invalidUtf8Cells };
}
function readHistory(file) {
    if (!file || !(0,external_node_fs_.existsSync)(file))
        return [];
    try {
        const data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        if (Array.isArray(data))
            return data.filter((e) => typeof e === 'object' && e !== null && typeof e.share === 'number');
    }
    catch {
        // fall through to the error below
    }
    throw new errors/* ModelciError */.wN('INPUT', 'drift history is not a JSON list of earlier results', {
        file,
        hint: 'Delete the file to start a new history',
    });
}
function write(file, text) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, text);
}
async function runDrift(options) {
    const forced = parseTestName(options.test, '--test');
    const { model, drift, modelConfig, registryPath } = driftConfigFor(options.config, options.configExplicit ?? false, options.model);
    const spec = (0,drift_performance/* performanceSpecFor */.V)(drift, modelConfig, options.performance);
    const stored = options.reference
        ? undefined
        : storedReference(options.registry ?? registryPath, model, options.referenceVersion);
    const referenceFile = options.reference ?? stored.profile;
    const reference = await loadSide(referenceFile, drift.sketch_size, spec, options.onProgress);
    // Compare like with like: the current side uses the reference profile's sketch size.
    const current = await loadSide(options.current, reference.profile.sketchK, spec, options.onProgress);
    if (current.profile.sketchK !== reference.profile.sketchK) {
        throw new errors/* ModelciError */.wN('INPUT', `sketch size ${current.profile.sketchK} differs from the reference's ${reference.profile.sketchK}`, {
            file: options.current,
            hint: 'Profile both sides with the same --sketch-size',
        });
    }
    const compareOptions = driftOptionsFrom(drift, forced);
    // The columns performance reads the model's output from are predictions too (prediction drift).
    if (spec)
        for (const c of [spec.prediction, spec.score])
            if (c && !compareOptions.predictionColumns.includes(c))
                compareOptions.predictionColumns.push(c);
    const report = compareProfiles(reference.profile, current.profile, compareOptions);
    if (spec) {
        report.performance = performanceDrift(spec, reference.profile, current.profile, stored, {
            ...(drift.performance?.max_drop ? { maxDrop: drift.performance.max_drop } : {}),
            ...(drift.performance?.min_rows ? { minRows: drift.performance.min_rows } : {}),
            ...(modelConfig.primary_metric ? { primaryMetric: modelConfig.primary_metric } : {}),
        });
        report.drifted = report.dataset_drifted || report.performance.drifted;
    }
    const invalid = reference.invalidUtf8 + current.invalidUtf8;
    if (invalid)
        report.problems.push(`${invalid} cell(s) were not valid UTF-8 and were read with U+FFFD replacement characters`);
    // Contract fields first in each column: name, type, test, statistic, p_value, drifted.
    report.columns = report.columns.map(({ name, type, test, statistic, p_value, drifted, ...rest }) => ({
        name,
        type,
        test,
        statistic,
        ...(p_value === undefined ? {} : { p_value }),
        drifted,
        ...rest,
    }));
    const json = {
        ...report,
        model,
        reference: referenceFile,
        current: options.current,
        empty_current: current.profile.rows === 0,
        invalid_utf8_cells: invalid,
    };
    const history = readHistory(options.history);
    const ctx = {
        model,
        reference: stored ? `${referenceFile} (${model} ${stored.version})` : referenceFile,
        current: options.current,
        history,
    };
    if (options.runUrl)
        ctx.runUrl = options.runUrl;
    const markdown = renderDriftMarkdown(report, ctx);
    if (options.history) {
        const entry = {
            at: options.now ?? new Date().toISOString(),
            drifted: report.drifted,
            share: report.share,
            n_drifted: report.n_drifted,
            n_tested: report.n_tested,
        };
        if (options.runUrl)
            entry.run_url = options.runUrl;
        write(options.history, JSON.stringify([...history, entry].slice(-100), null, 2) + '\n');
    }
    if (options.markdownOut)
        write(options.markdownOut, markdown + '\n');
    if (options.jsonOut)
        write(options.jsonOut, JSON.stringify(json, null, 2) + '\n');
    return { json, markdown, model, config: drift, reference: referenceFile };
}
function storedReference(registryDir, model, ref) {
    const registry = (0,src_registry/* openRegistry */.Me)(registryDir);
    const version = registry.resolveVersion(model, ref ?? '#production');
    const profile = registry.profilePath(model, version);
    if (!(0,external_node_fs_.existsSync)(profile))
        throw new errors/* ModelciError */.wN('INPUT', `no reference profile stored for ${model} ${version}`, {
            file: profile,
            hint: 'Register versions with a profile (modelci register --profile-data <training data>), or pass a reference file',
        });
    const record = registry.getVersion(model, version);
    const expected = record.reference_profile?.sha256;
    if (expected) {
        const actual = (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(profile)).digest('hex');
        if (actual !== expected)
            throw new errors/* ModelciError */.wN('REGISTRY', `the stored profile of ${model} ${version} changed since registration (sha256 ${actual.slice(0, 12)}…, recorded ${expected.slice(0, 12)}…)`, { file: profile, hint: 'Restore it from git history (git log -- <file>)' });
    }
    const metrics = Object.fromEntries(Object.entries(record.metrics ?? {}).map(([k, v]) => [k, v.value]));
    const rows = record.evaluation_data?.rows;
    return { version, profile, metrics, ...(rows !== undefined ? { rows } : {}) };
}
function performanceDrift(spec, reference, current, stored, rules) {
    const cur = current.performance ?? new performance_profile/* PerformanceProfile */.sm(spec);
    if (!current.performance)
        cur.unlabelled = current.rows;
    const ref = reference.performance;
    // The reference's own labelled rows when it has them; else what evaluate recorded at registration.
    if (ref && ref.labelled > 0)
        return comparePerformance({ source: 'data', profile: ref }, cur, rules);
    if (stored && Object.keys(stored.metrics).length)
        return comparePerformance({
            source: 'registry',
            version: stored.version,
            metrics: stored.metrics,
            ...(stored.rows !== undefined ? { rows: stored.rows } : {}),
        }, cur, rules);
    return comparePerformance({ source: 'data', profile: ref ?? new performance_profile/* PerformanceProfile */.sm(spec) }, cur, rules);
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/drift.ts



const usageError = (message) => new errors/* ModelciError */.wN('USAGE', message);
/** Progress on stderr, only in a terminal, at most 4 updates a second (and at each new file). */
function progressPrinter(io) {
    if (!io.isTTY)
        return undefined;
    let last = 0;
    let lastFile = '';
    return (p) => {
        const now = Date.now();
        if (now - last < 250 && p.file === lastFile)
            return;
        last = now;
        lastFile = p.file;
        io.stderr(`\r\x1b[2Kreading ${p.file}: ${p.rows.toLocaleString('en-US')} rows`);
    };
}
/** `--label/--prediction/--score/--task`: performance drift columns (drift and profile). */
const performanceOptions = {
    label: { type: 'string' },
    prediction: { type: 'string' },
    score: { type: 'string' },
    task: { type: 'string' },
};
function performanceFlagsOf(args) {
    const flags = {};
    for (const flag of ['label', 'prediction', 'score', 'task']) {
        const v = (0,command/* stringOpt */.rJ)(args, flag);
        if (v !== undefined)
            flags[flag] = v;
    }
    return Object.keys(flags).length ? flags : undefined;
}
const driftCommand = {
    name: 'drift',
    summary: 'Compare current data with a reference (data or profile): per-column drift tests and a verdict',
    usage: [
        'Usage: modelci drift --reference <data|profile.json> --current <data> [--test ks|chi2|psi|js|wasserstein|z] [--json]',
        '       modelci drift --model <name> [--reference-version #production] --current <data> [--json]',
        '',
        'Options:',
        '  --reference <file>   reference data (.csv/.tsv/.jsonl/.parquet) or a profile from `modelci profile`;',
        '                       default: the registry profile of --reference-version',
        '  --reference-version <ref>  #production (default), #staging, X.Y.Z or latest',
        '  --registry <dir>     registry folder (default: registry.path from config, else registry)',
        '  --current <file>     current data (same formats)',
        '  --test <name>        force one test on every column it applies to (default: chosen per column)',
        '  --json               print exactly one JSON object (drifted, share, columns, ...)',
        '  --config <file>      modelci.yaml (drift settings; default ./modelci.yaml if present)',
        '  --model <name>       model whose drift settings apply',
        '  --history <file>     JSON list of earlier results: shown as a trend, this result appended',
        '  --markdown <file>    also write the Markdown report here',
        '  --output <file>      also write the JSON result here',
        '  --label <column>     performance drift: the label column (default drift.performance.label, data.label)',
        '  --prediction <column>  predicted label/value column (default _out.label)',
        '  --score <column>     binary: positive-class probability column (enables roc_auc, log_loss, ...)',
        "  --task <task>        binary, multiclass or regression (default: the model's task)",
        '',
        'Exit code 0 whether or not drift was found; 1 on an error.',
    ].join('\n'),
    options: {
        reference: { type: 'string' },
        current: { type: 'string' },
        test: { type: 'string' },
        json: { type: 'boolean' },
        config: { type: 'string' },
        model: { type: 'string' },
        history: { type: 'string' },
        markdown: { type: 'string' },
        output: { type: 'string' },
        'reference-version': { type: 'string' },
        registry: { type: 'string' },
        ...performanceOptions,
    },
    async run(args, io) {
        const reference = (0,command/* stringOpt */.rJ)(args, 'reference');
        const current = (0,command/* stringOpt */.rJ)(args, 'current');
        if (!current)
            throw usageError('--current is required');
        const config = (0,command/* stringOpt */.rJ)(args, 'config');
        const progress = progressPrinter(io);
        const options = {
            current,
            config: config ?? 'modelci.yaml',
            configExplicit: config !== undefined,
        };
        const test = (0,command/* stringOpt */.rJ)(args, 'test');
        if (test !== undefined)
            options.test = test;
        if (reference !== undefined)
            options.reference = reference;
        for (const [flag, key] of [
            ['registry', 'registry'],
            ['reference-version', 'referenceVersion'],
            ['model', 'model'],
            ['history', 'history'],
            ['markdown', 'markdownOut'],
            ['output', 'jsonOut'],
        ]) {
            const v = (0,command/* stringOpt */.rJ)(args, flag);
            if (v !== undefined)
                options[key] = v;
        }
        const performance = performanceFlagsOf(args);
        if (performance)
            options.performance = performance;
        if (progress)
            options.onProgress = progress;
        const result = await runDrift(options);
        if (progress)
            io.stderr('\r\x1b[2K');
        if ((0,command/* flagOpt */.ac)(args, 'json'))
            io.stdout(JSON.stringify(result.json) + '\n');
        else
            io.stdout(result.markdown + '\n');
        if (result.json.empty_current)
            io.stderr('modelci drift: the current window is empty: no rows to compare\n');
        return 0;
    },
};


/***/ }),

/***/ 662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ performanceSpecFor)
/* harmony export */ });
/* unused harmony export DEFAULT_PREDICTION_COLUMN */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** The prediction log's column for a model output named `label` (the built-in trainers' name). */
const DEFAULT_PREDICTION_COLUMN = '_out.label';
const TASKS = ['binary', 'multiclass', 'regression'];
function performanceSpecFor(drift, model, flags = {}) {
    const perf = drift.performance;
    const asked = perf !== undefined || Object.values(flags).some((v) => v !== undefined);
    if (!asked)
        return undefined;
    const label = flags.label ?? perf?.label ?? model.data?.label;
    if (!label)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('CONFIG', 'performance drift needs the label column', {
            path: 'drift.performance.label',
            hint: 'Set drift.performance.label or models.<model>.data.label, or pass --label',
        });
    if (flags.task !== undefined && !TASKS.includes(flags.task))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('USAGE', `unknown task "${flags.task}"`, {
            path: '--task',
            hint: `Use one of ${TASKS.join(', ')}`,
        });
    const score = flags.score ?? perf?.score;
    const prediction = flags.prediction ?? perf?.prediction ?? (score ? undefined : DEFAULT_PREDICTION_COLUMN);
    const task = flags.task ??
        perf?.task ??
        model.task ??
        (score ? 'binary' : 'multiclass');
    const spec = { task, label };
    if (prediction)
        spec.prediction = prediction;
    if (score)
        spec.score = score;
    if (perf?.positive !== undefined)
        spec.positive = String(perf.positive);
    if (perf?.threshold !== undefined)
        spec.threshold = perf.threshold;
    return spec;
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

/***/ 1119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* reexport safe */ _registry_js__WEBPACK_IMPORTED_MODULE_0__.Me)
/* harmony export */ });
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7936);
/** The registry's reading API; see README.md next to this file. */



/***/ })

};
