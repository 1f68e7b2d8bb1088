import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/load.js';
import type { ModelciError } from '../../../src/core/errors.js';

describe('environments config', () => {
  it('accepts the documented keys and fills defaults', () => {
    const c = validateConfig(
      {
        version: 1,
        environments: {
          staging: {
            url: 'http://127.0.0.1:8080',
            smoke: { samples: 'smoke.jsonl', latency_ms: 50 },
          },
          production: { target: 'gitops', gitops: { repo: '../config.git' } },
          batch: { target: 'command', command: './deploy.sh', timeout_minutes: 5 },
        },
      },
      'modelci.yaml',
    );
    expect(c.environments!.staging).toMatchObject({
      target: 'server',
      timeout_minutes: 10,
      smoke: { tolerance: 1e-4 },
    });
    expect(c.environments!.production!.gitops).toEqual({
      repo: '../config.git',
      branch: 'main',
      path: 'deploy/{environment}/{model}.yaml',
    });
  });

  it('names the bad key', () => {
    const problem = (environments: unknown) => {
      try {
        validateConfig({ version: 1, environments }, 'modelci.yaml');
      } catch (e) {
        return (e as ModelciError).format();
      }
      return 'accepted';
    };
    expect(problem({ staging: { target: 'k8s' } })).toMatch(
      /environments.staging.target: must be one of "server", "command", "gitops"/,
    );
    expect(problem({ staging: { target: 'command' } })).toMatch(
      /environments.staging: missing required key "command"/,
    );
    expect(problem({ staging: { smoke: { tolerance: -1 } } })).toMatch(
      /environments.staging.smoke.tolerance/,
    );
  });
});
