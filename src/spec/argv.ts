import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ModelciError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { onSurface, type CommandSpec, type OptionDefs, type Parsed } from './option-spec.js';
import { finishValues, foldDeprecated } from './values.js';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/** Every flag a spec accepts (new, `no-` negations and old spellings) → the name it is stored under. */
export function cliFlags(spec: CommandSpec): {
  config: ParseOptions;
  negations: Map<string, string>;
} {
  const config: ParseOptions = {};
  const negations = new Map<string, string>();
  for (const [name, def] of Object.entries(spec.options)) {
    if (!onSurface(def, 'cli')) continue;
    const type = def.type === 'boolean' ? 'boolean' : 'string';
    config[name] = { type, multiple: true, ...(def.short ? { short: def.short } : {}) };
    if (def.type === 'boolean' && (def.negatable ?? def.default === true)) {
      config[`no-${name}`] = { type: 'boolean', multiple: true };
      negations.set(`no-${name}`, name);
    }
    for (const old of def.deprecated?.cli ?? []) config[old] = { type, multiple: true };
  }
  return { config, negations };
}

/** Parses `modelci <command> <argv>` against the command's spec. Usage errors say what to type. */
export function parseCommandLine<O extends OptionDefs>(
  spec: CommandSpec<O>,
  argv: string[],
  env: NodeJS.ProcessEnv,
): Parsed<O> {
  const { config, negations } = cliFlags(spec);
  let tokens;
  try {
    ({ tokens } = parseArgs({
      args: argv,
      options: config,
      allowPositionals: Boolean(spec.positionals?.length),
      strict: true,
      tokens: true,
    }));
  } catch (e) {
    throw usageFrom(e as Error, spec, Object.keys(config));
  }
  const typed = new Map<string, string[]>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const negated = negations.get(t.name);
    const name = negated ?? t.name;
    const value = t.value ?? String(negated === undefined);
    // Booleans: the last of --push / --no-push wins, as in most CLIs.
    typed.set(
      name,
      config[t.name]!.type === 'boolean' ? [value] : [...(typed.get(name) ?? []), value],
    );
  }
  checkPositionals(spec, positionals);
  const { raw, notes, spelled } = foldDeprecated(spec, typed, 'cli');
  return finishValues(spec.options, raw, 'cli', env, positionals, notes, spelled);
}

function checkPositionals(spec: CommandSpec, words: string[]): void {
  const defs = spec.positionals ?? [];
  if (!defs.some((p) => p.variadic) && words.length > defs.length)
    throw new ModelciError('USAGE', `unexpected argument "${words[defs.length]}"`, {
      hint: `Run \`modelci ${spec.name} --help\``,
    });
}

/** Secrets that were flags once: refused with where to put them instead (never argv). */
const REFUSED_SECRETS: Readonly<Record<string, { hint: string; command?: string }>> = {
  token: { hint: 'Set GITHUB_TOKEN (or GH_TOKEN) in the environment instead' },
  'admin-token': {
    command: 'serve',
    hint: 'Put it in a file readable only by the server and pass --admin-token-file <file>, or set MODELCI_SERVE_ADMIN_TOKEN',
  },
};

/** node:util's messages, in one line, with the nearest flag for a typo. */
function usageFrom(e: Error, spec: CommandSpec, flags: string[]): ModelciError {
  const code = (e as { code?: string }).code;
  const first = e.message.split('\n')[0]!;
  const hint = { hint: `Run \`modelci ${spec.name} --help\` for the options` };
  const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(first);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const word = unknown[2]!.split('=')[0]!;
    const secret = REFUSED_SECRETS[word];
    if (secret && (secret.command ?? spec.name) === spec.name)
      return new ModelciError(
        'USAGE',
        `--${word} is not accepted: a token on the command line shows in the process list (ps, /proc/<pid>/cmdline) and shell history`,
        { hint: secret.hint },
      );
    return new ModelciError(
      'USAGE',
      `unknown option ${unknown[1]}${word}.${didYouMean(word, flags, (f) => `--${f}`)}`,
      hint,
    );
  }
  const missing = /Option '(?:-\w, )?--([^ ]+) <value>' argument missing/.exec(first);
  if (missing) return new ModelciError('USAGE', `--${missing[1]} needs a value`, hint);
  return new ModelciError('USAGE', first.replace(/\. To specify a positional.*$/, ''), hint);
}
