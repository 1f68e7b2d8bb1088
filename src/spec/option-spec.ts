/**
 * One option spec per command: the CLI flags, `--help`, the action's inputs (`action.yml`) and the
 * README tables are all generated from it, so a flag cannot exist on one side only
 * (test/unit/spec/parity.test.ts). Plain data: importing a spec loads nothing else.
 */

/** How a value is written on the command line and in an action input. */
export type OptionType = 'string' | 'boolean' | 'integer' | 'number' | 'list' | 'enum';

export interface OptionDef {
  type: OptionType;
  /** One or two sentences: `--help`, `action.yml` and the README say the same. */
  description: string;
  /** The value's name in `--help` (`--data <file>`); default from the type. */
  placeholder?: string;
  required?: boolean;
  /** Built-in default, the same on both sides unless `actionDefault` says otherwise. */
  default?: string | number | boolean;
  /** The action's default when it differs from the CLI's (e.g. fail-on-gates: true in CI). */
  actionDefault?: string | boolean;
  /** Allowed values of an `enum`. */
  values?: readonly string[];
  /** Smallest allowed value of an `integer` / `number`. */
  min?: number;
  max?: number;
  /** What a valid value is, for errors (`a pull request number`); default from the type. */
  valueName?: string;
  /** A one-letter CLI alias (`-o`). */
  short?: string;
  /**
   * Old spellings still accepted, with a deprecation note each time they are used. `cli` entries
   * are flag names, `action` entries input names.
   */
  deprecated?: { cli?: readonly string[]; action?: readonly string[]; note?: string };
  /**
   * Where the option exists when it cannot mean the same thing on both sides (e.g. `--json`,
   * which only a terminal prints). Default both. The parity test lists every such exception.
   */
  only?: 'cli' | 'action';
  /** An environment variable read when the option is not given (secrets: never argv). */
  env?: string;
  /**
   * Lists: items are split at commas and line breaks (default), or at line breaks only, for items
   * that hold commas themselves (`name=a,b`). Repeating the flag adds items either way.
   */
  separator?: 'comma' | 'line';
  /** Boolean options: also accept `--no-<name>` on the CLI (default true when default is true). */
  negatable?: boolean;
}

export type OptionDefs = Readonly<Record<string, OptionDef>>;

export interface PositionalDef {
  name: string;
  description: string;
  required?: boolean;
  /** Takes every remaining word. */
  variadic?: boolean;
}

export interface OutputDef {
  description: string;
}

export interface CommandSpec<O extends OptionDefs = OptionDefs> {
  name: string;
  /** One line, for `modelci --help`. */
  summary: string;
  /** A paragraph, for `modelci <name> --help` and the action's description. */
  description: string;
  options: O;
  /** Words after the command (`registry show <ref>`); CLI only. */
  positionals?: readonly PositionalDef[];
  /** Usage lines and notes shown by `--help` before the option table. */
  usage?: readonly string[];
  /** Notes after the option table (exit codes, environment). */
  notes?: readonly string[];
  /**
   * Keeps an old spelling working where a name changed meaning (evaluate's `--model <file>` is
   * now `--artifact`): rewrites the raw values, keyed by the name the user typed, before aliases
   * merge. Returns deprecation notes.
   */
  rewrite?: (raw: Map<string, string[]>, surface: 'cli' | 'action') => string[];
  /** The command's own action, `actions/<folder>/action.yml`, generated from this spec. */
  action?: {
    folder: string;
    outputs: Readonly<Record<string, OutputDef>>;
    branding?: { icon: string; color: string };
  };
}

// ---- the typed values a spec parses into ---------------------------------------------------

type Camel<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<Camel<T>>}`
  : S;

type Defaulted<O> = O extends { required: true }
  ? true
  : O extends { default: string | number | boolean }
    ? true
    : false;

type Base<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { type: 'list' }
    ? string[]
    : O extends { type: 'integer' | 'number' }
      ? number
      : O extends { type: 'enum'; values: readonly (infer V)[] }
        ? V
        : string;

type ValueOf<O> = O extends { type: 'boolean' | 'list' }
  ? Base<O>
  : Defaulted<O> extends true
    ? Base<O>
    : Base<O> | undefined;

/** The values of a spec's options, keyed in camelCase (`drop-invalid` → `dropInvalid`). */
export type Values<O extends OptionDefs> = {
  -readonly [K in keyof O & string as Camel<K>]: ValueOf<O[K]>;
};

/** What a front end parsed: the values, which options were given explicitly, and the words. */
export interface Parsed<O extends OptionDefs> {
  values: Values<O>;
  /** Option names (kebab-case) given on the command line or as a non-default input. */
  given: ReadonlySet<string>;
  positionals: string[];
  /** Deprecation notes for old spellings used. */
  notes: string[];
  /** How the user spelled an option when it was an old name (`artifact` → `--model`), for messages. */
  spelled: ReadonlyMap<string, string>;
}

export function defineCommand<const O extends OptionDefs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

export function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether an option exists on a surface. */
export function onSurface(def: OptionDef, surface: 'cli' | 'action'): boolean {
  return def.only === undefined || def.only === surface;
}

/** The default a surface applies (the action may differ, e.g. fail-on-gates). */
export function defaultFor(
  def: OptionDef,
  surface: 'cli' | 'action',
): string | number | boolean | undefined {
  return surface === 'action' && def.actionDefault !== undefined ? def.actionDefault : def.default;
}
