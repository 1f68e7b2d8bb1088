import { HttpError, ok, type Route } from '../route.js';
import { simpleUser } from '../render/common.js';

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
      const created = '2011-01-25T18:44:36Z';
      return ok({
        ...simpleUser(ctx.baseUrl, ctx.identity),
        user_view_type: 'private',
        name: null,
        company: null,
        blog: '',
        location: null,
        email: null,
        hireable: null,
        bio: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: created,
        updated_at: created,
        private_gists: 0,
        total_private_repos: 0,
        owned_private_repos: 0,
        disk_usage: 0,
        collaborators: 0,
        two_factor_authentication: true,
      });
    },
  },
];
