// Who a token acts as, and what it may do: a workflow's GITHUB_TOKEN is an app installation
// acting as github-actions[bot]; a personal access token is a user.

/** GITHUB_TOKEN permission scopes the stand-in checks (workflow `permissions:` keys). */
export type Scope =
  | 'actions'
  | 'checks'
  | 'contents'
  | 'deployments'
  | 'issues'
  | 'metadata'
  | 'pull-requests'
  | 'statuses';
export type Access = 'none' | 'read' | 'write';

export interface Identity {
  login: string;
  id: number;
  type: 'User' | 'Bot';
  /** `installation` = GITHUB_TOKEN-like (403 on GET /user); `user` = a personal access token. */
  kind: 'installation' | 'user';
  /** Unset = write on everything. Set = exactly these (metadata is always readable). */
  permissions?: Partial<Record<Scope, Access>>;
}

/** The default token: what `${{ github.token }}` is in a workflow. */
export const ACTIONS_TOKEN = 'ghs_modelciTestActionsToken0000000000';
/** A personal access token of the user `octocat`. */
export const USER_TOKEN = 'ghp_modelciTestUserToken000000000000000';

export const GITHUB_ACTIONS_BOT: Identity = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  kind: 'installation',
};

export function user(login: string, id = idFor(login)): Identity {
  return { login, id, type: 'User', kind: 'user' };
}

export function installation(permissions?: Identity['permissions']): Identity {
  return permissions ? { ...GITHUB_ACTIONS_BOT, permissions } : { ...GITHUB_ACTIONS_BOT };
}

export function defaultTokens(): Record<string, Identity> {
  return { [ACTIONS_TOKEN]: installation(), [USER_TOKEN]: user('octocat', 583231) };
}

/** Stable made-up ids so the same login always gets the same id. */
function idFor(login: string): number {
  let h = 7;
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 90_000_000;
  return 10_000_000 + h;
}

export function allows(identity: Identity, scopes: Scope[], access: 'read' | 'write'): boolean {
  const p = identity.permissions;
  if (!p) return true;
  return scopes.some((s) => {
    const granted = p[s] ?? (s === 'metadata' ? 'read' : 'none');
    return access === 'read' ? granted !== 'none' : granted === 'write';
  });
}
