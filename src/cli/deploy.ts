import { invokeDeploy } from '../commands/invoke/deploy.js';
import { renderDeploySummary } from '../core/deploy/summary.js';
import { deploySpec } from '../spec/commands/deploy.js';
import { defineCliCommand } from './command.js';

export const deployCommand = defineCliCommand({
  spec: deploySpec,
  async run(parsed, io, inv) {
    const result = await invokeDeploy(parsed, {
      ...inv,
      log: (line) => io.stderr(`modelci deploy: ${line}\n`),
    });
    if (parsed.values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else io.stdout(renderDeploySummary({ ...result, smokeChecks: result.smoke?.checks }));
    return result.outcome === 'success' || result.outcome === 'planned' ? 0 : 1;
  },
});
