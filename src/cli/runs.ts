import { invokeRuns, listJson } from '../commands/invoke/runs.js';
import { renderComparison, renderRunList } from '../core/runs/text.js';
import { formatCount } from '../core/report/number-format.js';
import { runsSpec } from '../spec/commands/runs.js';
import { defineCliCommand } from './command.js';

export const runsCommand = defineCliCommand({
  spec: runsSpec,
  async run(parsed, io, inv) {
    const r = await invokeRuns(parsed, inv);
    const json = parsed.values.json;
    // Returns nothing: the command's return value is its exit code.
    const out = (v: unknown): void => {
      io.stdout(JSON.stringify(v, null, 2) + '\n');
    };
    switch (r.subcommand) {
      case 'list': {
        // A ref that is not a run is worth a look, never a failure.
        for (const p of r.problems) inv.warn(`${p.ref}: ${p.problem}`);
        if (json) {
          const bytes = listJson(r);
          if (io.stdoutBytes) io.stdoutBytes(bytes);
          else io.stdout(bytes.toString('utf8'));
          return;
        }
        if (!r.runs.length) {
          io.stdout('no runs match\n');
          return;
        }
        io.stdout(
          renderRunList(
            r.runs.map((x) => x.record),
            r.metrics,
            r.precision,
          ),
        );
        if (r.matched > r.runs.length)
          io.stdout(
            `(${formatCount(r.runs.length)} of ${formatCount(r.matched)} runs shown; --all shows every one)\n`,
          );
        return;
      }
      case 'show':
        if (json) return out({ ref: r.run.ref, commit: r.run.commit, record: r.run.record });
        io.stdout(`# ${r.run.ref} (commit ${r.run.commit.slice(0, 12)})\n`);
        io.stdout((await import('./run-yaml.js')).runYaml(r.run.record));
        return;
      case 'compare':
        if (json) return out(r.comparison);
        io.stdout(renderComparison(r.comparison, r.precision));
        return;
      case 'tag':
        if (json)
          return out({
            id: r.run.record.id,
            ref: r.run.ref,
            commit: r.run.commit,
            tags: r.run.record.tags,
            added: r.added,
            removed: r.removed,
            status: r.status,
            pushed: r.pushed,
          });
        io.stdout(
          `${r.run.record.id}: ${r.status}; tags ${r.run.record.tags.join(', ') || '(none)'}${r.pushed ? ' (pushed)' : ''}\n`,
        );
        return;
      case 'gc': {
        for (const ref of r.refusedByRemote)
          inv.warn(`${ref} changed on the remote meanwhile and was kept there`);
        if (json)
          return out({
            dry_run: r.dryRun,
            removed: r.removed.map((x) => ({
              id: x.record.id,
              model: x.record.model_name,
              ref: x.ref,
            })),
            kept: r.kept.length,
            kept_because: Object.fromEntries(
              ['registered', 'tagged', 'recent', 'newer than the cut-off'].map((b) => [
                b,
                r.kept.filter((k) => k.because === b).length,
              ]),
            ),
            refused_by_remote: r.refusedByRemote,
          });
        for (const x of r.removed)
          io.stdout(
            `${r.dryRun ? 'would remove' : 'removed'} ${x.record.model_name}/${x.record.id}\n`,
          );
        const why = (b: string) => r.kept.filter((k) => k.because === b).length;
        io.stdout(
          `${r.dryRun ? 'would remove' : 'removed'} ${formatCount(r.removed.length)} runs; kept ${formatCount(r.kept.length)} (${why('registered')} registered, ${why('tagged')} tagged, ${why('recent')} recent, ${why('newer than the cut-off')} newer than the cut-off)\n`,
        );
        return;
      }
      case 'import':
        if (json) return out(r);
        for (const x of r.runs)
          io.stdout(
            x.status === 'existing'
              ? `${x.id}: already imported (${x.ref})\n`
              : `${x.id}: imported from ${x.from} ${x.source} (${x.ref}${x.pushed ? ', pushed' : ''})\n`,
          );
        return;
      case 'fetch':
        if (json) return out(r);
        io.stdout(
          `fetched runs from ${r.remote}: ${r.added} new, ${r.updated} updated, ${r.unchanged} unchanged${r.kept.length ? `, ${r.kept.length} kept as they are here (ahead of or diverged from ${r.remote})` : ''}\n`,
        );
        return;
    }
  },
});
