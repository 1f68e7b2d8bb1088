import { stringify } from 'yaml';

// `runs show` prints a record as YAML: its own module, imported when shown, so `runs list` does
// not load the YAML writer.

/** A run record as YAML, lines unwrapped. */
export function runYaml(record: unknown): string {
  return stringify(record, { lineWidth: 0 });
}
