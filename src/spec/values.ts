import { ModelciError } from '../core/errors.js';
import {
  camel,
  type CommandSpec,
  defaultFor,
  onSurface,
  type OptionDef,
  type OptionDefs,
  type Parsed,
  type Values,
} from './option-spec.js';

export type Surface = 'cli' | 'action';

/** How a surface names an option in messages: `--resamples` or `input "resamples"`. */
export function optionLabel(name: string, surface: Surface): string {
  return surface === 'cli' ? `--${name}` : `input "${name}"`;
}

function usage(surface: Surface, message: string, hint?: string): ModelciError {
  return new ModelciError(surface === 'cli' ? 'USAGE' : 'INPUT', message, hint ? { hint } : {});
}

/** A list written as repeated flags, commas or lines: every non-empty trimmed item. */
export function splitList(raw: readonly string[], separator: 'comma' | 'line' = 'comma'): string[] {
  return raw
    .flatMap((v) => v.split(separator === 'comma' ? /[\n,]/ : /\n/))
    .map((s) => s.trim())
    .filter(Boolean);
}

const TRUE = ['true', 'yes', '1', 'on'];
const FALSE = ['false', 'no', '0', 'off'];

/** One raw value (as typed or as the input's text) to the option's type, or a one-line error. */
export function coerce(
  name: string,
  def: OptionDef,
  raw: string,
  surface: Surface,
): string | number | boolean {
  const label = optionLabel(name, surface);
  switch (def.type) {
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (TRUE.includes(v)) return true;
      if (FALSE.includes(v)) return false;
      throw usage(surface, `${label} must be true or false (got "${raw}")`);
    }
    case 'integer':
    case 'number': {
      const v = raw.trim();
      const ok =
        def.type === 'integer' ? /^-?\d+$/.test(v) : v !== '' && Number.isFinite(Number(v));
      const n = Number(v);
      if (!ok)
        throw usage(
          surface,
          `${label} must be ${def.valueName ?? (def.type === 'integer' ? 'a whole number' : 'a number')} (got "${raw}")`,
        );
      if (def.min !== undefined && n < def.min)
        throw usage(surface, `${label} must be ≥ ${def.min} (got ${v})`);
      if (def.max !== undefined && n > def.max)
        throw usage(surface, `${label} must be ≤ ${def.max} (got ${v})`);
      return n;
    }
    case 'enum': {
      const v = raw.trim();
      const values = def.values ?? [];
      if (!values.includes(v)) {
        const lower = values.find((x) => x.toLowerCase() === v.toLowerCase());
        throw usage(
          surface,
          `${label} must be one of ${values.join(', ')} (got "${raw}")`,
          lower ? `Did you mean "${lower}"?` : undefined,
        );
      }
      return v;
    }
    default:
      return surface === 'action' ? raw.trim() : raw;
  }
}

/**
 * Folds old spellings (`deprecated.cli` / `deprecated.action`) into their option, with one note
 * each, after the spec's own `rewrite`. `raw` is keyed by the names the user typed.
 */
export function foldDeprecated(
  spec: CommandSpec,
  raw: Map<string, string[]>,
  surface: Surface,
): { raw: Map<string, string[]>; notes: string[]; spelled: Map<string, string> } {
  const notes = spec.rewrite ? spec.rewrite(raw, surface) : [];
  const out = new Map<string, string[]>();
  const spelled = new Map<string, string>();
  for (const [name, def] of Object.entries(spec.options)) {
    const texts = [...(raw.get(name) ?? [])];
    for (const old of (surface === 'cli' ? def.deprecated?.cli : def.deprecated?.action) ?? []) {
      const given = (raw.get(old) ?? []).filter((t) => surface === 'cli' || t.trim() !== '');
      if (!given.length) continue;
      notes.push(
        `${optionLabel(old, surface)} is deprecated: use ${optionLabel(name, surface)}${def.deprecated?.note ? ` (${def.deprecated.note})` : ''}`,
      );
      if (!texts.length) {
        texts.push(...given);
        spelled.set(name, optionLabel(old, surface));
      }
    }
    if (texts.length) out.set(name, texts);
  }
  return { raw: out, notes, spelled };
}

/**
 * Builds the typed values from what a front end read: `raw` holds, per option name, the strings
 * given (several for a repeated flag). Defaults, environment fallbacks and required checks are
 * applied here, once, for both front ends.
 */
export function finishValues<O extends OptionDefs>(
  options: O,
  raw: ReadonlyMap<string, readonly string[]>,
  surface: Surface,
  env: NodeJS.ProcessEnv,
  positionals: string[] = [],
  notes: string[] = [],
  spelled: ReadonlyMap<string, string> = new Map(),
): Parsed<O> {
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const [name, def] of Object.entries(options)) {
    const key = camel(name);
    if (!onSurface(def, surface)) {
      values[key] =
        def.type === 'list' ? [] : (def.default ?? (def.type === 'boolean' ? false : undefined));
      continue;
    }
    // An empty action input is an input not given (the runner passes every declared input).
    let texts = (raw.get(name) ?? []).filter((t) => surface === 'cli' || t.trim() !== '');
    if (!texts.length && def.env && env[def.env]) texts = [env[def.env]!];
    if (!texts.length && def.required)
      throw usage(surface, `${optionLabel(name, surface)} is required`, def.description);
    if (def.type === 'list') {
      values[key] = splitList(texts, def.separator);
      if (texts.length) given.add(name);
      continue;
    }
    if (!texts.length) {
      const d = defaultFor(def, surface);
      values[key] =
        typeof d === 'string' && def.type !== 'string' && def.type !== 'enum'
          ? coerce(name, def, d, surface)
          : (d ?? (def.type === 'boolean' ? false : undefined));
      continue;
    }
    const value = coerce(name, def, texts.at(-1)!, surface);
    values[key] = value;
    if (value !== defaultFor(def, surface)) given.add(name);
  }
  return { values: values as Values<O>, given, positionals, notes, spelled };
}
