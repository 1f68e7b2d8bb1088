import type { FileRecord, RepoState } from '../state.js';
import { nodeId } from './common.js';

/** `git-ref`; `ref` is the full name (`refs/heads/main`). */
export function gitRef(base: string, repo: RepoState, ref: string, sha: string) {
  const api = `${base}/repos/${repo.fullName}`;
  return {
    ref,
    node_id: nodeId('Ref', hashId(`${repo.fullName}:${ref}`)),
    url: `${api}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}

function hashId(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_000;
  return h;
}

function fileLinks(base: string, repo: RepoState, path: string, ref: string, sha: string) {
  const api = `${base}/repos/${repo.fullName}`;
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const html = `${base}/${repo.fullName}/blob/${encodeURIComponent(ref)}/${encodePath(path)}`;
  const git = `${api}/git/blobs/${sha}`;
  return {
    url: self,
    html_url: html,
    git_url: git,
    download_url: `${base}/${repo.fullName}/raw/${encodeURIComponent(ref)}/${encodePath(path)}`,
    _links: { self, git, html },
  };
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** An entry of `content-directory` (or the metadata part of `content-file`). */
export function contentEntry(
  base: string,
  repo: RepoState,
  path: string,
  ref: string,
  file: FileRecord | undefined,
) {
  const name = path.split('/').pop() ?? path;
  const sha = file?.sha ?? '0'.repeat(40);
  return {
    type: file ? 'file' : 'dir',
    size: file ? file.content.length : 0,
    name,
    path,
    sha,
    ...fileLinks(base, repo, path, ref, sha),
  };
}

/** `content-file`: base64 in 60-character lines, as GitHub sends it. */
export function contentFile(
  base: string,
  repo: RepoState,
  path: string,
  ref: string,
  file: FileRecord,
) {
  const b64 = file.content.toString('base64').replace(/.{60}/g, '$&\n');
  return {
    ...contentEntry(base, repo, path, ref, file),
    type: 'file',
    encoding: 'base64',
    content: b64.endsWith('\n') ? b64 : `${b64}\n`,
  };
}
