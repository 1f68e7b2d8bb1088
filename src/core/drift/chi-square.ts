import { chi2Sf } from '../stats/special.js';
import { numpySum } from './numpy-sum.js';

/** Result of a chi-square test: statistic, p-value, degrees of freedom. */
export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
}

/**
 * scipy `chi2_contingency([[ref], [cur]], correction)`: homogeneity test of two count rows over the
 * same categories, dof = k - 1; with 2 categories and `yates` the counts move 0.5 toward expected.
 * Every category must have a non-zero total (callers pass the union of observed categories).
 */
export function chiSquareContingency(
  reference: readonly number[],
  current: readonly number[],
  yates = true,
): ChiSquareResult {
  const k = reference.length;
  const rowRef = numpySum(reference);
  const rowCur = numpySum(current);
  const total = rowRef + rowCur;
  const dof = k - 1;
  if (dof <= 0) return { statistic: 0, pValue: 1, dof: 0 };
  const terms: number[] = [];
  for (const [row, rowSum] of [
    [reference, rowRef],
    [current, rowCur],
  ] as const) {
    for (let j = 0; j < k; j++) {
      const expected = (rowSum * ((reference[j] as number) + (current[j] as number))) / total;
      let observed = row[j] as number;
      if (dof === 1 && yates) {
        const diff = expected - observed;
        observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      terms.push((observed - expected) ** 2 / expected);
    }
  }
  const statistic = numpySum(terms);
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}

/**
 * scipy `chisquare(f_obs=current, f_exp=reference * n_cur / n_ref)`, the goodness-of-fit form
 * Evidently's `chisquare` test uses; a category absent from the reference gives an infinite
 * statistic and p = 0.
 */
export function chiSquareGoodnessOfFit(
  reference: readonly number[],
  current: readonly number[],
): ChiSquareResult {
  const nRef = numpySum(reference);
  const nCur = numpySum(current);
  const scale = nCur / nRef;
  const terms = current.map((obs, j) => {
    const exp = (reference[j] as number) * scale;
    return (obs - exp) ** 2 / exp;
  });
  const statistic = numpySum(terms.map((t) => (Number.isNaN(t) ? 0 : t)));
  const dof = current.length - 1;
  return { statistic, pValue: Number.isFinite(statistic) ? chi2Sf(statistic, dof) : 0, dof };
}
