import type { RunRecord, RunSummary } from './record.js';
import { runSummary } from './summary.js';
import { runHeaderProblem } from './validate.js';

// A run's commit message holds its summary as one line of JSON after the subject, so
// `git for-each-ref --format=%(contents)` lists every run with one git process and no blob reads;
// the full record is run.json in the commit's tree.

/** `Run churn 20260102-030405-a1b2c3: succeeded`, then the run's summary as JSON. */
export function runCommitMessage(record: RunRecord, what?: string): string {
  const subject = `Run ${record.model_name} ${record.id}: ${record.status}${what ? ` (${what})` : ''}`;
  return `${subject}\n\n${JSON.stringify(runSummary(record))}\n`;
}

/** The summary a run commit's message holds, or why there is none. */
export function parseRunCommitMessage(
  message: string,
): { summary: RunSummary; problem?: undefined } | { summary?: undefined; problem: string } {
  const start = message.indexOf('\n\n');
  if (start < 0) return { problem: 'the commit message holds no run record' };
  let data: unknown;
  try {
    data = JSON.parse(message.slice(start + 2));
  } catch (e) {
    return { problem: `the commit message is not a run record (${(e as Error).message})` };
  }
  const problem = runHeaderProblem(data);
  return problem ? { problem } : { summary: data as RunSummary };
}
