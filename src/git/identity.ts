/** Who a commit is by. */
export interface GitIdentity {
  name: string;
  email: string;
}

/**
 * The GitHub Actions bot: commits a workflow makes with no git user configured are shown as it
 * (registry commits, retraining branches, gitops pointers), the same account GITHUB_TOKEN writes as.
 */
export const ACTIONS_BOT: GitIdentity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};
