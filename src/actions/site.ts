import * as core from './core.js';
import { invokeSite } from '../commands/invoke/site.js';
import { formatBytes } from '../core/catalog/format.js';
import { siteSpec } from '../spec/commands/site.js';
import { runCommandAction } from './runtime.js';

// The site action: inputs -> the catalog site in `out` -> outputs for actions/upload-pages-artifact.
await runCommandAction(siteSpec, async (parsed, inv) => {
  const r = await invokeSite(parsed, inv);
  for (const n of r.notes) core.info(n);
  for (const p of r.problems) core.warning(`${p.file}: ${p.message}`);
  core.setOutput('path', r.out);
  core.setOutput('index', r.index);
  core.setOutput('pages', String(r.pages));
  core.setOutput('problems', String(r.problems.length));
  const what = `${r.models} models, ${r.versions} versions: ${r.pages} files (${formatBytes(r.bytes)}) in ${r.out}`;
  core.info(what);
  await core.summary
    .addHeading('Model catalog', 3)
    .addRaw(
      `${what}${r.problems.length ? `; ${r.problems.length} files could not be read and are shown as such` : ''}.`,
    )
    .write();
});
