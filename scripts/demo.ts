// `npm run demo`: the whole modelci loop on one machine, on the bundled breast-cancer example, as a
// list of named steps (scripts/demo/steps.ts). Every step runs the bundled CLI
// (`dist/cli/index.js`) as a user would; git is a local bare repository standing in for
// `origin`, GitHub is the local stand-in server the tests use. Outputs stay in demo-out/ for
// reading; servers are stopped and nothing else is left behind.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { startGitHubServer } from '../test/harness/github/index.js';
import { cli, Demo, type DemoStep, out } from './demo/context.js';
import * as online from './demo/online.js';
import * as step from './demo/steps.js';

const STEPS: DemoStep[] = [
  step.setUp,
  step.productionToday,
  step.trainCandidate,
  step.evaluateCandidate,
  step.commentOnPullRequest,
  step.registerCandidate,
  step.promoteToStaging,
  step.deployStaging,
  step.sendShiftedTraffic,
  step.checkDrift,
  step.openRetrainingPullRequest,
  online.shadowRun,
  online.canaryAborted,
  online.canaryCompletes,
  step.buildCatalogSite,
  step.done,
];

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run build`');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const demo = new Demo(await startGitHubServer());
  try {
    for (const [i, s] of STEPS.entries()) {
      const title = typeof s.title === 'function' ? s.title(demo) : s.title;
      process.stdout.write(`\n▶ ${i + 1}/${STEPS.length} ${title}\n`);
      try {
        await s.run(demo);
      } catch (e) {
        throw new Error(`step ${i + 1} (${title}) failed: ${(e as Error).message}`);
      }
    }
  } finally {
    demo.server?.kill('SIGTERM');
    await demo.gh.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`\ndemo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
