import { ModelciError } from '../errors.js';

/**
 * The environment variable a `modelci serve` option is read from in the image:
 * `batch-max-rows` -> `MODELCI_SERVE_BATCH_MAX_ROWS` (the names MODELCI_SERVE_API_KEYS and
 * MODELCI_SERVE_ADMIN_TOKEN already follow).
 */
export function serveOptionEnv(option: string): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(option))
    throw new ModelciError('INPUT', `"${option}" is not a serve option name`, {
      path: `serveOptions.${option}`,
      hint: 'Use the flag names of `modelci serve --help` without the dashes, e.g. batch-max-rows',
    });
  return `MODELCI_SERVE_${option.toUpperCase().replaceAll('-', '_')}`;
}

/** Serve options as container environment entries, in the order given. */
export function serveEnv(
  options: Readonly<Record<string, string | number | boolean>>,
): Array<{ name: string; value: string }> {
  return Object.entries(options).map(([option, value]) => ({
    name: serveOptionEnv(option),
    value: String(value),
  }));
}
