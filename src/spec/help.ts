import { defaultFor, onSurface, type CommandSpec, type OptionDef } from './option-spec.js';

const PLACEHOLDER: Record<OptionDef['type'], string> = {
  string: '<value>',
  boolean: '',
  integer: '<n>',
  number: '<x>',
  list: '<a,b,...>',
  enum: '',
};

/** `--data <file>`, `--task binary|multiclass|regression`, `--push` / `--[no-]rollback`. */
export function flagUsage(name: string, def: OptionDef): string {
  if (def.type === 'boolean')
    return def.negatable || def.default === true ? `--[no-]${name}` : `--${name}`;
  const value = def.placeholder
    ? `<${def.placeholder}>`
    : def.type === 'enum'
      ? (def.values ?? []).join('|')
      : PLACEHOLDER[def.type];
  return `${def.short ? `-${def.short}, ` : ''}--${name} ${value}`;
}

function defaultNote(def: OptionDef): string {
  const d = defaultFor(def, 'cli');
  if (d === undefined || (def.type === 'boolean' && d === false)) return '';
  return ` (default: ${String(d)})`;
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** `modelci <name> --help`: usage, description, every CLI option with its default, notes. */
export function renderHelp(spec: CommandSpec): string {
  const options = Object.entries(spec.options).filter(([, d]) => onSurface(d, 'cli'));
  const required = options.filter(([, d]) => d.required).map(([n, d]) => flagUsage(n, d));
  const words = (spec.positionals ?? []).map((p) =>
    p.required
      ? `<${p.name}>${p.variadic ? '...' : ''}`
      : `[<${p.name}>${p.variadic ? '...' : ''}]`,
  );
  const out = [
    `Usage: modelci ${[spec.name, ...words, ...required, '[options]'].join(' ')}`,
    ...(spec.usage ?? []).map((u) => `       ${u}`),
    '',
    ...wrap(spec.description, 100, ''),
    '',
  ];
  if (spec.positionals?.length) {
    out.push('Arguments:');
    const w = Math.max(...spec.positionals.map((p) => p.name.length)) + 2;
    for (const p of spec.positionals)
      out.push(`  ${p.name.padEnd(w)}${wrap(p.description, 96 - w, ' '.repeat(w + 2)).join('\n')}`);
    out.push('');
  }
  out.push('Options:');
  const flags = options.map(([n, d]) => flagUsage(n, d));
  const w = Math.min(34, Math.max(...flags.map((f) => f.length)) + 2);
  options.forEach(([, def], i) => {
    const flag = flags[i]!;
    const text = `${def.description}${defaultNote(def)}${def.env ? ` Environment: ${def.env}.` : ''}`;
    const body = wrap(text, 100 - w - 2, ' '.repeat(w + 2)).join('\n');
    out.push(
      flag.length + 2 > w ? `  ${flag}\n${' '.repeat(w + 2)}${body}` : `  ${flag.padEnd(w)}${body}`,
    );
  });
  out.push(`  ${'-h, --help'.padEnd(w)}this text`);
  if (spec.notes?.length) out.push('', ...spec.notes);
  return out.join('\n');
}
