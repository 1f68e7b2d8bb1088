#!/usr/bin/env node
// Renders the README's per-action inputs/outputs tables from every action.yml, between the
// `<!-- actions:start -->` and `<!-- actions:end -->` markers. `node scripts/action-docs.mjs`
// rewrites README.md; test/unit/docs/readme-actions.test.ts fails when it is out of date.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const cell = (s) =>
  String(s ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

export function renderActionDocs(root) {
  const actions = [{ dir: '.', uses: 'modelci/modelci', file: join(root, 'action.yml') }];
  const actionsDir = join(root, 'actions');
  if (existsSync(actionsDir))
    for (const name of readdirSync(actionsDir).sort())
      if (existsSync(join(actionsDir, name, 'action.yml')))
        actions.push({
          dir: name,
          uses: `modelci/modelci/actions/${name}`,
          file: join(actionsDir, name, 'action.yml'),
        });
  const out = [];
  for (const a of actions) {
    const meta = parse(readFileSync(a.file, 'utf8'));
    out.push(`### \`${a.uses}\``, '', cell(meta.description), '');
    const inputs = Object.entries(meta.inputs ?? {});
    if (inputs.length) {
      out.push('| input | required | default | description |', '| --- | --- | --- | --- |');
      for (const [k, v] of inputs)
        out.push(
          `| \`${k}\` | ${v.required ? 'yes' : 'no'} | ${v.default === undefined || v.default === '' ? '' : `\`${cell(v.default)}\``} | ${cell(v.description)} |`,
        );
      out.push('');
    }
    const outputs = Object.entries(meta.outputs ?? {});
    if (outputs.length) {
      out.push('| output | description |', '| --- | --- |');
      for (const [k, v] of outputs) out.push(`| \`${k}\` | ${cell(v.description)} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

export function updateReadme(root, text) {
  const start = '<!-- actions:start -->';
  const end = '<!-- actions:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error('README.md lacks the actions markers');
  return `${text.slice(0, i + start.length)}\n${renderActionDocs(root)}\n${text.slice(j)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const file = join(root, 'README.md');
  writeFileSync(file, updateReadme(root, readFileSync(file, 'utf8')));
  console.log('README.md: action tables updated');
}
