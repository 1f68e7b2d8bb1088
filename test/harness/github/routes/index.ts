import type { Route } from '../route.js';
import { issueRoutes } from './issues.js';
import { pullRoutes } from './pulls.js';
import { repoRoutes } from './repos.js';
import { userRoutes } from './users.js';

/** Every route the stand-in serves; each must be an operation in the OpenAPI subset. */
export const ROUTES: Route[] = [...userRoutes, ...repoRoutes, ...issueRoutes, ...pullRoutes];
