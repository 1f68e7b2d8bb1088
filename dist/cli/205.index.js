export const id = 205;
export const ids = [205];
export const modules = {

/***/ 7487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  driftCommand: () => (/* binding */ driftCommand),
  progressPrinter: () => (/* binding */ progressPrinter)
});

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
    return {
        drifted: tested.length > 0 && share >= driftShare,
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
;// CONCATENATED MODULE: ./src/core/report/markdown-escape.ts
/**
 * Escaping for text from data (column names, categories, file names) placed in GitHub Markdown:
 * nothing from data may open HTML, break a table, start code, or @mention / #reference anyone.
 */
/** For a Markdown table cell or inline text. */
function escapeMarkdown(text, maxLength = 120) {
    const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
    return clipped
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;')
        .replace(/`/g, '&#96;')
        .replace(/@/g, '&#64;')
        .replace(/#/g, '&#35;')
        .replace(/([\\*_[\]~!])/g, '\\$1');
}
/** For a double-quoted string inside a Mermaid block (entity codes are Mermaid's `#name;` form). */
function escapeMermaid(text, maxLength = 40) {
    const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
    return clipped
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/#/g, '#35;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;')
        .replace(/@/g, '#64;')
        .replace(/&/g, '#38;');
}

;// CONCATENATED MODULE: ./src/core/report/drift-report.ts

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
    const verdict = report.drifted
        ? `**Drift detected**: ${report.n_drifted} of ${report.n_tested} columns drifted (${drift_report_pct(report.share)}, threshold ${drift_report_pct(report.drift_share_threshold)}).`
        : `**No dataset drift**: ${report.n_drifted} of ${report.n_tested} columns drifted (${drift_report_pct(report.share)}, threshold ${drift_report_pct(report.drift_share_threshold)}).`;
    out.push(verdict, '');
    out.push(`Reference: \`${codeSafe(ctx.reference)}\` (${report.rows.reference} rows) · current: \`${codeSafe(ctx.current)}\` (${report.rows.current} rows)${ctx.runUrl ? ` · [run](${encodeURI(ctx.runUrl)})` : ''}`, '');
    if (report.prediction_drift) {
        out.push(report.prediction_drift.drifted
            ? `**Prediction drift** in ${report.prediction_drift.columns.map((c) => `\`${codeSafe(c)}\``).join(', ')}.`
            : 'No prediction drift.', '');
    }
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

// EXTERNAL MODULE: ./src/commands/profile.ts + 6 modules
var commands_profile = __webpack_require__(4926);
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
async function loadSide(file, sketchSize, onProgress) {
    if ((0,commands_profile/* isProfilePath */.zz)(file))
        return { profile: (0,commands_profile/* readProfile */.er)(file), invalidUtf8: 0 };
    const opts = {};
    if (sketchSize !== undefined)
        opts.sketchSize = sketchSize;
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
    const { model, drift } = driftConfigFor(options.config, options.configExplicit ?? false, options.model);
    const reference = await loadSide(options.reference, drift.sketch_size, options.onProgress);
    // Compare like with like: the current side uses the reference profile's sketch size.
    const current = await loadSide(options.current, reference.profile.sketchK, options.onProgress);
    if (current.profile.sketchK !== reference.profile.sketchK) {
        throw new errors/* ModelciError */.wN('INPUT', `sketch size ${current.profile.sketchK} differs from the reference's ${reference.profile.sketchK}`, {
            file: options.current,
            hint: 'Profile both sides with the same --sketch-size',
        });
    }
    const report = compareProfiles(reference.profile, current.profile, driftOptionsFrom(drift, forced));
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
        reference: options.reference,
        current: options.current,
        empty_current: current.profile.rows === 0,
        invalid_utf8_cells: invalid,
    };
    const history = readHistory(options.history);
    const ctx = {
        model,
        reference: options.reference,
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
    return { json, markdown, model, config: drift };
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/drift.ts



const usageError = (message) => new errors/* ModelciError */.wN('USAGE', message);
/** Progress on stderr, only in a terminal, at most 4 updates a second. */
function progressPrinter(io) {
    if (!io.isTTY)
        return undefined;
    let last = 0;
    return (p) => {
        const now = Date.now();
        if (now - last < 250)
            return;
        last = now;
        io.stderr(`\r\x1b[2Kreading ${p.file}: ${p.rows.toLocaleString('en-US')} rows`);
    };
}
const driftCommand = {
    name: 'drift',
    summary: 'Compare current data with a reference (data or profile): per-column drift tests and a verdict',
    usage: [
        'Usage: modelci drift --reference <data|profile.json> --current <data> [--test ks|chi2|psi|js|wasserstein|z] [--json]',
        '',
        'Options:',
        '  --reference <file>   reference data (.csv/.tsv/.jsonl/.parquet) or a profile from `modelci profile`',
        '  --current <file>     current data (same formats)',
        '  --test <name>        force one test on every column it applies to (default: chosen per column)',
        '  --json               print exactly one JSON object (drifted, share, columns, ...)',
        '  --config <file>      modelci.yaml (drift settings; default ./modelci.yaml if present)',
        '  --model <name>       model whose drift settings apply',
        '  --history <file>     JSON list of earlier results: shown as a trend, this result appended',
        '  --markdown <file>    also write the Markdown report here',
        '  --output <file>      also write the JSON result here',
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
    },
    async run(args, io) {
        const reference = (0,command/* stringOpt */.rJ)(args, 'reference');
        const current = (0,command/* stringOpt */.rJ)(args, 'current');
        if (!reference || !current)
            throw usageError('--reference and --current are both required');
        const config = (0,command/* stringOpt */.rJ)(args, 'config');
        const progress = progressPrinter(io);
        const options = {
            reference,
            current,
            config: config ?? 'modelci.yaml',
            configExplicit: config !== undefined,
        };
        const test = (0,command/* stringOpt */.rJ)(args, 'test');
        if (test !== undefined)
            options.test = test;
        for (const [flag, key] of [
            ['model', 'model'],
            ['history', 'history'],
            ['markdown', 'markdownOut'],
            ['output', 'jsonOut'],
        ]) {
            const v = (0,command/* stringOpt */.rJ)(args, flag);
            if (v !== undefined)
                options[key] = v;
        }
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

/***/ 4926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zz: () => (/* binding */ isProfilePath),
  aC: () => (/* binding */ profileFile),
  er: () => (/* binding */ readProfile),
  Tm: () => (/* binding */ runProfile),
  nV: () => (/* binding */ runProfileMerge)
});

// UNUSED EXPORTS: writeProfile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/profile/quantile-sketch.ts
/**
 * A deterministic, mergeable quantile sketch (a compactor hierarchy, as in Manku-Rajagopalan-Lindsay
 * and KLL without the coin flips): level h holds items of weight 2^h; a level that exceeds k items is
 * sorted and every other item moves up with double weight (a level holds at most k items).
 *
 * Error, stated and tracked: one compaction at level h moves the count of items <= x, for any x, by
 * at most 2^h. The sketch sums those weights in `rankError`, so every rank it answers is within
 * ±rankError of the true rank, after any sequence of inserts and merges (errors of merged sketches
 * add). For n >= k items inserted in one pass, rankError <= n * (floor(log2(n / k)) + 1) / k (level h
 * compacts at most n / (k 2^h) times); with k = 10000 and n = 10^6 that is <= 700 ranks (0.07 %).
 * Until n exceeds k nothing is compacted and the sketch holds the data exactly (up to k items), so
 * small samples give exactly scipy's statistics.
 */
const DEFAULT_SKETCH_K = 10000;
class QuantileSketch {
    k;
    n = 0;
    rankError = 0;
    /** Per level a growable buffer and its fill; typed arrays keep the hot path GC-free. */
    buffers = [];
    fill = [];
    compactions = [];
    cache;
    constructor(k = DEFAULT_SKETCH_K) {
        if (!Number.isInteger(k) || k < 2 || k % 2)
            throw new RangeError('sketch size must be an even integer >= 2');
        this.k = k;
        this.addLevel();
    }
    addLevel() {
        // Level 0 starts small and grows: most columns of small files never need k slots.
        this.buffers.push(new Float64Array(this.buffers.length === 0 ? Math.min(this.k + 1, 1024) : this.k + 1));
        this.fill.push(0);
        this.compactions.push(0);
    }
    push(h, x) {
        let buf = this.buffers[h];
        const f = this.fill[h];
        if (f === buf.length) {
            // Grows by doubling; an upper level may briefly hold k + k/2 + 1 items before it compacts.
            const bigger = new Float64Array(buf.length * 2);
            bigger.set(buf);
            this.buffers[h] = buf = bigger;
        }
        buf[f] = x;
        this.fill[h] = f + 1;
    }
    add(x) {
        this.cache = undefined;
        this.push(0, x);
        this.n++;
        if (this.fill[0] > this.k)
            this.compress();
    }
    /** Weight of one item at the highest level: the resolution of a rank answer. */
    get topWeight() {
        return 2 ** (this.buffers.length - 1);
    }
    /** True while no compaction has happened: the sketch holds every item. */
    get exact() {
        return this.buffers.length === 1;
    }
    merge(other) {
        if (other.k !== this.k)
            throw new RangeError(`cannot merge sketches of size ${this.k} and ${other.k}`);
        this.cache = undefined;
        for (let h = 0; h < other.buffers.length; h++) {
            if (h >= this.buffers.length)
                this.addLevel();
            const src = other.buffers[h];
            const f = other.fill[h];
            for (let i = 0; i < f; i++) {
                this.push(h, src[i]);
                // Compact as soon as a level overflows, so buffers never exceed k + 1 items.
                if (this.fill[h] > this.k)
                    this.compactLevel(h);
            }
            this.compactions[h] = Math.max(this.compactions[h], other.compactions[h] ?? 0);
        }
        this.n += other.n;
        this.rankError += other.rankError;
        this.compress();
    }
    compress() {
        for (let h = 0; h < this.buffers.length; h++)
            if (this.fill[h] > this.k)
                this.compactLevel(h);
    }
    compactLevel(h) {
        const f = this.fill[h];
        const sorted = this.buffers[h].subarray(0, f).sort();
        const odd = f % 2;
        const offset = this.compactions[h] % 2;
        if (h + 1 >= this.buffers.length)
            this.addLevel();
        for (let i = offset; i < f - odd; i += 2)
            this.push(h + 1, sorted[i]);
        // Keep one item back when the count is odd so the halves pair up.
        if (odd)
            sorted[0] = sorted[f - 1];
        this.fill[h] = odd;
        this.compactions[h]++;
        this.rankError += 2 ** h;
        if (this.fill[h + 1] > this.k)
            this.compactLevel(h + 1);
    }
    /** All items sorted, with their weights (1 everywhere while exact). Cached until the next change. */
    weighted() {
        if (this.cache)
            return this.cache;
        let total = 0;
        for (const f of this.fill)
            total += f;
        const values = new Float64Array(total);
        const weights = new Float64Array(total);
        // Sort each level, then merge them one after another (few levels, all native sorts).
        let len = 0;
        for (let h = 0; h < this.buffers.length; h++) {
            const level = Float64Array.from(this.buffers[h].subarray(0, this.fill[h])).sort();
            const w = 2 ** h;
            let i = len - 1;
            let j = level.length - 1;
            for (let o = len + level.length - 1; o >= 0 && j >= 0; o--) {
                if (i >= 0 && values[i] > level[j]) {
                    values[o] = values[i];
                    weights[o] = weights[i];
                    i--;
                }
                else {
                    values[o] = level[j];
                    weights[o] = w;
                    j--;
                }
            }
            len += level.length;
        }
        this.cache = { values, weights };
        return this.cache;
    }
    /** Exact sorted data; only while `exact`. */
    sortedValues() {
        if (!this.exact)
            throw new Error('sketch is compacted');
        return this.weighted().values;
    }
    /** The item at (0-based, weighted) rank r: its true rank is within ±(rankError + topWeight) of r. */
    quantileAtRank(r) {
        const { values, weights } = this.weighted();
        let cum = 0;
        for (let i = 0; i < values.length; i++) {
            cum += weights[i];
            if (cum > r)
                return values[i];
        }
        return values[values.length - 1];
    }
    toJSON() {
        return {
            k: this.k,
            n: this.n,
            rankError: this.rankError,
            levels: this.buffers.map((b, h) => Array.from(b.subarray(0, this.fill[h]))),
            compactions: [...this.compactions],
        };
    }
    static fromJSON(json) {
        const s = new QuantileSketch(json.k);
        if (!Array.isArray(json.levels) || json.levels.length === 0)
            throw new RangeError('sketch has no levels');
        s.buffers = [];
        s.fill = [];
        s.compactions = [];
        json.levels.forEach((level, h) => {
            if (level.length > json.k + 1)
                throw new RangeError(`sketch level ${h} holds ${level.length} items, more than k + 1`);
            const buf = new Float64Array(Math.max(16, level.length));
            buf.set(level);
            s.buffers.push(buf);
            s.fill.push(level.length);
            s.compactions.push(json.compactions[h] ?? 0);
        });
        s.n = json.n;
        s.rankError = json.rankError;
        const held = json.levels.reduce((sum, l, h) => sum + l.length * 2 ** h, 0);
        if (held !== s.n)
            throw new RangeError(`sketch weights add up to ${held}, not n = ${s.n}`);
        return s;
    }
}

;// CONCATENATED MODULE: ./src/core/profile/column-profile.ts

/**
 * One column's reference profile, built in one streaming pass and mergeable: counts per value
 * kind, moments, a quantile sketch of the finite numbers, exact value counts while the column has
 * few distinct values, and category counts (text and booleans) up to a cap.
 */
/** Cells that mean "missing", compared lower-case (pandas' default NA tokens; the CSV reader's set). */
const MISSING_TOKENS = new Set([
    '',
    'na',
    'n/a',
    'nan',
    'null',
    'none',
    '-nan',
    '#n/a',
]);
const TRUE_TOKENS = new Set(['true', 'True', 'TRUE']);
const FALSE_TOKENS = new Set(['false', 'False', 'FALSE']);
/** Distinct numbers counted exactly (for n_unique in the test choice and value-frequency bins). */
const MAX_NUMERIC_VALUES = 1000;
/** Distinct labels counted exactly; beyond it the column is free text and gets no test. */
const MAX_CATEGORIES = 10000;
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * The number a decimal literal cell holds, else NaN. `Number()` does the work; the checks around it
 * reject what Number accepts but a data file does not mean as a number (hex, padding, "Infinity").
 */
function looksNumeric(cell) {
    const c0 = cell.charCodeAt(0);
    if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46))
        return Number.NaN;
    const last = cell.charCodeAt(cell.length - 1);
    if (!((last >= 48 && last <= 57) || last === 46))
        return Number.NaN;
    const x = Number(cell);
    if (x !== x)
        return Number.NaN;
    if (!Number.isFinite(x))
        return NUMBER_RE.test(cell) ? x : Number.NaN; // 1e999 overflows to ±inf
    // 0x.., 0b.., 0o.. and inner spaces pass Number(); the literal grammar settles those rare cases.
    const c1 = cell.charCodeAt(1);
    if (c0 === 48 && (c1 === 120 || c1 === 88 || c1 === 98 || c1 === 66 || c1 === 111 || c1 === 79))
        return Number.NaN;
    return x;
}
class ColumnProfile {
    name;
    count = 0;
    missing = 0;
    numeric = 0;
    infinite = 0;
    boolean = 0;
    text = 0;
    firstText;
    firstNumber;
    moments = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
    sketch;
    numericValues = new Map();
    categories = new Map();
    constructor(name, sketchK) {
        this.name = name;
        this.sketch = new QuantileSketch(sketchK);
    }
    /** Adds `n` rows where the column is absent (a shard or JSON line without it). */
    addMissing(n) {
        this.count += n;
        this.missing += n;
    }
    add(cell, file, row) {
        this.count++;
        if (cell === null || cell === undefined) {
            this.missing++;
            return;
        }
        if (typeof cell === 'number')
            return this.addNumber(cell, file, row, cell);
        if (typeof cell === 'boolean')
            return this.addLabel(cell ? 'true' : 'false', true);
        const x = looksNumeric(cell);
        if (x === x)
            return this.addNumber(x, file, row, cell);
        if (cell.length < 5 && MISSING_TOKENS.has(cell.toLowerCase())) {
            this.missing++;
            return;
        }
        if (cell === 'inf' ||
            cell === '-inf' ||
            cell === 'Infinity' ||
            cell === '-Infinity' ||
            cell === '+inf') {
            return this.addNumber(cell.startsWith('-') ? -Infinity : Infinity, file, row, cell);
        }
        if (TRUE_TOKENS.has(cell))
            return this.addLabel('true', true);
        if (FALSE_TOKENS.has(cell))
            return this.addLabel('false', true);
        this.text++;
        if (!this.firstText)
            this.firstText = { file, row, value: cell.slice(0, 60) };
        this.addLabel(cell, false);
    }
    /**
     * A column of numbers parsed by the CSV scanner: NaN is missing, except `invalid` of them that
     * were text (their values and rows are not known here; see `firstText`).
     */
    addNumbers(values, invalid, file, firstRow) {
        for (let i = 0; i < values.length; i++) {
            const x = values[i];
            this.count++;
            if (x !== x)
                this.missing++;
            else
                this.addNumber(x, file, firstRow + i, x);
        }
        if (invalid) {
            this.missing -= invalid;
            this.text += invalid;
        }
    }
    addNumber(x, file, row, raw) {
        if (Number.isNaN(x)) {
            this.missing++;
            return;
        }
        if (!this.firstNumber)
            this.firstNumber = { file, row, value: String(raw).slice(0, 60) };
        if (!Number.isFinite(x)) {
            this.infinite++;
            return;
        }
        this.numeric++;
        const m = this.moments;
        m.n++;
        const delta = x - m.mean;
        m.mean += delta / m.n;
        m.m2 += delta * (x - m.mean);
        if (x < m.min)
            m.min = x;
        if (x > m.max)
            m.max = x;
        this.sketch.add(x);
        const values = this.numericValues;
        if (values) {
            const c = values.get(x);
            if (c !== undefined)
                values.set(x, c + 1);
            else if (values.size < MAX_NUMERIC_VALUES)
                values.set(x, 1);
            else
                this.numericValues = null;
        }
    }
    addLabel(label, isBoolean) {
        if (isBoolean)
            this.boolean++;
        const cats = this.categories;
        if (!cats)
            return;
        const c = cats.get(label);
        if (c !== undefined)
            cats.set(label, c + 1);
        else if (cats.size < MAX_CATEGORIES)
            cats.set(label, 1);
        else
            this.categories = null;
    }
    merge(other) {
        this.count += other.count;
        this.missing += other.missing;
        this.numeric += other.numeric;
        this.infinite += other.infinite;
        this.boolean += other.boolean;
        this.text += other.text;
        this.firstText ??= other.firstText;
        this.firstNumber ??= other.firstNumber;
        this.moments = mergeMoments(this.moments, other.moments);
        this.sketch.merge(other.sketch);
        this.numericValues = mergeCounts(this.numericValues, other.numericValues, MAX_NUMERIC_VALUES);
        this.categories = mergeCounts(this.categories, other.categories, MAX_CATEGORIES);
    }
    toJSON() {
        const json = {
            name: this.name,
            count: this.count,
            missing: this.missing,
            numeric: this.numeric,
            infinite: this.infinite,
            boolean: this.boolean,
            text: this.text,
            moments: { ...this.moments },
            sketch: this.sketch.toJSON(),
            numeric_values: this.numericValues
                ? [...this.numericValues].sort((a, b) => a[0] - b[0])
                : null,
            categories: this.categories
                ? [...this.categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
                : null,
        };
        if (this.firstText)
            json.first_text = this.firstText;
        if (this.firstNumber)
            json.first_number = this.firstNumber;
        return json;
    }
    static fromJSON(json) {
        const c = new ColumnProfile(json.name, json.sketch.k);
        c.count = json.count;
        c.missing = json.missing;
        c.numeric = json.numeric;
        c.infinite = json.infinite;
        c.boolean = json.boolean;
        c.text = json.text;
        c.firstText = json.first_text;
        c.firstNumber = json.first_number;
        c.moments = { ...json.moments };
        if (json.moments.n === 0)
            c.moments = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
        c.sketch = QuantileSketch.fromJSON(json.sketch);
        c.numericValues = json.numeric_values ? new Map(json.numeric_values) : null;
        c.categories = json.categories ? new Map(json.categories) : null;
        return c;
    }
}
/** Chan et al.'s pairwise update: mean and sum of squared deviations of the union. */
function mergeMoments(a, b) {
    if (b.n === 0)
        return { ...a };
    if (a.n === 0)
        return { ...b };
    const n = a.n + b.n;
    const delta = b.mean - a.mean;
    return {
        n,
        mean: a.mean + (delta * b.n) / n,
        m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
        min: Math.min(a.min, b.min),
        max: Math.max(a.max, b.max),
    };
}
/** Union of exact counts; null (overflowed) when either side overflowed or the union exceeds the cap. */
function mergeCounts(a, b, cap) {
    if (!a || !b)
        return null;
    const out = new Map(a);
    for (const [k, v] of b)
        out.set(k, (out.get(k) ?? 0) + v);
    return out.size > cap ? null : out;
}

// EXTERNAL MODULE: ./src/core/profile/column-kind.ts
var column_kind = __webpack_require__(8150);
;// CONCATENATED MODULE: ./src/core/profile/table-profile.ts




/**
 * The profile of a whole table: one ColumnProfile per column in file order. Built batch by batch
 * (memory bounded by the sketches and the capped counts, not by the row count); profiles of shards
 * merge into the profile of their union.
 */
const PROFILE_FORMAT = 'modelci-profile';
const PROFILE_VERSION = 1;
class TableProfile {
    rows = 0;
    sketchK;
    sources = [];
    columns = new Map();
    constructor(sketchK = DEFAULT_SKETCH_K) {
        this.sketchK = sketchK;
    }
    /** Starts a source; `addBatch` calls that follow count towards it. */
    beginSource(file, format) {
        this.sources.push({ file, format, rows: 0 });
    }
    addBatch(batch) {
        const source = this.sources[this.sources.length - 1];
        const file = source?.file ?? '';
        const seen = new Set();
        batch.columns.forEach((name, c) => {
            let col = this.columns.get(name);
            if (!col) {
                col = new ColumnProfile(name, this.sketchK);
                col.addMissing(this.rows);
                this.columns.set(name, col);
            }
            seen.add(name);
            const values = batch.values[c];
            for (let r = 0; r < batch.length; r++)
                col.add(values[r] ?? null, file, batch.firstRow + r);
        });
        for (const [name, col] of this.columns)
            if (!seen.has(name))
                col.addMissing(batch.length);
        this.rows += batch.length;
        if (source)
            source.rows += batch.length;
    }
    /** Declares columns up front, in file order (scanned batches come split by type). */
    declareColumns(names) {
        for (const name of names) {
            if (this.columns.has(name))
                continue;
            const col = new ColumnProfile(name, this.sketchK);
            col.addMissing(this.rows);
            this.columns.set(name, col);
        }
    }
    /** A batch from the CSV scanner: numbers already parsed for `numericNames`, text for the rest. */
    addScanBatch(batch, numericNames, stringNames) {
        const source = this.sources[this.sources.length - 1];
        const file = source?.file ?? '';
        numericNames.forEach((name, k) => this.columns
            .get(name)
            .addNumbers(batch.numeric[k], batch.invalid[k], file, batch.firstRow));
        stringNames.forEach((name, k) => {
            const col = this.columns.get(name);
            const values = batch.strings[k];
            for (let r = 0; r < batch.length; r++)
                col.add(values[r] ?? null, file, batch.firstRow + r);
        });
        this.rows += batch.length;
        if (source)
            source.rows += batch.length;
    }
    merge(other) {
        if (other.sketchK !== this.sketchK) {
            throw new errors/* ModelciError */.wN('INPUT', `cannot merge profiles built with sketch sizes ${this.sketchK} and ${other.sketchK}`, {
                hint: 'build every shard with the same --sketch-size',
            });
        }
        for (const [name, col] of this.columns)
            if (!other.columns.has(name))
                col.addMissing(other.rows);
        for (const [name, col] of other.columns) {
            const mine = this.columns.get(name);
            if (mine)
                mine.merge(col);
            else {
                const copy = ColumnProfile.fromJSON(col.toJSON());
                const fresh = new ColumnProfile(name, this.sketchK);
                fresh.addMissing(this.rows);
                fresh.merge(copy);
                this.columns.set(name, fresh);
            }
        }
        this.rows += other.rows;
        this.sources.push(...other.sources.map((s) => ({ ...s })));
    }
    toJSON() {
        return {
            format: PROFILE_FORMAT,
            version: PROFILE_VERSION,
            rows: this.rows,
            sketch_k: this.sketchK,
            sources: this.sources.map((s) => ({ ...s })),
            summary: [...this.columns.values()].map(column_kind/* summarizeColumn */.mk),
            columns: [...this.columns.values()].map((c) => c.toJSON()),
        };
    }
    /** Loads and checks a profile JSON value; errors name the file and key path. */
    static fromJSON(value, file) {
        const fail = (path, message) => {
            throw new errors/* ModelciError */.wN('INPUT', message, {
                file,
                path,
                hint: 'build it with `modelci profile <data> -o <file>`',
            });
        };
        if (typeof value !== 'object' || value === null)
            return fail('', 'not a modelci profile (expected a JSON object)');
        const json = value;
        if (json.format !== PROFILE_FORMAT)
            return fail('format', `not a modelci profile (format must be "${PROFILE_FORMAT}")`);
        if (json.version !== PROFILE_VERSION)
            return fail('version', `unsupported profile version ${String(json.version)}`);
        if (!Number.isInteger(json.rows) || json.rows < 0)
            return fail('rows', 'must be a non-negative integer');
        if (!Number.isInteger(json.sketch_k))
            return fail('sketch_k', 'must be an integer');
        if (!Array.isArray(json.columns))
            return fail('columns', 'must be a list');
        const profile = new TableProfile(json.sketch_k);
        profile.rows = json.rows;
        profile.sources = Array.isArray(json.sources) ? json.sources.map((s) => ({ ...s })) : [];
        json.columns.forEach((c, i) => {
            try {
                if (typeof c?.name !== 'string')
                    fail(`columns.${i}.name`, 'must be a string');
                if (c.count !== profile.rows)
                    fail(`columns.${i}.count`, `is ${c.count}, but the profile has ${profile.rows} rows`);
                profile.columns.set(c.name, ColumnProfile.fromJSON(c));
            }
            catch (e) {
                if (e instanceof errors/* ModelciError */.wN)
                    throw e;
                fail(`columns.${i}`, `is not a valid column profile (${e instanceof Error ? e.message : String(e)})`);
            }
        });
        return profile;
    }
}


// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/data/csv.ts + 2 modules
var csv = __webpack_require__(8797);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/data/data-file.ts
var data_file = __webpack_require__(9105);
;// CONCATENATED MODULE: ./src/data/jsonl.ts



const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
async function openJsonl(file, opts = {}) {
    await (0,data_file/* assertDataFile */.X)(file, 'JSONL');
    const source = new JsonlReader(file, opts);
    // Columns of the first object; later lines may add more (batches carry their own list).
    for await (const batch of source.batches(1)) {
        source.columns = [...batch.columns];
        break;
    }
    return source;
}
class JsonlReader {
    file;
    opts;
    format = 'jsonl';
    columns = [];
    invalidUtf8Lines = 0;
    constructor(file, opts) {
        this.file = file;
        this.opts = opts;
    }
    async *lines() {
        const handle = await (0,promises_.open)(this.file, 'r');
        try {
            const size = this.opts.chunkBytes ?? 1 << 20;
            let carry = new Uint8Array(0);
            let line = 0;
            for (;;) {
                const buf = new Uint8Array(size);
                const { bytesRead } = await handle.read(buf, 0, size, null);
                if (bytesRead === 0)
                    break;
                let chunk = buf.subarray(0, bytesRead);
                if (carry.length) {
                    const joined = new Uint8Array(carry.length + chunk.length);
                    joined.set(carry);
                    joined.set(chunk, carry.length);
                    chunk = joined;
                }
                let start = 0;
                for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
                    line++;
                    yield { line, bytes: chunk.subarray(start, i) };
                    start = i + 1;
                }
                carry = chunk.slice(start);
            }
            if (carry.length)
                yield { line: line + 1, bytes: carry };
        }
        finally {
            await handle.close();
        }
    }
    async *batches(batchSize = 65536) {
        const index = new Map();
        const columns = [];
        let rows = [];
        let firstRow = 1;
        let row = 0;
        const flush = () => {
            const values = columns.map((name) => rows.map((r) => toCell(r[name])));
            const batch = { columns: [...columns], firstRow, length: rows.length, values };
            firstRow += rows.length;
            rows = [];
            return batch;
        };
        for await (const { line, bytes } of this.lines()) {
            let text;
            try {
                text = fatal.decode(bytes);
            }
            catch {
                if (this.opts.invalidUtf8 !== 'replace') {
                    throw new errors/* ModelciError */.wN('DATA', 'the text is not valid UTF-8', {
                        file: this.file,
                        row: line,
                        hint: 'Re-encode the file as UTF-8',
                    });
                }
                this.invalidUtf8Lines++;
                text = lenient.decode(bytes);
            }
            if (text.trim() === '')
                continue;
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (e) {
                throw new errors/* ModelciError */.wN('PARSE', `line ${line} is not valid JSON (${e.message})`, {
                    file: this.file,
                    row: line,
                    hint: 'Each line must be one JSON object',
                });
            }
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                throw new errors/* ModelciError */.wN('PARSE', `line ${line} is not a JSON object`, {
                    file: this.file,
                    row: line,
                    hint: 'Each line must be one JSON object',
                });
            }
            row++;
            for (const key of Object.keys(value)) {
                if (!index.has(key)) {
                    index.set(key, columns.length);
                    columns.push(key);
                }
            }
            rows.push(value);
            if (rows.length >= batchSize)
                yield flush();
        }
        if (rows.length)
            yield flush();
        void row;
    }
}
function toCell(v) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        return v;
    return JSON.stringify(v);
}

// EXTERNAL MODULE: ./node_modules/hyparquet/src/node.js
var node = __webpack_require__(1609);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/metadata.js + 1 modules
var src_metadata = __webpack_require__(6367);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/read.js + 16 modules
var read = __webpack_require__(3720);
;// CONCATENATED MODULE: ./src/data/parquet.ts



async function openParquet(file) {
    await (0,data_file/* assertDataFile */.X)(file, 'Parquet');
    const buffer = await (0,node/* asyncBufferFromFile */.Rv)(file);
    let metadata;
    try {
        metadata = await (0,src_metadata/* parquetMetadataAsync */.Ei)(buffer);
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('PARSE', `not a readable Parquet file (${e.message})`, {
            file,
            hint: 'Check that the file is Parquet and not truncated',
        });
    }
    const columns = (0,src_metadata/* parquetSchema */.YR)(metadata).children.map((c) => c.element.name);
    const groups = [];
    let start = 0;
    for (const rg of metadata.row_groups) {
        const n = Number(rg.num_rows);
        groups.push([start, start + n]);
        start += n;
    }
    return {
        file,
        format: 'parquet',
        columns,
        rowCount: Number(metadata.num_rows),
        async *batches(batchSize = 65536) {
            for (const [rowStart, rowEnd] of groups) {
                let rows = [];
                try {
                    await (0,read/* parquetRead */.bA)({
                        file: buffer,
                        metadata,
                        rowStart,
                        rowEnd,
                        columns,
                        onComplete: (r) => (rows = r),
                    });
                }
                catch (e) {
                    throw new errors/* ModelciError */.wN('PARSE', `cannot read rows ${rowStart + 1}..${rowEnd} (${e.message})`, {
                        file,
                        row: rowStart + 1,
                        hint: 'The file may be corrupt or use an unsupported compression codec',
                    });
                }
                for (let s = 0; s < rows.length; s += batchSize) {
                    const slice = rows.slice(s, s + batchSize);
                    yield {
                        columns,
                        firstRow: rowStart + s + 1,
                        length: slice.length,
                        values: columns.map((_, c) => slice.map((r) => parquet_toCell(r[c]))),
                    };
                }
            }
        },
    };
}
function parquet_toCell(v) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
        return v;
    if (typeof v === 'bigint')
        return Number(v);
    if (v instanceof Date)
        return v.toISOString();
    if (v instanceof Uint8Array)
        return Buffer.from(v).toString('base64');
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
}

;// CONCATENATED MODULE: ./src/data/open-table.ts





/** Opens a tabular file by its extension: .csv/.tsv/.txt (CSV), .jsonl/.ndjson (JSON Lines), .parquet. */
async function openTable(file, opts = {}) {
    const ext = (0,external_node_path_.extname)(file).toLowerCase();
    if (ext === '.csv' || ext === '.txt')
        return (0,csv/* openCsv */.f)(file, opts);
    if (ext === '.tsv')
        return (0,csv/* openCsv */.f)(file, { delimiter: '\t', ...opts });
    if (ext === '.jsonl' || ext === '.ndjson') {
        return openJsonl(file, opts.invalidUtf8 ? { invalidUtf8: opts.invalidUtf8 } : {});
    }
    if (ext === '.parquet' || ext === '.pq')
        return openParquet(file);
    throw new errors/* ModelciError */.wN('INPUT', `unsupported data file type "${ext || '(none)'}"`, {
        file,
        hint: 'Use a .csv, .tsv, .jsonl or .parquet file',
    });
}

// EXTERNAL MODULE: ./src/data/structured-file.ts
var structured_file = __webpack_require__(3528);
;// CONCATENATED MODULE: ./src/commands/profile.ts






/** Largest profile JSON we read (sketches of ~100 columns at the default size fit easily). */
const MAX_PROFILE_BYTES = 512 * 1024 * 1024;
const SNIFF_ROWS = 2000;
const BATCH_ROWS = 8192;
async function profileFile(file, opts = {}) {
    const source = await openTable(file, { invalidUtf8: 'replace' });
    const profile = new TableProfile(opts.sketchSize);
    profile.beginSource(file, source.format);
    let invalidUtf8 = 0;
    if (source.format === 'csv')
        invalidUtf8 = await profileCsv(source, profile, opts);
    else {
        for await (const batch of source.batches(BATCH_ROWS)) {
            profile.addBatch(batch);
            opts.onProgress?.({ file, rows: profile.rows });
        }
    }
    if (source.format === 'jsonl')
        invalidUtf8 = source.invalidUtf8Lines;
    return { profile, notes: { invalidUtf8Cells: invalidUtf8 } };
}
/**
 * CSV: columns whose first rows are all numbers (or missing) are scanned as numbers straight from
 * bytes (no strings made, the fast path); the rest as text. A "numeric" column that later holds
 * text is counted as such (and reported as mixed); a second look finds where its first text is.
 */
async function profileCsv(source, profile, opts) {
    const sniff = new TableProfile(2);
    for await (const batch of source.batches(SNIFF_ROWS)) {
        sniff.addBatch(batch);
        break;
    }
    const numeric = source.columns.filter((n) => {
        const c = sniff.columns.get(n);
        return (c !== undefined &&
            c.numeric + c.infinite > 0 &&
            c.text === 0 &&
            c.boolean === 0 &&
            c.infinite === 0);
    });
    const strings = source.columns.filter((n) => !numeric.includes(n));
    profile.declareColumns(source.columns);
    // The sniffed rows are read again below: count invalid UTF-8 from the full pass only.
    const invalidBefore = source.invalidUtf8Cells;
    for await (const batch of source.scan({
        numeric,
        strings,
        batchSize: BATCH_ROWS,
        onInvalidNumber: 'nan',
    })) {
        profile.addScanBatch(batch, numeric, strings);
        opts.onProgress?.({ file: source.file, rows: profile.rows });
    }
    const invalidUtf8 = source.invalidUtf8Cells - invalidBefore;
    const unlocated = numeric.filter((n) => profile.columns.get(n).text > 0);
    if (unlocated.length)
        await locateFirstText(source, profile, unlocated);
    return invalidUtf8;
}
async function locateFirstText(source, profile, names) {
    const left = new Set(names);
    for await (const batch of source.batches(BATCH_ROWS)) {
        for (const name of [...left]) {
            const c = batch.columns.indexOf(name);
            const probe = new ColumnProfile(name, 2);
            const values = batch.values[c];
            for (let r = 0; r < batch.length && probe.text === 0; r++)
                probe.add(values[r] ?? null, source.file, batch.firstRow + r);
            if (probe.firstText) {
                profile.columns.get(name).firstText = probe.firstText;
                left.delete(name);
            }
        }
        if (left.size === 0)
            return;
    }
}
function isProfilePath(file) {
    return /\.json$/i.test(file);
}
function readProfile(file) {
    let data;
    try {
        data = JSON.parse((0,structured_file/* readTextFile */.Gu)(file, MAX_PROFILE_BYTES));
    }
    catch (e) {
        if (e instanceof errors/* ModelciError */.wN)
            throw e;
        throw new errors/* ModelciError */.wN('PARSE', `not valid JSON (${e.message})`, {
            file,
            hint: 'A profile is the JSON file `modelci profile` writes',
        });
    }
    return TableProfile.fromJSON(data, file);
}
function writeProfile(profile, file) {
    (0,external_node_fs_.writeFileSync)(file, JSON.stringify(profile.toJSON()) + '\n');
}
async function runProfile(options) {
    const { profile, notes } = await profileFile(options.data, options);
    writeProfile(profile, options.output);
    return summary(profile, options.output, notes.invalidUtf8Cells);
}
function runProfileMerge(options) {
    if (options.inputs.length === 0)
        throw new errors/* ModelciError */.wN('USAGE', 'nothing to merge', { hint: 'Pass two or more profile files' });
    const [first, ...rest] = options.inputs;
    const merged = readProfile(first);
    for (const file of rest) {
        const p = readProfile(file);
        if (p.sketchK !== merged.sketchK) {
            throw new errors/* ModelciError */.wN('INPUT', `sketch size ${p.sketchK} differs from ${merged.sketchK} in ${first}`, {
                file,
                path: 'sketch_k',
                hint: 'Profile every shard with the same --sketch-size',
            });
        }
        merged.merge(p);
    }
    writeProfile(merged, options.output);
    return summary(merged, options.output, 0);
}
function summary(profile, output, invalidUtf8Cells) {
    const s = profile.toJSON().summary ?? [];
    return {
        output,
        rows: profile.rows,
        columns: s.map((c) => ({ name: c.name, kind: c.kind, missing_rate: c.missing_rate })),
        invalidUtf8Cells,
    };
}


/***/ }),

/***/ 6434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ numpyQuantile),
/* harmony export */   Yk: () => (/* binding */ binCounts),
/* harmony export */   xo: () => (/* binding */ decileEdges)
/* harmony export */ });
/* unused harmony exports PSI_BINS, binIndex */
/**
 * Reference decile bins for PSI / Jensen-Shannon on numeric columns: inner edges are numpy's
 * default (linear, Hyndman-Fan 7) quantiles of the reference at k/10, bins are left-closed
 * [e_{k-1}, e_k) with -inf/+inf outside, duplicate edges kept, so there are always 10 bins.
 */
/** numpy `np.quantile(sorted, p)` with method 'linear', using numpy's `_lerp` rounding. */
function numpyQuantile(sorted, p) {
    const n = sorted.length;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const t = h - lo;
    const a = sorted[lo];
    const b = sorted[hi];
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}
const PSI_BINS = 10;
/** The 9 inner decile edges of a sorted reference. */
function decileEdges(sortedReference) {
    const edges = [];
    for (let k = 1; k < PSI_BINS; k++)
        edges.push(numpyQuantile(sortedReference, k / PSI_BINS));
    return edges;
}
/** Index of the left-closed bin holding x: the number of edges <= x. */
function binIndex(edges, x) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edges[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Counts (or summed weights) of sorted values in the left-closed bins of `edges`. */
function binCounts(edges, values, weights) {
    const counts = new Array(edges.length + 1).fill(0);
    for (let i = 0; i < values.length; i++) {
        const b = binIndex(edges, values[i]);
        counts[b] = counts[b] + (weights ? weights[i] : 1);
    }
    return counts;
}


/***/ }),

/***/ 8150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S8: () => (/* binding */ referenceDecileEdges),
/* harmony export */   Sd: () => (/* binding */ numericSample),
/* harmony export */   mk: () => (/* binding */ summarizeColumn),
/* harmony export */   z1: () => (/* binding */ columnKind)
/* harmony export */ });
/* unused harmony export columnQuantile */
/* harmony import */ var _drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6434);

function columnKind(c) {
    const numbers = c.numeric + c.infinite;
    const nonMissing = numbers + c.boolean + c.text;
    if (nonMissing === 0)
        return 'empty';
    if (c.text === 0 && c.boolean === 0)
        return 'numeric';
    if (numbers > 0)
        return 'mixed';
    if (c.text === 0)
        return 'boolean';
    if (!c.categories)
        return 'text';
    if (c.categories.size > 100 && c.categories.size > 0.5 * nonMissing)
        return 'text';
    return 'categorical';
}
/** Sorted sample and weights of a numeric column (the data itself while the sketch is exact). */
function numericSample(c) {
    if (c.sketch.exact)
        return { values: c.sketch.sortedValues(), weights: undefined };
    const w = c.sketch.weighted();
    return { values: w.values, weights: w.weights };
}
/** numpy-style linear quantile; exact while the sketch is, else the sketch's item at that rank. */
function columnQuantile(c, p, sorted) {
    if (c.sketch.exact)
        return (0,_drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__/* .numpyQuantile */ .B4)(sorted ?? c.sketch.sortedValues(), p);
    return c.sketch.quantileAtRank((c.sketch.n - 1) * p);
}
function referenceDecileEdges(c) {
    if (c.sketch.exact)
        return (0,_drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__/* .decileEdges */ .xo)(c.sketch.sortedValues());
    const edges = [];
    for (let k = 1; k < 10; k++)
        edges.push(c.sketch.quantileAtRank((c.sketch.n - 1) * (k / 10)));
    return edges;
}
function summarizeColumn(c) {
    const kind = columnKind(c);
    const s = {
        name: c.name,
        kind,
        count: c.count,
        missing_rate: c.count ? c.missing / c.count : 0,
    };
    if (kind === 'numeric' && c.moments.n > 0) {
        s.mean = c.moments.mean;
        s.std = Math.sqrt(c.moments.m2 / c.moments.n);
        s.min = c.moments.min;
        s.max = c.moments.max;
        const sorted = c.sketch.exact ? c.sketch.sortedValues() : undefined;
        s.quantiles = {};
        for (const p of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
            s.quantiles[`p${Math.round(p * 100)}`] = columnQuantile(c, p, sorted);
        s.quantile_rank_error = c.sketch.n ? c.sketch.rankError / c.sketch.n : 0;
        const edges = referenceDecileEdges(c);
        const sample = numericSample(c);
        s.histogram = { edges, counts: (0,_drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__/* .binCounts */ .Yk)(edges, sample.values, sample.weights) };
    }
    if ((kind === 'categorical' || kind === 'boolean') && c.categories) {
        s.distinct = c.categories.size;
        s.top_categories = [...c.categories]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 20);
    }
    return s;
}


/***/ })

};
