/** Commit trailers that make `git log` the registry's audit trail. */
export interface RegistryTrailers {
  model: string;
  version?: string;
  stage?: string;
  actor?: string;
  run?: string;
  /** What happened: register, promote, rollback, deprecate. */
  action: string;
  /** `false` when the last stage took a version with registry.require_evaluation switched off. */
  evaluationRequired?: boolean;
}

const KEYS: [keyof RegistryTrailers, string][] = [
  ['model', 'Model'],
  ['version', 'Version'],
  ['stage', 'Stage'],
  ['action', 'Registry-Action'],
  ['actor', 'Actor'],
  ['run', 'Run'],
  ['evaluationRequired', 'Evaluation-Required'],
];

function clean(v: string): string {
  // A trailer value is one line; newlines in user text would forge other trailers.
  return v.replace(/[\r\n]+/g, ' ').trim();
}

export function commitMessage(
  subject: string,
  body: string | undefined,
  t: RegistryTrailers,
): string {
  const lines = KEYS.filter(([k]) => t[k] !== undefined && t[k] !== '').map(
    ([k, name]) => `${name}: ${clean(String(t[k]))}`,
  );
  return `${clean(subject)}\n\n${body ? `${body.trim()}\n\n` : ''}${lines.join('\n')}\n`;
}

export interface HistoryEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  model: string;
  action: string;
  version?: string;
  stage?: string;
  actor?: string;
  run?: string;
  /** Present when a promotion ran with registry.require_evaluation switched off. */
  evaluation_required?: boolean;
}

/** Field and record separators used in the `git log --format` of src/git. */
export const FIELD_SEP = '\x1f';
export const RECORD_SEP = '\x1e';
export const HISTORY_FORMAT = `%H${FIELD_SEP}%aI${FIELD_SEP}%an${FIELD_SEP}%s${FIELD_SEP}%(trailers:only,unfold)${RECORD_SEP}`;

/** Parses `git log --format=HISTORY_FORMAT` output; commits without a Model trailer are skipped. */
export function parseHistory(text: string, model?: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const raw of text.split(RECORD_SEP)) {
    const rec = raw.replace(/^\s+/, '');
    if (!rec) continue;
    const [commit, date, author, subject, trailers = ''] = rec.split(FIELD_SEP);
    if (!commit || !date || author === undefined || subject === undefined) continue;
    const entry = historyEntry(commit, date, author, subject, trailers);
    if (!entry || (model && entry.model !== model)) continue;
    out.push(entry);
  }
  return out;
}

/** Trailer lines (`Key: value`) by lowercased key; the last one of a key wins. */
export function parseTrailers(text: string): Record<string, string> {
  const t: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
    if (m) t[m[1]!.toLowerCase()] = m[2]!;
  }
  return t;
}

/** One commit as a history entry; undefined when it has no `Model:` trailer. */
export function historyEntry(
  commit: string,
  date: string,
  author: string,
  subject: string,
  trailers: string,
): HistoryEntry | undefined {
  const t = parseTrailers(trailers);
  if (!t.model) return undefined;
  return {
    commit,
    date,
    author,
    subject,
    model: t.model,
    action: t['registry-action'] ?? 'change',
    ...(t.version ? { version: t.version } : {}),
    ...(t.stage ? { stage: t.stage } : {}),
    ...(t.actor ? { actor: t.actor } : {}),
    ...(t.run ? { run: t.run } : {}),
    ...(t['evaluation-required']
      ? { evaluation_required: t['evaluation-required'] === 'true' }
      : {}),
  };
}
