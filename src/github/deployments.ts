import type { GitHubClient } from './client.js';

export interface Repo {
  owner: string;
  repo: string;
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface NewDeployment {
  /** Branch, tag or sha being deployed (the registry commit). */
  ref: string;
  environment: string;
  description: string;
  /** Recorded on the deployment so anyone reading it knows what ran. */
  payload: Record<string, unknown>;
  productionEnvironment?: boolean;
}

/**
 * Records a GitHub Deployment. `auto_merge: false` (deploying a registry pointer must not merge
 * the default branch into the ref) and `required_contexts: []` (gates already ran at promotion).
 */
export async function createDeployment(
  client: GitHubClient,
  repo: Repo,
  d: NewDeployment,
): Promise<number> {
  const res = await client.rest.repos.createDeployment({
    ...repo,
    ref: d.ref,
    environment: d.environment,
    description: d.description.slice(0, 140),
    payload: d.payload,
    auto_merge: false,
    required_contexts: [],
    transient_environment: false,
    ...(d.productionEnvironment === undefined
      ? {}
      : { production_environment: d.productionEnvironment }),
  });
  if (res.status !== 201 || !('id' in res.data))
    throw new Error(`GitHub did not create the deployment (HTTP ${res.status})`);
  return res.data.id;
}

export interface StatusUpdate {
  state: DeploymentState;
  description?: string;
  environmentUrl?: string;
  logUrl?: string;
}

export async function setDeploymentStatus(
  client: GitHubClient,
  repo: Repo,
  deploymentId: number,
  s: StatusUpdate,
): Promise<void> {
  await client.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: deploymentId,
    state: s.state,
    ...(s.description ? { description: s.description.slice(0, 140) } : {}),
    ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
    ...(s.logUrl ? { log_url: s.logUrl } : {}),
    // Superseded deployments are marked inactive explicitly (production ones too), below.
    auto_inactive: false,
  });
}

/**
 * Marks every earlier deployment of the environment whose latest status is `success` as
 * `inactive`: the environment now runs `current`. Returns the ids it changed.
 */
export async function deactivateSuperseded(
  client: GitHubClient,
  repo: Repo,
  environment: string,
  current: number,
): Promise<number[]> {
  const deployments = await client.paginate(client.rest.repos.listDeployments, {
    ...repo,
    environment,
    per_page: 100,
  });
  const changed: number[] = [];
  for (const d of deployments) {
    if (d.id === current || d.id > current) continue;
    const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: d.id,
      per_page: 1,
    });
    if (statuses[0]?.state !== 'success') continue;
    await setDeploymentStatus(client, repo, d.id, {
      state: 'inactive',
      description: `superseded by deployment ${current}`,
    });
    changed.push(d.id);
  }
  return changed;
}

/**
 * The deployment GitHub created for this job's `environment:` key: the newest deployment of the
 * environment at this commit whose latest status is still open (none, queued, pending, in_progress).
 */
export async function findJobDeployment(
  client: GitHubClient,
  repo: Repo,
  environment: string,
  sha: string,
): Promise<number | undefined> {
  const { data } = await client.rest.repos.listDeployments({
    ...repo,
    environment,
    sha,
    per_page: 20,
  });
  for (const d of [...data].sort((a, b) => b.id - a.id)) {
    const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: d.id,
      per_page: 1,
    });
    const state = statuses[0]?.state;
    if (state === undefined || ['queued', 'pending', 'in_progress'].includes(state)) return d.id;
  }
  return undefined;
}
