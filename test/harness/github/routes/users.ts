import { HttpError, ok, type Route, type RouteContext } from '../route.js';
import { simpleUser } from '../render/common.js';
import { GITHUB_ACTIONS_BOT, user } from '../identities.js';
import type { Actor } from '../state.js';

const CREATED = '2011-01-25T18:44:36Z';

const profile = {
  company: null,
  blog: '',
  location: null,
  hireable: null,
  bio: null,
  public_repos: 0,
  public_gists: 0,
  followers: 0,
  following: 0,
  created_at: CREATED,
  updated_at: CREATED,
};

/** Any login exists; known tokens' identities keep their ids (github-actions[bot] is a Bot). */
function lookup(ctx: RouteContext, login: string): Actor {
  const known = [GITHUB_ACTIONS_BOT, ...Object.values(ctx.tokens)].find(
    (i) => i.login.toLowerCase() === login.toLowerCase(),
  );
  return known ?? user(login);
}

// Who am I. Like GitHub, an app installation token (the GITHUB_TOKEN) may not read /user.
export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/user',
    handle(ctx) {
      if (ctx.identity.kind === 'installation')
        throw new HttpError(403, 'Resource not accessible by integration', {
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        });
      return ok({
        ...simpleUser(ctx.baseUrl, ctx.identity),
        ...profile,
        user_view_type: 'private',
        private_gists: 0,
        total_private_repos: 0,
        owned_private_repos: 0,
        disk_usage: 0,
        collaborators: 0,
        two_factor_authentication: true,
      });
    },
  },
  {
    method: 'GET',
    path: '/users/{username}',
    anonymous: true,
    handle(ctx) {
      const a = lookup(ctx, ctx.params.username ?? '');
      return ok({ ...simpleUser(ctx.baseUrl, a), ...profile, user_view_type: 'public' });
    },
  },
];
