import { ModelciError } from '../errors.js';

/**
 * Options that name a file whose variable differs from the rule: MODELCI_SERVE_API_KEYS and
 * MODELCI_SERVE_ADMIN_TOKEN hold the secrets themselves (serve reads them as keys and token), so
 * the options that take a FILE of them are read from *_FILE (src/spec/commands/serve.ts).
 */
const FILE_OPTIONS: Readonly<Record<string, string>> = {
  'api-keys': 'MODELCI_SERVE_API_KEYS_FILE',
  'admin-token': 'MODELCI_SERVE_ADMIN_TOKEN_FILE',
};

/**
 * The environment variable a `modelci serve` option is read from in the image:
 * `batch-max-rows` -> `MODELCI_SERVE_BATCH_MAX_ROWS`; the file options above end in _FILE.
 */
export function serveOptionEnv(option: string): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(option))
    throw new ModelciError('INPUT', `"${option}" is not a serve option name`, {
      path: `serveOptions.${option}`,
      hint: 'Use the flag names of `modelci serve --help` without the dashes, e.g. batch-max-rows',
    });
  return FILE_OPTIONS[option] ?? `MODELCI_SERVE_${option.toUpperCase().replaceAll('-', '_')}`;
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
