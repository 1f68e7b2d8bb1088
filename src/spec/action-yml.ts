import { defaultFor, onSurface, type CommandSpec } from './option-spec.js';

/** Inputs every action has beside its command's options: credentials never go through argv. */
export const ACTION_TOKEN_INPUT = {
  description:
    'GitHub token for the API calls this action makes. Default, the job token; pass a GitHub App installation token for pull requests that should start workflows.',
  default: '${{ github.token }}',
} as const;

export interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding?: { icon: string; color: string };
  inputs: Record<
    string,
    { description: string; required: boolean; default?: string; deprecationMessage?: string }
  >;
  outputs: Record<string, { description: string }>;
  runs: { using: 'node24'; main: 'dist/index.js' };
}

/** The `action.yml` of a command that has its own action, as data (scripts/specs.ts writes it). */
export function actionYmlOf(spec: CommandSpec, opts: { token: boolean }): ActionYml {
  if (!spec.action) throw new Error(`command ${spec.name} has no action`);
  const inputs: ActionYml['inputs'] = {};
  for (const [name, def] of Object.entries(spec.options)) {
    if (!onSurface(def, 'action')) continue;
    const d = defaultFor(def, 'action');
    const extra =
      def.type === 'enum'
        ? ` One of: ${(def.values ?? []).join(', ')}.`
        : def.type === 'list'
          ? ' One per line or comma separated.'
          : '';
    inputs[name] = {
      description: `${def.description}${extra}`,
      required: Boolean(def.required),
      ...(d !== undefined ? { default: String(d) } : {}),
    };
    for (const old of def.deprecated?.action ?? [])
      inputs[old] = {
        description: `Deprecated spelling of \`${name}\`.`,
        required: false,
        deprecationMessage: `Input "${old}" is deprecated: use "${name}"${def.deprecated?.note ? ` (${def.deprecated.note})` : ''}.`,
      };
  }
  if (opts.token) inputs.token = { ...ACTION_TOKEN_INPUT, required: false };
  const outputs: ActionYml['outputs'] = {};
  for (const [name, o] of Object.entries(spec.action.outputs))
    outputs[name] = { description: o.description };
  return {
    name: `modelci ${spec.name}`,
    description: spec.description,
    author: 'modelci',
    ...(spec.action.branding ? { branding: spec.action.branding } : {}),
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/index.js' },
  };
}
