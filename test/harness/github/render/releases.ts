import type { ReleaseAssetRecord, ReleaseRecord, RepoState } from '../state.js';
import { nodeId, simpleUser } from './common.js';

/** `release-asset`. */
export function releaseAsset(base: string, repo: RepoState, tag: string, a: ReleaseAssetRecord) {
  return {
    url: `${base}/repos/${repo.fullName}/releases/assets/${a.id}`,
    browser_download_url: `${base}/${repo.fullName}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: nodeId('ReleaseAsset', a.id),
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.contentType,
    size: a.data.length,
    digest: `sha256:${a.sha256}`,
    download_count: a.downloadCount,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    uploader: simpleUser(base, a.uploader),
  };
}

/** `release`; `upload_url` points at this server's /uploads (GitHub: uploads.github.com). */
export function release(base: string, repo: RepoState, r: ReleaseRecord) {
  const api = `${base}/repos/${repo.fullName}/releases/${r.id}`;
  return {
    url: api,
    html_url: `${base}/${repo.fullName}/releases/tag/${encodeURIComponent(r.tagName)}`,
    assets_url: `${api}/assets`,
    upload_url: `${base}/uploads/repos/${repo.fullName}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${base}/repos/${repo.fullName}/tarball/${encodeURIComponent(r.tagName)}`,
    zipball_url: `${base}/repos/${repo.fullName}/zipball/${encodeURIComponent(r.tagName)}`,
    id: r.id,
    node_id: nodeId('Release', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    published_at: r.publishedAt,
    author: simpleUser(base, r.author),
    assets: r.assets.map((a) => releaseAsset(base, repo, r.tagName, a)),
  };
}
