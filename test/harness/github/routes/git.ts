import {
  bodyOf,
  can,
  HttpError,
  notFound,
  ok,
  repoOf,
  type Route,
  type RouteContext,
} from '../route.js';
import { gitRef } from '../render/git.js';

// Git references through the REST API. The stand-in keeps no commit graph, so an update is never
// refused as a non-fast-forward (`force` is accepted and ignored).

const READ = can('read', 'contents');
const WRITE = can('write', 'contents');
const SHA = /^[0-9a-f]{40}$/;

function unprocessable(message: string): HttpError {
  return new HttpError(422, message, {
    documentation_url: 'https://docs.github.com/rest/git/refs',
  });
}

function fullRef(ctx: RouteContext): string {
  return `refs/${ctx.params.ref}`;
}

export const gitRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref}',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = repo.refs.get(fullRef(ctx));
      if (!sha) throw notFound();
      return ok(gitRef(ctx.baseUrl, repo, fullRef(ctx), sha));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/matching-refs/{ref}',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const prefix = fullRef(ctx);
      const list = [...repo.refs.entries()]
        .filter(([name]) => name.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, sha]) => gitRef(ctx.baseUrl, repo, name, sha));
      return ok(list);
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/refs',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const { ref, sha } = bodyOf<{ ref: string; sha: string }>(ctx);
      if (!/^refs\/[^/]+\/.+/.test(ref))
        throw unprocessable(
          "Reference name must start with 'refs/' and have at least two slashes.",
        );
      if (!SHA.test(sha)) throw unprocessable('Object does not exist');
      if (repo.refs.has(ref)) throw unprocessable('Reference already exists');
      repo.refs.set(ref, sha);
      return { status: 201, body: gitRef(ctx.baseUrl, repo, ref, sha) };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/git/refs/{ref}',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const ref = fullRef(ctx);
      const { sha } = bodyOf<{ sha: string; force?: boolean }>(ctx);
      if (!repo.refs.has(ref)) throw unprocessable('Reference does not exist');
      if (!SHA.test(sha)) throw unprocessable('Object does not exist');
      repo.refs.set(ref, sha);
      return ok(gitRef(ctx.baseUrl, repo, ref, sha));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/git/refs/{ref}',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      if (!repo.refs.delete(fullRef(ctx))) throw unprocessable('Reference does not exist');
      return { status: 204 };
    },
  },
];
