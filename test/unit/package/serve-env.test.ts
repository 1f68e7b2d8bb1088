import { describe, expect, it } from 'vitest';
import { serveOptionEnv } from '../../../src/core/package/serve-env.js';
import { serveSpec } from '../../../src/spec/commands/serve.js';

// The manifests pass serve options as environment variables: each must be the variable serve's
// own option spec reads, or the option silently does nothing in the pod (api-keys as
// MODELCI_SERVE_API_KEYS would even be read as the keys themselves).
describe('serveOptionEnv', () => {
  const options = Object.entries(serveSpec.options) as [string, { env?: string }][];

  it('names, for every serve option, the variable serve reads it from', () => {
    expect(options.length).toBeGreaterThan(10);
    for (const [name, option] of options) {
      if (!option.env) continue;
      expect(serveOptionEnv(name), name).toBe(option.env);
    }
  });

  it('reads the key and token files from *_FILE, not the variables that hold secrets', () => {
    expect(serveOptionEnv('api-keys')).toBe('MODELCI_SERVE_API_KEYS_FILE');
    expect(serveOptionEnv('admin-token')).toBe('MODELCI_SERVE_ADMIN_TOKEN_FILE');
  });
});
