import { ModelciError } from '../../core/errors.js';
import type { contractSpec } from '../../spec/commands/contract.js';
import type { Parsed } from '../../spec/option-spec.js';
import { runInferContract, type InferContractResult } from '../contract.js';
import type { Invocation } from '../invocation.js';
import type { ProfileProgress } from '../profile.js';

/** `modelci contract infer`. */
export async function invokeContract(
  { values: v, given, positionals }: Parsed<typeof contractSpec.options>,
  _inv: Invocation,
  hooks: { onProgress?: (p: ProfileProgress) => void } = {},
): Promise<InferContractResult> {
  const [sub, ...extra] = positionals;
  if (sub !== 'infer')
    throw new ModelciError(
      'USAGE',
      sub === undefined ? 'say what to do: contract infer' : `unknown subcommand "${sub}"`,
      { hint: 'Use: modelci contract infer --data <file> --out <contract.yaml>' },
    );
  if (extra.length) throw new ModelciError('USAGE', `unexpected argument "${extra[0]}"`);
  return runInferContract({
    config: v.config,
    configExplicit: given.has('config'),
    margin: v.margin,
    ...(v.data !== undefined ? { data: v.data } : {}),
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(v.version !== undefined ? { version: v.version } : {}),
    ...(v.registry !== undefined ? { registry: v.registry } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.force ? { force: true } : {}),
    ...(v.label !== undefined ? { label: v.label } : {}),
    ...(v.id !== undefined ? { id: v.id } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
}
