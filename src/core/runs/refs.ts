import { ModelciError } from '../errors.js';
import { isValidName } from '../registry/names.js';
import { isRunId } from './record.js';

/** Every run is one ref under this prefix: `refs/modelci/runs/<model>/<id>`. */
export const RUNS_REF_PREFIX = 'refs/modelci/runs/';

/** The ref of one run. Model names are the registry's (they are folder names there too). */
export function runRef(model: string, id: string): string {
  // git refuses components ending in `.lock` or `.`; the registry's name rule allows both.
  if (!isValidName(model) || model.endsWith('.lock') || model.endsWith('.'))
    throw new ModelciError('INPUT', `model name "${model.slice(0, 80)}" cannot name a run ref`, {
      hint: 'Use lowercase letters, digits, ".", "_" and "-", not ending in "." or ".lock"',
    });
  if (!isRunId(id)) throw new ModelciError('INPUT', `invalid run id "${id.slice(0, 80)}"`);
  return `${RUNS_REF_PREFIX}${model}/${id}`;
}

/** `refs/modelci/runs/churn/<id>` → its model and id; undefined for any other ref. */
export function parseRunRef(ref: string): { model: string; id: string } | undefined {
  if (!ref.startsWith(RUNS_REF_PREFIX)) return undefined;
  const rest = ref.slice(RUNS_REF_PREFIX.length);
  const slash = rest.lastIndexOf('/');
  if (slash <= 0) return undefined;
  return { model: rest.slice(0, slash), id: rest.slice(slash + 1) };
}
