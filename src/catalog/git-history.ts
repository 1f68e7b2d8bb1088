import { relative } from 'node:path';
import {
  AUDIT_FORMAT,
  auditEntries,
  parseLogRecords,
  parseTouched,
  untrailered,
} from '../core/catalog/audit-log.js';
import { attributePullRequests, type MergeCommit } from '../core/catalog/pull-requests.js';
import type { AuditEntry, RunEntry } from '../core/catalog/types.js';
import type { RunRecord } from '../core/runs/record.js';
import { parseRunRef } from '../core/runs/refs.js';
import { Git } from '../git/git.js';
import { RunStore, type RunRefProblem, type StoredRun } from '../git/run-refs.js';

/** What git knows about the registry folder: its audit log, the head commit, training runs. */
export interface RegistryHistory {
  head: string;
  audit: AuditEntry[];
  /** model -> its training runs. */
  runs: Map<string, StoredRuns>;
}

export interface StoredRuns {
  records: RunRecord[];
  /** Refs under the model's run prefix that hold no run record. */
  unreadable: RunEntry[];
}

/** undefined when the folder is not inside a git checkout (or the checkout has no commit). */
export async function readRegistryHistory(
  registryDir: string,
  env: NodeJS.ProcessEnv,
): Promise<RegistryHistory | undefined> {
  const probe = new Git(registryDir, env);
  const top = await probe.exec(['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return undefined;
  const git = new Git(top.stdout.trim(), env);
  const head = await git.revParse('HEAD');
  if (!head) return undefined;
  const path = relative(git.cwd, registryDir) || '.';
  const commits = parseLogRecords(
    await git.log(['-z', `--format=${AUDIT_FORMAT}`, 'HEAD', '--', path]),
  );
  // Hand edits carry no trailers: the files they changed say which models they touched.
  const manual = untrailered(commits);
  const touched = manual.length
    ? parseTouched(
        await git.run(
          ['log', '--no-walk=unsorted', '--format=@@%H', '--name-only', '--stdin', '--', path],
          manual.join('\n') + '\n',
        ),
        path,
      )
    : new Map<string, string[]>();
  let audit = auditEntries(commits, touched);
  if (audit.length) audit = attributePullRequests(audit, head, ...(await commitGraph(git)));
  return { head, audit, runs: await readRuns(git) };
}

/** Every commit's parents, and the branch's own merges (first parent), newest first. */
async function commitGraph(git: Git): Promise<[Map<string, string[]>, MergeCommit[]]> {
  const merges = parseLogRecords(
    await git.log(['-z', '--first-parent', '--merges', `--format=${AUDIT_FORMAT}`, 'HEAD']),
  ).map((c) => ({
    commit: c.commit,
    parents: c.parents,
    author: c.author,
    subject: c.message.split('\n')[0] ?? '',
  }));
  const graph = new Map<string, string[]>();
  // Only needed when a pull request was merged with a merge commit.
  if (merges.length === 0) return [graph, merges];
  for (const line of (await git.run(['rev-list', '--parents', 'HEAD'])).split('\n')) {
    const [c, ...parents] = line.trim().split(' ');
    if (c) graph.set(c, parents);
  }
  return [graph, merges];
}

/**
 * Training runs `modelci train` kept in git (one commit per run under `refs/modelci/runs/`), read
 * with one `for-each-ref`. A ref that holds no run record is listed under its model as such.
 */
async function readRuns(git: Git): Promise<Map<string, StoredRuns>> {
  const store = new RunStore(git);
  const listed = await store.list();
  // Listing reads each run's summary; the site shows whole records (params, intervals, links).
  const full = await store.full(listed.runs);
  const runs = full.filter((r): r is StoredRun => 'record' in r);
  const problems = [
    ...listed.problems,
    ...full.filter((r): r is RunRefProblem => !('record' in r)),
  ];
  const out = new Map<string, StoredRuns>();
  const of = (model: string): StoredRuns => {
    let entry = out.get(model);
    if (!entry) out.set(model, (entry = { records: [], unreadable: [] }));
    return entry;
  };
  for (const r of runs) of(r.record.model_name).records.push(r.record);
  for (const p of problems) {
    const names = parseRunRef(p.ref);
    if (names) of(names.model).unreadable.push({ id: names.id, error: p.problem });
  }
  return out;
}
