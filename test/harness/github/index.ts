// The GitHub REST stand-in: `startGitHubServer()` and what tests need around it.
export { startGitHubServer, type GitHubServer, type GitHubServerOptions } from './server.js';
export {
  ACTIONS_TOKEN,
  USER_TOKEN,
  GITHUB_ACTIONS_BOT,
  installation,
  user,
  type Identity,
  type Scope,
  type Access,
} from './identities.js';
export type { FaultSpec, Fault } from './faults.js';
export type * from './state.js';
export { GitHubState, RepoState } from './state.js';
