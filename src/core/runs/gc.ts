import { newestFirst, type HasRecord } from './select.js';

export interface GcPolicy {
  /** The newest runs of each model that stay whatever their age. */
  keepLast: number;
  /** ISO instant: only runs started before it may go. */
  before: string;
  /** Run ids a registered version names (lineage.run): they stay. */
  registered: ReadonlySet<string>;
}

export type KeptBecause = 'recent' | 'newer than the cut-off' | 'tagged' | 'registered';

/**
 * Which runs `runs gc` removes: those that are not among the newest `keepLast` of their model,
 * started before the cut-off, carry no tag and no registered version names. Each kept run says why.
 */
export function collectRuns<T extends HasRecord>(
  runs: readonly T[],
  policy: GcPolicy,
): { remove: T[]; keep: { run: T; because: KeptBecause }[] } {
  const remove: T[] = [];
  const keep: { run: T; because: KeptBecause }[] = [];
  const seen = new Map<string, number>();
  const cutoff = Date.parse(policy.before);
  for (const run of newestFirst(runs)) {
    const r = run.record;
    const rank = seen.get(r.model_name) ?? 0;
    seen.set(r.model_name, rank + 1);
    const because: KeptBecause | undefined = policy.registered.has(r.id)
      ? 'registered'
      : r.tags.length
        ? 'tagged'
        : rank < policy.keepLast
          ? 'recent'
          : !(Date.parse(r.started_at) < cutoff)
            ? 'newer than the cut-off'
            : undefined;
    if (because) keep.push({ run, because });
    else remove.push(run);
  }
  return { remove, keep };
}
