import { createHash } from 'node:crypto';
import type { Identity } from './identities.js';

// Everything the stand-in knows, as plain records tests can read and seed directly. Routes turn
// records into GitHub's JSON shapes (render.ts); records hold only what GitHub would store.

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as received (percent-encoding kept). */
  path: string;
  query: Record<string, string>;
  status: number;
  operationId?: string;
  /** The identity's login, when the token was known. */
  login?: string;
  /** Set when an injected fault answered instead of the route. */
  fault?: boolean;
  body?: unknown;
}

export interface Violation {
  kind: 'request' | 'response' | 'route';
  method: string;
  path: string;
  operationId?: string;
  errors: string[];
}

export type Actor = Pick<Identity, 'login' | 'id' | 'type'>;

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: Actor;
  createdAt: string;
  updatedAt: string;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: Actor;
  labels: string[];
  isPull: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface PullRecord {
  number: number;
  id: number;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  maintainerCanModify: boolean;
}

export interface FileRecord {
  content: Buffer;
  /** Git blob sha of the content (what the contents API calls `sha`). */
  sha: string;
}

/** A commit as far as the contents API needs one: the full tree of files at that point. */
export interface CommitRecord {
  sha: string;
  tree: Map<string, FileRecord>;
  parents: string[];
  message: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creator: Actor;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatusRecord[];
}

export interface DeploymentStatusRecord {
  id: number;
  deploymentId: number;
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  targetUrl: string;
  creator: Actor;
  createdAt: string;
  updatedAt: string;
}

export interface EnvironmentRecord {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: Record<string, unknown>[];
  };
  actions: Record<string, unknown>[];
}

export interface CommitStatusRecord {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: Actor;
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseAssetRecord {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  sha256: string;
  uploader: Actor;
  downloadCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: Actor;
  createdAt: string;
  publishedAt: string | null;
  assets: ReleaseAssetRecord[];
}

export interface WorkflowDispatchRecord {
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  by: Actor;
  at: string;
}

export class RepoState {
  readonly owner: string;
  readonly name: string;
  readonly id: number;
  defaultBranch = 'main';
  private = false;
  readonly createdAt: string;
  readonly issues = new Map<number, IssueRecord>();
  readonly pulls = new Map<number, PullRecord>();
  readonly comments = new Map<number, CommentRecord>();
  /** Full ref name (`refs/heads/main`) -> commit sha. */
  readonly refs = new Map<string, string>();
  /** Commits written through the contents API (and the initial one); others have no files. */
  readonly commits = new Map<string, CommitRecord>();
  readonly deployments = new Map<number, DeploymentRecord>();
  readonly environments = new Map<string, EnvironmentRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly statuses: CommitStatusRecord[] = [];
  readonly releases = new Map<number, ReleaseRecord>();
  readonly dispatches: WorkflowDispatchRecord[] = [];
  private nextNumber = 1;

  constructor(
    private readonly server: GitHubState,
    fullName: string,
  ) {
    const [owner, name] = fullName.split('/');
    this.owner = owner ?? '';
    this.name = name ?? '';
    this.id = server.nextId();
    this.createdAt = server.now();
    const root = server.fakeSha(`${fullName}@main`);
    this.commits.set(root, { sha: root, tree: new Map(), parents: [], message: 'Initial commit' });
    this.refs.set('refs/heads/main', root);
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** Issue and pull numbers share one sequence, as on GitHub. */
  addIssue(opts: { title: string; body?: string | null; user: Actor; isPull?: boolean }) {
    const now = this.server.now();
    const issue: IssueRecord = {
      number: this.nextNumber++,
      id: this.server.nextId(),
      title: opts.title,
      body: opts.body ?? null,
      state: 'open',
      user: actor(opts.user),
      labels: [],
      isPull: opts.isPull ?? false,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    this.issues.set(issue.number, issue);
    return issue;
  }

  /** Seeds a pull request; head/base shas default to the branch refs (created when missing). */
  addPull(opts: {
    title: string;
    head: string;
    base?: string;
    headSha?: string;
    baseSha?: string;
    body?: string | null;
    user?: Actor;
    draft?: boolean;
  }): { issue: IssueRecord; pull: PullRecord } {
    const base = opts.base ?? this.defaultBranch;
    const headSha = opts.headSha ?? this.branchSha(opts.head, true) ?? '';
    if (opts.headSha) this.refs.set(`refs/heads/${opts.head}`, opts.headSha);
    const baseSha = opts.baseSha ?? this.branchSha(base, true) ?? '';
    const issue = this.addIssue({
      title: opts.title,
      body: opts.body ?? null,
      user: opts.user ?? this.server.defaultActor,
      isPull: true,
    });
    const pull: PullRecord = {
      number: issue.number,
      id: this.server.nextId(),
      head: { ref: opts.head, sha: headSha },
      base: { ref: base, sha: baseSha },
      draft: opts.draft ?? false,
      merged: false,
      mergeCommitSha: this.server.fakeSha(`${this.fullName}#${issue.number}:merge`),
      mergedAt: null,
      maintainerCanModify: false,
    };
    this.pulls.set(pull.number, pull);
    return { issue, pull };
  }

  addComment(issueNumber: number, body: string, user: Actor): CommentRecord {
    const now = this.server.now();
    const c: CommentRecord = {
      id: this.server.nextId(),
      issueNumber,
      body,
      user: actor(user),
      createdAt: now,
      updatedAt: now,
    };
    this.comments.set(c.id, c);
    return c;
  }

  commentsOn(issueNumber: number): CommentRecord[] {
    return [...this.comments.values()].filter((c) => c.issueNumber === issueNumber);
  }

  /** Sha of a branch; `create` makes a ref with a made-up sha when the branch is new. */
  branchSha(branch: string, create = false): string | undefined {
    const ref = `refs/heads/${branch}`;
    let sha = this.refs.get(ref);
    if (!sha && create) {
      // A new branch gets its own commit on top of the default branch (same files).
      const parent = this.refs.get(`refs/heads/${this.defaultBranch}`);
      sha = this.server.fakeSha(`${this.fullName}@${branch}`);
      const tree = new Map(parent ? this.treeAt(parent) : []);
      this.commits.set(sha, { sha, tree, parents: parent ? [parent] : [], message: branch });
      this.refs.set(ref, sha);
    }
    return sha;
  }

  /** Commit sha for a sha, branch, tag or `heads/x` / `refs/...` name; undefined when unknown. */
  resolveCommit(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    for (const name of [ref, `refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const sha = this.refs.get(name);
      if (sha) return sha;
    }
    return undefined;
  }

  /** Files at a commit (empty for commits the stand-in did not write). */
  treeAt(sha: string): Map<string, FileRecord> {
    return this.commits.get(sha)?.tree ?? new Map();
  }

  /** Files on a branch, sha or tag. */
  filesAt(ref: string): Map<string, FileRecord> {
    const sha = this.resolveCommit(ref);
    return sha ? this.treeAt(sha) : new Map();
  }

  /** Commits one file to a branch (created from the default branch when missing). */
  writeFile(
    branch: string,
    path: string,
    content: Buffer | string,
    message = `Update ${path}`,
  ): { commitSha: string; file: FileRecord } {
    const parent = this.branchSha(branch) ?? this.branchSha(this.defaultBranch, true) ?? '';
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const file: FileRecord = { content: data, sha: blobSha(data) };
    const tree = new Map(this.treeAt(parent));
    tree.set(path, file);
    const sha = this.server.fakeSha(`${this.fullName}@${branch}:${path}`);
    this.commits.set(sha, { sha, tree, parents: [parent], message });
    this.refs.set(`refs/heads/${branch}`, sha);
    return { commitSha: sha, file };
  }

  /** The newest commit status per context for a commit. */
  latestStatuses(sha: string): CommitStatusRecord[] {
    const byContext = new Map<string, CommitStatusRecord>();
    for (const s of this.statuses) if (s.sha === sha) byContext.set(s.context, s);
    return [...byContext.values()];
  }

  ensureEnvironment(name: string): EnvironmentRecord {
    let e = this.environments.get(name);
    if (!e) {
      const now = this.server.now();
      e = { id: this.server.nextId(), name, createdAt: now, updatedAt: now };
      this.environments.set(name, e);
    }
    return e;
  }

  addDeploymentStatus(
    d: DeploymentRecord,
    s: Omit<
      DeploymentStatusRecord,
      'id' | 'deploymentId' | 'environment' | 'createdAt' | 'updatedAt'
    >,
  ): DeploymentStatusRecord {
    const now = this.server.now();
    const status: DeploymentStatusRecord = {
      ...s,
      creator: actor(s.creator),
      id: this.server.nextId(),
      deploymentId: d.id,
      environment: d.environment,
      createdAt: now,
      updatedAt: now,
    };
    d.statuses.push(status);
    d.updatedAt = now;
    return status;
  }
}

export class GitHubState {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly repos = new Map<string, RepoState>();
  /** Author of seeded records when none is given. */
  defaultActor: Actor = { login: 'octocat', id: 583231, type: 'User' };
  private id = 1000;
  private shaCounter = 0;

  nextId(): number {
    return ++this.id;
  }

  /** GitHub's timestamp format: second precision, `Z`. */
  now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  fakeSha(seed: string): string {
    return createHash('sha1').update(`${seed}#${++this.shaCounter}`).digest('hex');
  }

  /** The repository `owner/name`, created on first use (every repository exists). */
  repo(fullName: string): RepoState {
    const key = fullName.toLowerCase();
    let r = this.repos.get(key);
    if (!r) {
      r = new RepoState(this, fullName);
      this.repos.set(key, r);
    }
    return r;
  }

  /** Requests that reached a route or a fault, filtered by method and path pattern. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }
}

function blobSha(data: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${data.length}\0`), data]))
    .digest('hex');
}

function actor(a: Actor): Actor {
  return { login: a.login, id: a.id, type: a.type };
}
