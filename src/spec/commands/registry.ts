import { defineCommand } from '../option-spec.js';
import { configOption, jsonOption, registryOption } from './common.js';

export const registrySpec = defineCommand({
  name: 'registry',
  summary: 'Read the model registry: list, show, history, verify',
  description:
    'Read the git-backed model registry: `list` the models with their stages, `show <model>[@X.Y.Z|#stage]` one version record, `history [<model>]` the audit trail from commit trailers, `verify` every record, pointer and artifact checksum (exit 1 on a problem).',
  usage: [
    'registry list',
    'registry show churn#production',
    'registry history churn',
    'registry verify',
  ],
  positionals: [
    { name: 'subcommand', description: 'list, show, history or verify.', required: true },
    { name: 'ref', description: 'show: `<model>[@X.Y.Z|#stage]`; history: a model name.' },
  ],
  options: { registry: registryOption, config: configOption, json: jsonOption },
});
