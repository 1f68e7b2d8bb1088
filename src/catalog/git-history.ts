import { relative } from 'node:path';
import {
  AUDIT_FORMAT,
  auditEntries,
  parseLogRecords,
  parseTouched,
  untrailered,
} from '../core/catalog/audit-log.js';
import { attributePullRequests, type MergeCommit } from '../core/catalog/pull-requests.js';
import { runEntry } from '../core/catalog/runs.js';
import type { AuditEntry, RunEntry } from '../core/catalog/types.js';
import { Git } from '../git/git.js';

/** What git knows about the registry folder: its audit log, the head commit, training runs. */
export interface RegistryHistory {
  head: string;
  audit: AuditEntry[];
  /** model -> runs, newest first. */
  runs: Map<string, RunEntry[]>;
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

const RUNS_PREFIX = 'refs/modelci/runs/';

/**
 * Training runs recorded by experiment tracking: one commit per run under
 * `refs/modelci/runs/<model>/<id>` holding `run.json`. Read with one `for-each-ref` and one
 * `cat-file --batch`, however many runs there are.
 */
async function readRuns(git: Git): Promise<Map<string, RunEntry[]>> {
  const out = new Map<string, RunEntry[]>();
  const refs = (
    await git.run([
      'for-each-ref',
      '--sort=-creatordate',
      '--format=%(refname)%1f%(objectname)%1f%(creatordate:iso-strict)',
      RUNS_PREFIX,
    ])
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref = '', sha = '', date = ''] = line.split('\x1f');
      const [model = '', ...id] = ref.slice(RUNS_PREFIX.length).split('/');
      return { model, id: id.join('/'), sha, date };
    })
    .filter((r) => r.model && r.id);
  if (refs.length === 0) return out;
  const blobs = catFileBatch(
    (
      await git.exec(
        ['cat-file', '--batch'],
        refs.map((r) => `${r.sha}:run.json`).join('\n') + '\n',
      )
    ).stdout,
    refs.length,
  );
  refs.forEach((r, i) => {
    const text = blobs[i];
    let record: unknown;
    if (text !== undefined) {
      try {
        record = JSON.parse(text);
      } catch {
        record = undefined;
      }
    }
    const entry =
      text === undefined
        ? { id: r.id, created_at: r.date, error: 'no run.json in the run commit' }
        : record === undefined
          ? { id: r.id, created_at: r.date, error: 'run.json is not valid JSON' }
          : runEntry(r.id, record, { date: r.date });
    const list = out.get(r.model) ?? [];
    list.push(entry);
    out.set(r.model, list);
  });
  return out;
}

/** Contents of `git cat-file --batch` answers, in order; undefined for a missing object. */
function catFileBatch(stdout: string, count: number): (string | undefined)[] {
  const buf = Buffer.from(stdout, 'utf8');
  const out: (string | undefined)[] = [];
  let at = 0;
  while (out.length < count && at < buf.length) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const header = buf.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) {
      out.push(undefined);
      continue;
    }
    const size = Number(m[1]);
    out.push(buf.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  while (out.length < count) out.push(undefined);
  return out;
}
