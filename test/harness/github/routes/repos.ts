import { ok, type Route, repoOf } from '../route.js';
import { fullRepository } from '../render/common.js';

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    scopes: ['metadata'],
    handle: (ctx) => ok(fullRepository(ctx.baseUrl, repoOf(ctx))),
  },
];
