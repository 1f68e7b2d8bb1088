#!/usr/bin/env node
// Extracts the operations the GitHub stand-in (test/harness/github/) serves, plus every component
// they reference, from @octokit/openapi's api.github.com.json into a small committed fixture: the
// full package unpacks to ~385 MB, the subset is what the tests validate against.
//
//   cd /tmp/oa && npm install @octokit/openapi
//   node scripts/openapi-subset.mjs /tmp/oa/node_modules/@octokit/openapi/generated/api.github.com.json
//
// Add an operationId to OPERATIONS when the stand-in learns a new route, then re-run.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/openapi/api.github.com.subset.json');

export const OPERATIONS = [
  'users/get-authenticated',
  'users/get-by-username',
  'repos/get',
  'issues/get',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'issues/add-labels',
  'issues/list-labels-on-issue',
  'pulls/list',
  'pulls/create',
  'pulls/get',
  'pulls/update',
  'repos/list-pull-requests-associated-with-commit',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/delete-ref',
  'git/list-matching-refs',
  'repos/get-content',
  'repos/create-or-update-file-contents',
  'repos/list-deployments',
  'repos/create-deployment',
  'repos/get-deployment',
  'repos/list-deployment-statuses',
  'repos/create-deployment-status',
  'repos/get-deployment-status',
  'repos/get-environment',
  'checks/create',
  'checks/get',
  'checks/update',
  'checks/list-for-ref',
  'repos/create-commit-status',
  'repos/get-combined-status-for-ref',
  'repos/list-commit-statuses-for-ref',
  'repos/list-releases',
  'repos/create-release',
  'repos/get-release',
  'repos/update-release',
  'repos/get-release-by-tag',
  'repos/list-release-assets',
  'repos/upload-release-asset',
  'repos/get-release-asset',
  'actions/create-workflow-dispatch',
];

// Keywords that only document; dropping them keeps the fixture small. A *property* with one of
// these names (e.g. a repository's `description`) sits in a `properties` map and is kept.
const DOC_KEYS = new Set(['description', 'example', 'examples', 'externalDocs', 'x-github']);

function main() {
  const src = process.argv[2];
  if (!src || !existsSync(src)) {
    console.error('usage: node scripts/openapi-subset.mjs <path to api.github.com.json>');
    process.exit(2);
  }
  const doc = JSON.parse(readFileSync(src, 'utf8'));
  const pkgJson = join(dirname(src), '..', 'package.json');
  const version = existsSync(pkgJson) ? JSON.parse(readFileSync(pkgJson, 'utf8')).version : null;

  const wanted = new Set(OPERATIONS);
  const paths = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !wanted.has(op.operationId)) continue;
      wanted.delete(op.operationId);
      paths[path] ??= {};
      if (item.parameters) paths[path].parameters = item.parameters;
      paths[path][method] = strip(op);
    }
  }
  if (wanted.size) {
    console.error(`openapi-subset: not in the description: ${[...wanted].join(', ')}`);
    process.exit(1);
  }

  // Copy every component reachable from the chosen operations.
  const components = {};
  const seen = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/')) {
      const [, , kind, name] = node.$ref.split('/');
      const key = `${kind}/${name}`;
      if (!seen.has(key)) {
        seen.add(key);
        const target = doc.components[kind]?.[name];
        if (target === undefined) throw new Error(`dangling $ref ${node.$ref}`);
        components[kind] ??= {};
        components[kind][name] = strip(target);
        visit(components[kind][name]);
      }
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(paths);

  const sorted = {};
  for (const kind of Object.keys(components).sort()) {
    sorted[kind] = Object.fromEntries(
      Object.keys(components[kind])
        .sort()
        .map((k) => [k, components[kind][k]]),
    );
  }
  const subset = {
    openapi: doc.openapi,
    info: {
      title: `${doc.info.title} (subset for the modelci GitHub stand-in)`,
      version: doc.info.version,
      'x-octokit-openapi-version': version,
      'x-generated-by': 'scripts/openapi-subset.mjs',
      'x-operations': OPERATIONS.length,
    },
    servers: doc.servers,
    paths: Object.fromEntries(
      Object.keys(paths)
        .sort()
        .map((k) => [k, paths[k]]),
    ),
    components: sorted,
  };
  writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
  const n = Object.values(sorted).reduce((a, c) => a + Object.keys(c).length, 0);
  console.log(
    `openapi-subset: ${OPERATIONS.length} operations, ${n} components, @octokit/openapi ${version} -> ${out}`,
  );
}

function strip(node, parentKey) {
  if (Array.isArray(node)) return node.map((v) => strip(v));
  if (!node || typeof node !== 'object') return node;
  const outNode = {};
  for (const [k, v] of Object.entries(node)) {
    if (parentKey !== 'properties' && DOC_KEYS.has(k)) continue;
    outNode[k] = strip(v, k);
  }
  return outNode;
}

main();
