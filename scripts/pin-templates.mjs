#!/usr/bin/env node
// Pins every modelci action in the workflow templates to one commit of the repository you use
// the actions from, so a copied template runs exactly the release you reviewed:
//
//   node scripts/pin-templates.mjs <owner/repo> <40-hex commit sha> [--tag v1.2.0] [--out <dir>]
//
// Without --out the templates in workflows-templates/ are rewritten in place (cutting a release);
// with --out pinned copies go to <dir> (e.g. your repository's .github/workflows). Only modelci's
// own `uses:` lines change: the repository that templates use with `/actions/<name>` of one of
// this checkout's actions/ folders, and its root action. Other actions keep their pins.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templates = join(root, 'workflows-templates');

function fail(message) {
  console.error(`pin-templates: ${message}`);
  console.error(
    'usage: node scripts/pin-templates.mjs <owner/repo> <commit-sha> [--tag <tag>] [--out <dir>]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const words = [];
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tag' || a === '--out') {
      if (argv[i + 1] === undefined) fail(`${a} needs a value`);
      opts[a.slice(2)] = argv[++i];
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else words.push(a);
  }
  if (words.length !== 2) fail('give the repository and the commit');
  const [repo, sha] = words;
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo))
    fail(`"${repo}" is not an owner/repo name (e.g. acme/modelci)`);
  // A tag or branch can move; only a full commit SHA pins what runs.
  if (!/^[0-9a-f]{40}$/.test(sha)) fail(`"${sha}" is not a full 40-character commit SHA`);
  if (opts.tag !== undefined && !/^[\w.+-]+$/.test(opts.tag))
    fail(`"${opts.tag}" is not a tag name`);
  return { repo, sha, ...opts };
}

const USES = /^(\s*(?:-\s+)?uses:\s*)([\w.-]+\/[\w.-]+)(\/actions\/[\w-]+)?@[^\s#]+(\s+#.*)?$/;

/** The repository the templates take modelci's actions from (found by their action paths). */
function modelciRepos(texts, actionNames) {
  const repos = new Set();
  for (const text of texts)
    for (const line of text.split('\n')) {
      const m = USES.exec(line);
      if (m?.[3] && actionNames.has(m[3].slice('/actions/'.length))) repos.add(m[2]);
    }
  return repos;
}

/** Rewrites one template; returns the new text and how many `uses:` lines changed. */
function pinTemplate(text, from, { repo, sha, tag }) {
  let count = 0;
  const out = text
    .split('\n')
    .map((line) => {
      const m = USES.exec(line);
      if (!m || !from.has(m[2])) return line;
      count++;
      return `${m[1]}${repo}${m[3] ?? ''}@${sha}${tag ? ` # ${tag}` : ''}`;
    })
    .join('\n');
  return { text: out, count };
}

const args = parseArgs(process.argv.slice(2));
const actionNames = new Set(
  readdirSync(join(root, 'actions')).filter((a) =>
    existsSync(join(root, 'actions', a, 'action.yml')),
  ),
);
const files = readdirSync(templates)
  .filter((f) => f.endsWith('.yml'))
  .sort();
const texts = files.map((f) => readFileSync(join(templates, f), 'utf8'));
const from = modelciRepos(texts, actionNames);
if (from.size === 0) fail('no modelci action found in workflows-templates/');
const outDir = args.out ? resolve(args.out) : templates;
mkdirSync(outDir, { recursive: true });
let total = 0;
files.forEach((file, i) => {
  const { text, count } = pinTemplate(texts[i], from, args);
  writeFileSync(join(outDir, file), text);
  total += count;
  console.log(`${join(outDir, file)}: ${count} uses: line${count === 1 ? '' : 's'} pinned`);
});
console.log(
  `pinned ${total} uses: lines to ${args.repo}@${args.sha}${args.tag ? ` (${args.tag})` : ''}`,
);
