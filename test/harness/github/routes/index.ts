import type { Route } from '../route.js';
import { actionsRoutes } from './actions.js';
import { checkRoutes } from './checks.js';
import { contentRoutes } from './contents.js';
import { deploymentRoutes } from './deployments.js';
import { gitRoutes } from './git.js';
import { issueRoutes } from './issues.js';
import { pullRoutes } from './pulls.js';
import { releaseRoutes } from './releases.js';
import { repoRoutes } from './repos.js';
import { statusRoutes } from './statuses.js';
import { userRoutes } from './users.js';

/** Every route the stand-in serves; each must be an operation in the OpenAPI subset. */
export const ROUTES: Route[] = [
  ...userRoutes,
  ...repoRoutes,
  ...issueRoutes,
  ...pullRoutes,
  ...gitRoutes,
  ...contentRoutes,
  ...deploymentRoutes,
  ...checkRoutes,
  ...statusRoutes,
  ...releaseRoutes,
  ...actionsRoutes,
];
