import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { invokeCard, invokeSite } from '../commands/invoke/site.js';
import { formatBytes } from '../core/catalog/format.js';
import { cardSpec, siteSpec } from '../spec/commands/site.js';
import { defineCliCommand } from './command.js';

export const siteCommand = defineCliCommand({
  spec: siteSpec,
  async run(parsed, io, inv) {
    const r = await invokeSite(parsed, inv);
    if (parsed.values.json) {
      io.stdout(JSON.stringify(r, null, 2) + '\n');
      return 0;
    }
    for (const n of r.notes) io.stderr(`modelci site: note: ${n}\n`);
    for (const p of r.problems) inv.warn(`${p.file}: ${p.message}`);
    io.stderr(
      `modelci site: ${r.models} models, ${r.versions} versions, ${r.pages} files (${formatBytes(r.bytes)})${r.problems.length ? `, ${r.problems.length} unreadable files shown as such` : ''}\n`,
    );
    // What to open: a terminal makes the address clickable.
    io.stdout(`${pathToFileURL(resolve(r.index)).href}\n`);
    return 0;
  },
});

export const cardCommand = defineCliCommand({
  spec: cardSpec,
  async run(parsed, io, inv) {
    const r = await invokeCard(parsed, inv);
    if (r.file) io.stderr(`modelci card: ${r.model} ${r.version} -> ${r.file}\n`);
    else io.stdout(r.markdown);
    return 0;
  },
});
