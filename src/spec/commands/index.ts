import type { CommandSpec } from '../option-spec.js';
import { commentSpec } from './comment.js';
import { compareLiveSpec } from './compare-live.js';
import { contractSpec } from './contract.js';
import { deploySpec } from './deploy.js';
import { driftSpec } from './drift.js';
import { evaluateSpec } from './evaluate.js';
import { packageSpec } from './package.js';
import { profileSpec } from './profile.js';
import { deprecateSpec, promoteSpec, rollbackSpec } from './promote.js';
import { registerSpec } from './register.js';
import { registrySpec } from './registry.js';
import { runsSpec } from './runs.js';
import { serveSpec } from './serve.js';
import { cardSpec, siteSpec } from './site.js';
import { trainSpec } from './train.js';
import { validateSpec } from './validate.js';

/** Every command's spec, in the order `modelci --help` lists them. */
export const commandSpecs: readonly CommandSpec[] = [
  commentSpec,
  trainSpec,
  evaluateSpec,
  registerSpec,
  promoteSpec,
  rollbackSpec,
  deprecateSpec,
  registrySpec,
  runsSpec,
  serveSpec,
  deploySpec,
  packageSpec,
  compareLiveSpec,
  driftSpec,
  profileSpec,
  contractSpec,
  validateSpec,
  siteSpec,
  cardSpec,
];

/**
 * Commands with no action of their own, and why. The root action (`command:`) runs them too; the
 * parity test fails when a command is neither here nor has an action.
 */
export const CLI_ONLY_COMMANDS: Readonly<Record<string, string>> = {
  registry: 'read-only views for a terminal; in a workflow, run them through the root action',
  runs: 'views and housekeeping of the runs train records (its action records them); in a workflow, run them through the root action',
  serve: 'a long-running server: the deploy action starts it (server target)',
  profile: 'a data tool; shard profiling in a job matrix runs it through the root action',
  contract:
    'writes a file the team reviews, edits and commits; in a workflow, run it through the root action',
  card: 'one Markdown file to commit or push to a model hub; the site action writes every card as a page',
};
