import type { GitHubClient } from './client.js';
import type { Repository } from './run-environment.js';

// Check run output fields are limited to 65535 characters.
const MAX_SUMMARY = 60_000;

export interface CheckRunResult {
  id: number;
  url: string | undefined;
}

/** Writes one completed check run on a commit: the verdict a branch protection rule can require. */
export async function writeCheckRun(
  client: GitHubClient,
  repo: Repository,
  run: { name: string; sha: string; passed: boolean; title: string; summary: string },
): Promise<CheckRunResult> {
  const res = await client.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: run.name,
    head_sha: run.sha,
    status: 'completed',
    conclusion: run.passed ? 'success' : 'failure',
    output: {
      title: run.title,
      summary:
        run.summary.length > MAX_SUMMARY
          ? `${run.summary.slice(0, MAX_SUMMARY)}\n\n(truncated)`
          : run.summary,
    },
  });
  return { id: res.data.id, url: res.data.html_url ?? undefined };
}
