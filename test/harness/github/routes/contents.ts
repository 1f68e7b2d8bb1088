import {
  bodyOf,
  can,
  HttpError,
  notFound,
  repoOf,
  type Route,
  type RouteContext,
} from '../route.js';
import { contentEntry, contentFile } from '../render/git.js';
import { nodeId } from '../render/common.js';

// File contents on a branch (or any ref): GET reads, PUT writes one file as one new commit.

function refOf(ctx: RouteContext, given: string | undefined): string {
  return given ?? repoOf(ctx).defaultBranch;
}

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contents/{path}',
    ...can('read', 'contents'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const ref = refOf(ctx, ctx.query.ref);
      const sha = repo.resolveCommit(ref);
      if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
      const tree = repo.treeAt(sha);
      const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
      const file = tree.get(path);
      if (file) {
        if (/raw/.test(String(ctx.headers.accept ?? ''))) return { status: 200, raw: file.content };
        return { status: 200, body: contentFile(ctx.baseUrl, repo, path, ref, file) };
      }
      const children = new Map<string, boolean>();
      for (const p of tree.keys()) {
        if (!p.startsWith(`${path}/`)) continue;
        const rest = p.slice(path.length + 1);
        const slash = rest.indexOf('/');
        children.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0);
      }
      if (children.size === 0) throw notFound();
      const list = [...children.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, isFile]) =>
          contentEntry(
            ctx.baseUrl,
            repo,
            `${path}/${name}`,
            ref,
            isFile ? tree.get(`${path}/${name}`) : undefined,
          ),
        );
      return { status: 200, body: list };
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/contents/{path}',
    ...can('write', 'contents'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const b = bodyOf<{
        message: string;
        content: string;
        sha?: string;
        branch?: string;
        author?: { name: string; email: string };
        committer?: { name: string; email: string };
      }>(ctx);
      const branch = b.branch ?? repo.defaultBranch;
      const head = repo.branchSha(branch);
      if (!head) throw new HttpError(404, `Branch ${branch} not found`);
      const path = ctx.params.path ?? '';
      const existing = repo.treeAt(head).get(path);
      if (existing && b.sha === undefined)
        throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', {
          documentation_url: 'https://docs.github.com/rest/repos/contents',
        });
      if (b.sha !== undefined && b.sha !== existing?.sha)
        throw new HttpError(409, `${path} does not match ${b.sha}`, {
          documentation_url: 'https://docs.github.com/rest/repos/contents',
        });
      const { commitSha, file } = repo.writeFile(
        branch,
        path,
        Buffer.from(b.content, 'base64'),
        b.message,
      );
      const api = `${ctx.baseUrl}/repos/${repo.fullName}`;
      const who = b.committer ??
        b.author ?? {
          name: ctx.identity.login,
          email: `${ctx.identity.id}+${ctx.identity.login}@users.noreply.github.com`,
        };
      const date = ctx.state.now();
      const entry = contentEntry(ctx.baseUrl, repo, path, branch, file);
      return {
        status: existing ? 200 : 201,
        body: {
          content: entry,
          commit: {
            sha: commitSha,
            node_id: nodeId('Commit', repo.id),
            url: `${api}/git/commits/${commitSha}`,
            html_url: `${ctx.baseUrl}/${repo.fullName}/commit/${commitSha}`,
            author: { ...who, date },
            committer: { ...who, date },
            message: b.message,
            tree: { url: `${api}/git/trees/${commitSha}`, sha: commitSha },
            parents: [
              {
                url: `${api}/git/commits/${head}`,
                html_url: `${ctx.baseUrl}/${repo.fullName}/commit/${head}`,
                sha: head,
              },
            ],
            verification: {
              verified: false,
              reason: 'unsigned',
              signature: null,
              payload: null,
              verified_at: null,
            },
          },
        },
      };
    },
  },
];
