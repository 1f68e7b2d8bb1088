import { runRecordProblem, type RunRecord } from './record.js';

// A run's commit message holds the whole record as one line of JSON after the subject, so
// `git for-each-ref --format=%(contents)` lists every run with one git process and no blob reads.

/** `Run churn 20260102-030405-a1b2c3: succeeded`, then the record as JSON. */
export function runCommitMessage(record: RunRecord, what?: string): string {
  const subject = `Run ${record.model_name} ${record.id}: ${record.status}${what ? ` (${what})` : ''}`;
  return `${subject}\n\n${JSON.stringify(record)}\n`;
}

/** The record a run commit's message holds, or why there is none. */
export function parseRunCommitMessage(
  message: string,
): { record: RunRecord; problem?: undefined } | { record?: undefined; problem: string } {
  const start = message.indexOf('\n\n');
  if (start < 0) return { problem: 'the commit message holds no run record' };
  let data: unknown;
  try {
    data = JSON.parse(message.slice(start + 2));
  } catch (e) {
    return { problem: `the commit message is not a run record (${(e as Error).message})` };
  }
  const problem = runRecordProblem(data);
  return problem ? { problem } : { record: data as RunRecord };
}
