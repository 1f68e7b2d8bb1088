import type { AuditEntry } from './types.js';

/**
 * Which pull request brought each commit to the branch. A promotion pull request (registry
 * `promotion: pull-request`) is merged with a merge commit "Merge pull request #N from ...": the
 * registry commit sits on the merged side, and whoever merged the pull request approved it.
 */
export interface MergeCommit {
  commit: string;
  parents: string[];
  author: string;
  subject: string;
}

const MERGE_SUBJECT = /^Merge pull request #(\d+)\b/;

/**
 * `graph`: every commit's parents (`git rev-list --parents HEAD`); `merges`: the first-parent
 * merges of the branch, newest first. Each merged side is walked back until the branch or a side
 * already attributed, so a commit belongs to the first pull request that merged it. O(commits).
 */
export function attributePullRequests(
  entries: AuditEntry[],
  head: string,
  graph: Map<string, string[]>,
  merges: MergeCommit[],
): AuditEntry[] {
  const prMerges = merges.filter((m) => MERGE_SUBJECT.test(m.subject));
  if (prMerges.length === 0) return entries;
  const mainline = new Set<string>();
  for (let c: string | undefined = head; c && !mainline.has(c); c = graph.get(c)?.[0])
    mainline.add(c);
  const mergedBy = new Map<string, { pr: number; by: string }>();
  for (const m of [...prMerges].reverse()) {
    const pr = Number(MERGE_SUBJECT.exec(m.subject)![1]);
    const stack = m.parents.slice(1);
    while (stack.length) {
      const c = stack.pop()!;
      if (mainline.has(c) || mergedBy.has(c)) continue;
      mergedBy.set(c, { pr, by: m.author });
      stack.push(...(graph.get(c) ?? []));
    }
  }
  return entries.map((e) => {
    const m = mergedBy.get(e.commit);
    return m ? { ...e, pullRequest: m.pr, mergedBy: m.by } : e;
  });
}
