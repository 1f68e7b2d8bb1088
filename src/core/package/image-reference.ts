import { ModelciError } from '../errors.js';

// The grammar of distribution/reference: [domain[:port]/]path[:tag][@digest].
const DOMAIN = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`[\w][\w.-]{0,127}`;
const DIGEST = String.raw`sha256:[a-f0-9]{64}`;
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`,
);

/** True when the reference names its content (`@sha256:`), so what runs is what was built. */
export function isDigestReference(ref: string): boolean {
  return new RegExp(`@${DIGEST}$`).test(ref);
}

/** Checks an image reference (`ghcr.io/acme/churn@sha256:...` or `...:1.2.0`). */
export function checkImageReference(ref: string, path = 'image'): void {
  if (ref.length > 255 + 72 || !REFERENCE.test(ref))
    throw new ModelciError('INPUT', `"${ref}" is not an image reference`, {
      path,
      hint: 'Give registry/name@sha256:<digest> (or registry/name:tag)',
    });
}
