import { resolve } from 'node:path';
import type { EnvironmentConfig } from '../../config/schema/deploy.js';
import { ModelciError } from '../../core/errors.js';
import { CommandTarget } from './command.js';
import { GitopsTarget } from './gitops.js';
import { ServerTarget } from './server.js';
import type { DeployTarget } from './target.js';

/** The target an environment's config names (`server` by default). */
export function createTarget(
  environment: string,
  env: EnvironmentConfig,
  cwd: string,
): DeployTarget {
  switch (env.target ?? 'server') {
    case 'command':
      if (!env.command)
        throw new ModelciError('CONFIG', 'the command target needs a command', {
          path: `environments.${environment}.command`,
        });
      return new CommandTarget(env.command, cwd);
    case 'gitops': {
      const g = env.gitops ?? {};
      const repo = g.repo ?? '.';
      return new GitopsTarget({
        repo: /^[a-z]+:\/\/|^[^/]+@[^:]+:/.test(repo) ? repo : resolve(cwd, repo),
        branch: g.branch ?? 'main',
        path: g.path ?? 'deploy/{environment}/{model}.yaml',
      });
    }
    case 'server':
      return new ServerTarget();
  }
}
