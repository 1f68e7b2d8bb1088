import type {
  DeploymentRecord,
  DeploymentStatusRecord,
  EnvironmentRecord,
  RepoState,
} from '../state.js';
import { nodeId, simpleUser } from './common.js';

/** `deployment`. */
export function deployment(base: string, repo: RepoState, d: DeploymentRecord) {
  const url = `${base}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: simpleUser(base, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${base}/repos/${repo.fullName}`,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
    performed_via_github_app: null,
  };
}

/** `deployment-status`. */
export function deploymentStatus(base: string, repo: RepoState, s: DeploymentStatusRecord) {
  const deploymentUrl = `${base}/repos/${repo.fullName}/deployments/${s.deploymentId}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: simpleUser(base, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: deploymentUrl,
    repository_url: `${base}/repos/${repo.fullName}`,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}

/** `environment` (no protection rules are modelled). */
export function environment(base: string, repo: RepoState, e: EnvironmentRecord) {
  return {
    id: e.id,
    node_id: nodeId('Environment', e.id),
    name: e.name,
    url: `${base}/repos/${repo.fullName}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${base}/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    protection_rules: [],
    deployment_branch_policy: null,
  };
}
