import { historyEntry } from '../registry/trailers.js';
import type { AuditEntry } from './types.js';

/**
 * The audit log read from `git log -z --format=AUDIT_FORMAT`: one NUL-separated record per commit
 * (a commit message cannot hold NUL, so no message can forge another commit's record), fields
 * separated by U+001F, the raw message last so that whatever it contains stays in its own record.
 */
export const AUDIT_FORMAT = '%H%x1f%P%x1f%aI%x1f%an%x1f%B';

const SHA = /^[0-9a-f]{40,64}$/;

export interface LogCommit {
  commit: string;
  parents: string[];
  date: string;
  author: string;
  message: string;
}

/** Records of `git log -z --format=AUDIT_FORMAT`; malformed records are skipped. */
export function parseLogRecords(text: string): LogCommit[] {
  const out: LogCommit[] = [];
  for (const raw of text.split('\0')) {
    const rec = raw.replace(/^\n+/, '');
    if (!rec) continue;
    const parts = rec.split('\x1f');
    if (parts.length < 5) continue;
    const [commit, parents, date, author] = parts as [string, string, string, string];
    if (!SHA.test(commit)) continue;
    out.push({
      commit,
      parents: parents.split(' ').filter((p) => SHA.test(p)),
      date,
      author,
      message: parts.slice(4).join('\x1f'),
    });
  }
  return out;
}

/** Subject, body and trailer block of a commit message (git's rules for the common case). */
export function splitMessage(message: string): { subject: string; body: string; trailers: string } {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  const subject = (paragraphs.shift() ?? '').replace(/\n/g, ' ').trim();
  const last = paragraphs[paragraphs.length - 1];
  const isTrailers =
    last !== undefined &&
    last.split('\n').every((line) => /^[A-Za-z][A-Za-z0-9-]*:\s/.test(line) || /^\s+\S/.test(line));
  const trailers = isTrailers ? paragraphs.pop()!.replace(/\n\s+/g, ' ') : '';
  return { subject, body: paragraphs.join('\n\n').trim(), trailers };
}

/**
 * Registry commits as audit entries, in log order: those with modelci's trailers, and commits that
 * changed registry files without them (hand edits), attributed to the models whose files they
 * touched (`touched`: commit -> model folders changed; commits absent from it are skipped).
 */
export function auditEntries(
  commits: LogCommit[],
  touched: Map<string, string[]> = new Map(),
): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const c of commits) {
    const { subject, body, trailers } = splitMessage(c.message);
    const entry = historyEntry(c.commit, c.date, c.author, subject, trailers);
    const models = touched.get(c.commit);
    if (!entry) {
      if (models?.length)
        out.push({
          commit: c.commit,
          date: c.date,
          author: c.author,
          subject,
          model: models[0]!,
          action: 'edit',
          manual: true,
          touched: models,
          ...(body ? { body } : {}),
        });
      continue;
    }
    // GitHub's squash merge appends the pull request number to the subject.
    const squashed = /\(#(\d+)\)\s*$/.exec(subject);
    out.push({
      ...entry,
      ...(body ? { body } : {}),
      ...(squashed ? { pullRequest: Number(squashed[1]) } : {}),
    });
  }
  return out;
}

/** Commits without a `Model:` trailer: hand edits whose changed files say which models they touch. */
export function untrailered(commits: LogCommit[]): string[] {
  return commits
    .filter((c) => !/^Model:\s/m.test(splitMessage(c.message).trailers))
    .map((c) => c.commit);
}

/**
 * `git log --no-walk=unsorted --format=@@%H --name-only <commits> -- <registry>` as commit ->
 * model folders changed (the first path segment under the registry folder).
 */
export function parseTouched(text: string, registryPrefix: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  const prefix =
    registryPrefix === '.' || registryPrefix === '' ? '' : `${registryPrefix.replace(/\/+$/, '')}/`;
  for (const line of text.split('\n')) {
    const head = /^@@([0-9a-f]{40,64})$/.exec(line);
    if (head) {
      current = [];
      out.set(head[1]!, current);
      continue;
    }
    if (!current || !line.startsWith(prefix)) continue;
    const model = line.slice(prefix.length).split('/')[0];
    if (model && line.slice(prefix.length).includes('/') && !current.includes(model))
      current.push(model);
  }
  return out;
}

/** True when the entry is about `model` (its trailer, or a hand edit of its files). */
export function concerns(e: AuditEntry, model: string): boolean {
  return e.model === model || (e.touched?.includes(model) ?? false);
}
