import type { GitHubClient } from './client.js';

/** What GitHub calls the workflow's own GITHUB_TOKEN when it writes a comment. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** GitHub's prefix of server-to-server (installation) tokens, which GET /user refuses. */
const INSTALLATION_TOKEN_PREFIX = 'ghs_';

function status(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null && 'status' in e ? Number(e.status) : undefined;
}

/**
 * The login the token writes comments as. A personal token can ask `GET /user`; an installation
 * token (GITHUB_TOKEN, GitHub Apps) gets 403 there, but GraphQL `viewer` answers for both; when
 * neither does, it is the Actions bot (the token every workflow gets). An installation token says
 * so by its prefix (`ghs_`: GITHUB_TOKEN and GitHub App tokens), so it skips the request that is
 * refused anyway: one round trip less on every re-run that updates a comment.
 */
export async function tokenLogin(
  client: GitHubClient,
  log: (m: string) => void = () => {},
  token?: string,
): Promise<string> {
  if (!token?.startsWith(INSTALLATION_TOKEN_PREFIX)) {
    try {
      const { data } = await client.rest.users.getAuthenticated();
      return data.login;
    } catch (e) {
      const s = status(e);
      if (s !== 401 && s !== 403 && s !== 404) throw e;
    }
  }
  try {
    const data = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (data.viewer?.login) return data.viewer.login;
  } catch (e) {
    log(`could not ask GraphQL who the token is (${e instanceof Error ? e.message : String(e)})`);
  }
  return ACTIONS_BOT_LOGIN;
}

/**
 * REST shows bots as `name[bot]`, GraphQL as `name`: accept both spellings, but the suffix-less
 * match only for a Bot account, so a human named like a bot never matches.
 */
export function sameAuthor(
  user: { login: string; type?: string } | null | undefined,
  login: string,
): boolean {
  if (!user) return false;
  if (user.login === login) return true;
  if (user.type !== 'Bot') return false;
  const bare = (s: string) => s.replace(/\[bot\]$/, '');
  return bare(user.login) === bare(login);
}
