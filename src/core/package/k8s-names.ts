/**
 * Kubernetes names and label values from model names. modelci model names (`^[a-z0-9][a-z0-9._-]*$`,
 * any length) are not all names Kubernetes accepts: `.` and `_` are refused in a DNS label, a
 * Service or an InferenceService name must start with a letter, and every name and label value
 * stops at 63 characters.
 */

/**
 * Longest object name: KServe names the Knative revision `<name>-predictor-00001`, and Knative
 * puts the revision name in a label value (63 at most), so 63 - 16 = 47.
 */
export const MAX_OBJECT_NAME = 47;

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** FNV-1a, 32 bits, as 8 hex digits: a stable tag that keeps two mapped names apart. */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** True for a valid RFC 1035 label (Service, InferenceService and Deployment names alike). */
export function isDnsLabel(name: string, max = 63): boolean {
  return name.length <= max && DNS_1035_LABEL.test(name);
}

/**
 * The object name of a model: the model name when Kubernetes accepts it as it is; otherwise `.`
 * and `_` become `-`, a leading digit gets `m-`, the name is cut to fit, and 6 hex digits of the
 * model name's hash are appended, so `churn_v2` and `churn-v2` never name the same objects.
 */
export function objectName(model: string, max = MAX_OBJECT_NAME): string {
  if (isDnsLabel(model, max)) return model;
  const tag = fnv1a32(model).slice(0, 6);
  let base = model
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '');
  if (!/^[a-z]/.test(base)) base = `m-${base}`;
  base = base.slice(0, max - tag.length - 1).replace(/-+$/, '');
  return `${base}-${tag}`;
}

/** A label value for any text: kept when valid, otherwise mapped like objectName. */
export function labelValue(text: string): string {
  if (text.length <= 63 && LABEL_VALUE.test(text)) return text;
  const tag = fnv1a32(text).slice(0, 6);
  const base = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 63 - tag.length - 1)
    .replace(/[^A-Za-z0-9]+$/, '');
  return base ? `${base}-${tag}` : tag;
}
