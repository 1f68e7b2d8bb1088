#!/usr/bin/env node
// `npm run demo`: the README's main command. Runs the loop on the bundled example (examples/churn)
// one step at a time through the bundled CLI (`node dist/cli/index.js`), and prints where each
// step's output is. Steps are added here as the loop grows (train, evaluate, register, deploy, ...).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = 'examples/churn';
const out = join(root, 'demo-out');
const cli = join(root, 'dist/cli/index.js');

if (!existsSync(cli)) {
  console.error('demo: dist/cli/index.js is missing; run `npm run build` first.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

/** Runs `modelci <args>` from the repository root; stops the demo when a step fails. */
function modelci(step, args) {
  process.stdout.write(`\n${step}\n  $ modelci ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    console.error(`demo: "${step}" failed (exit ${r.status})`);
    process.exit(1);
  }
  if (r.stderr.trim()) process.stdout.write(r.stderr.replace(/^/gm, '  '));
  return r.stdout;
}

console.log(`modelci demo on ${example} (breast-cancer logistic regression, model "churn")`);

// Step 1: the pull request comment for the example's base (main) and head (PR) metrics.
const markdown = modelci(
  '1. Render the pull request comment (base vs head metrics, history chart)',
  [
    'comment',
    '--config',
    `${example}/modelci.yaml`,
    '--base',
    `${example}/metrics/base.json`,
    '--head',
    `${example}/metrics/head.json`,
    '--history',
    `${example}/metrics/history.json`,
  ],
);
const commentFile = join(out, 'comment.md');
writeFileSync(commentFile, markdown);
const verdicts = markdown
  .split('\n')
  .find((l) => /better|worse|unchanged/.test(l) && !l.startsWith('|'));
console.log(`  verdict: ${verdicts?.replace(/\*\*/g, '') ?? '(none)'}`);
console.log(
  `  -> ${relative(process.cwd(), commentFile) || commentFile} (GitHub-flavoured Markdown: paste it into a PR comment or open it in a Markdown preview)`,
);

console.log('\ndemo: done. Outputs are in demo-out/.');
