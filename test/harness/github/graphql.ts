import type { Identity } from './identities.js';
import type { Reply } from './route.js';

// GitHub's GraphQL endpoint, only as far as modelci uses it: `query { viewer { login } }` tells a
// token who it acts as (GET /user is refused to the GITHUB_TOKEN).
export function graphql(body: unknown, identity: Identity): Reply {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string')
    return {
      status: 400,
      body: { message: 'A query attribute must be specified and must be a string.' },
    };
  if (/^\s*(query\s*\w*\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query))
    return { status: 200, body: { data: { viewer: { login: identity.login } } } };
  return {
    status: 200,
    body: {
      errors: [
        {
          message: `the GitHub stand-in only answers \`query { viewer { login } }\`, got: ${query}`,
        },
      ],
    },
  };
}
