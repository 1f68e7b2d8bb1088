import type { Actor, RepoState } from '../state.js';

// Shapes shared by many responses: users and repositories, with every URL GitHub's schemas require.
// `base` is the server origin; the API and the web UI live on it under the same paths.

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64');
}

/** `simple-user`. */
export function simpleUser(base: string, a: Actor) {
  const url = `${base}/users/${encodeURIComponent(a.login)}`;
  return {
    name: null,
    email: null,
    login: a.login,
    id: a.id,
    node_id: nodeId(a.type === 'Bot' ? 'Bot' : 'User', a.id),
    avatar_url: `${base}/avatars/u/${a.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${base}/${a.type === 'Bot' ? 'apps/' : ''}${encodeURIComponent(a.login.replace(/\[bot\]$/, ''))}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: a.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

function ownerActor(repo: RepoState): Actor {
  return { login: repo.owner, id: 1000 + (repo.id % 1000), type: 'User' };
}

/** `minimal-repository` fields (URLs and identity). */
export function minimalRepository(base: string, repo: RepoState) {
  const api = `${base}/repos/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(base, ownerActor(repo)),
    private: repo.private,
    html_url: `${base}/${repo.fullName}`,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

/** `repository` (embedded in pulls); `full-repository` adds a few counters. */
export function repository(base: string, repo: RepoState) {
  const host = new URL(base).host;
  return {
    ...minimalRepository(base, repo),
    clone_url: `${base}/${repo.fullName}.git`,
    git_url: `git://${host}/${repo.fullName}.git`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    svn_url: `${base}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues: [...repo.issues.values()].filter((i) => i.state === 'open').length,
    open_issues_count: [...repo.issues.values()].filter((i) => i.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

export function fullRepository(base: string, repo: RepoState) {
  return {
    ...repository(base, repo),
    network_count: 0,
    subscribers_count: 0,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}
