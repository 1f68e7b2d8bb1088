import { ModelciError } from '../errors.js';

/** Kubernetes' resource.Quantity grammar (the pattern its OpenAPI schemas carry). */
const QUANTITY =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity (`250m` = 0.25, `1Gi` = 2^30), or undefined when it is not one. */
export function quantityValue(text: string): number | undefined {
  if (!QUANTITY.test(text)) return undefined;
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(.*)$/.exec(text)!;
  const number = Number(m[1]);
  const suffix = m[2]!;
  if (/^[eE]/.test(suffix)) return number * 10 ** Number(suffix.slice(1));
  return number * SUFFIX[suffix]!;
}

/** Checks a quantity given by a user, naming where it came from. */
export function checkQuantity(text: string, path: string): void {
  const v = quantityValue(text);
  if (v === undefined || v <= 0)
    throw new ModelciError('INPUT', `"${text}" is not a positive Kubernetes quantity`, {
      path,
      hint: 'e.g. 250m or 1 for cpu, 256Mi or 1Gi for memory',
    });
}
