import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startArtifactService,
  type ArtifactRuntime,
  type ArtifactService,
} from '../../harness/artifacts/index.js';

// The artifact stand-in refuses what the results service or Azure would refuse (and what would be
// a client bug), records it as a violation, and keeps nothing of a refused request.
const SERVICE = 'github.actions.results.api.v1.ArtifactService';

describe('artifact stand-in validation', () => {
  let svc: ArtifactService;
  let job: ArtifactRuntime;
  beforeEach(async () => {
    svc = await startArtifactService();
    job = svc.runtime();
  });
  afterEach(() => svc.close());

  const rpc = async (
    method: string,
    body: object,
    opts: { token?: string | null; contentType?: string; httpMethod?: string } = {},
  ) => {
    const token = opts.token === undefined ? job.runtimeToken : opts.token;
    const res = await fetch(`${svc.url}/twirp/${SERVICE}/${method}`, {
      method: opts.httpMethod ?? 'POST',
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(opts.httpMethod === 'GET' ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  const ids = () => ({
    workflow_run_backend_id: job.runBackendId,
    workflow_job_run_backend_id: job.jobBackendId,
  });
  const create = (name = 'report') => rpc('CreateArtifact', { ...ids(), name, version: 7 });
  const put = (url: string, query: string, body: string | Buffer, headers = {}) =>
    fetch(`${url}&${query}`, {
      method: 'PUT',
      body,
      headers: { 'x-ms-version': '2025-01-05', ...headers },
    });
  const block = (n: number) =>
    Buffer.from(`block-${String(n).padStart(4, '0')}`).toString('base64');
  const blockList = (...idsIn: string[]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><BlockList>${idsIn.map((i) => `<Latest>${i}</Latest>`).join('')}</BlockList>`;
  const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
  const violations = () => svc.state.violations.splice(0).flatMap((v) => v.errors);

  it('a whole upload: create, two blocks, block list, finalize with size and hash', async () => {
    // The JSON names (lowerCamelCase) are accepted too, as protojson does.
    const c = await rpc('CreateArtifact', {
      workflowRunBackendId: job.runBackendId,
      workflowJobRunBackendId: job.jobBackendId,
      name: 'report',
      version: 7,
      mimeType: 'application/zip',
    });
    expect(c.status).toBe(200);
    expect(c.body.ok).toBe(true);
    const url = c.body.signed_upload_url!;
    // Staged out of order (as concurrent uploads arrive): the block list sets the order.
    await put(url, `comp=block&blockid=${encodeURIComponent(block(2))}`, 'world');
    const r1 = await put(url, `comp=block&blockid=${encodeURIComponent(block(1))}`, 'hello ');
    expect(r1.status).toBe(201);
    expect(r1.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r1.headers.get('content-md5')).toBe(createHash('md5').update('hello ').digest('base64'));
    const commit = await put(url, 'comp=blocklist', blockList(block(1), block(2)), {
      'content-type': 'application/xml',
      'x-ms-blob-content-type': 'application/zip',
    });
    expect(commit.status).toBe(201);
    expect(commit.headers.get('etag')).toMatch(/^"0x8DC[0-9A-F]+"$/);
    expect(commit.headers.get('last-modified')).toMatch(/GMT$/);
    const content = Buffer.from('hello world');
    const f = await rpc('FinalizeArtifact', {
      ...ids(),
      name: 'report',
      size: '11',
      hash: sha(content),
    });
    expect(f).toEqual({
      status: 200,
      body: { ok: true, artifact_id: expect.stringMatching(/^\d+$/) },
    });
    const a = svc.state.finalized(job.runBackendId, 'report');
    expect(a.blob.content).toEqual(content);
    expect([a.size, a.hash, a.mimeType, a.blob.contentType]).toEqual([
      11,
      sha(content),
      'application/zip',
      'application/zip',
    ]);
    expect(violations()).toEqual([]);
  });

  it('refuses a missing or foreign token, a wrong content type, a GET and unknown routes', async () => {
    expect((await create()).status).toBe(200);
    const other = svc.runtime();
    expect(
      await rpc('CreateArtifact', { ...ids(), name: 'x', version: 7 }, { token: null }),
    ).toEqual({
      status: 401,
      body: { code: 'unauthenticated', msg: expect.any(String) },
    });
    expect((await rpc('CreateArtifact', {}, { token: 'e30.e30.' })).status).toBe(401);
    expect((await rpc('CreateArtifact', {}, { contentType: 'text/plain' })).status).toBe(404);
    expect((await rpc('CreateArtifact', {}, { httpMethod: 'GET' })).body.code).toBe('bad_route');
    expect((await rpc('ListArtifacts', {})).body.code).toBe('bad_route');
    // Another job's token cannot act with this job's ids.
    expect(
      (
        await rpc(
          'CreateArtifact',
          { ...ids(), name: 'y', version: 7 },
          { token: other.runtimeToken },
        )
      ).status,
    ).toBe(403);
    expect(violations()).toEqual([
      'no bearer token',
      'bearer token not issued by this stand-in',
      'Content-Type "text/plain" instead of application/json',
      'GET instead of POST',
      'ListArtifacts is not served by this stand-in',
      expect.stringMatching(/^backend ids .* are not the token's/),
    ]);
    expect(svc.state.inRun().map((a) => a.name)).toEqual(['report']);
  });

  it('refuses unknown and missing fields, wrong types, a bad name and an unknown version', async () => {
    const r = await rpc('CreateArtifact', { ...ids(), nmae: 'x', version: '7' });
    expect(r.status).toBe(400);
    expect(r.body.msg).toBe(
      'unknown field "nmae"; "version" must be an integer; "name" is required',
    );
    expect((await rpc('CreateArtifact', { ...ids(), name: 'a/b', version: 7 })).status).toBe(400);
    expect((await rpc('CreateArtifact', { ...ids(), name: 'a', version: 4 })).status).toBe(400);
    const past = { ...ids(), name: 'a', version: 7, expires_at: '2020-01-01T00:00:00Z' };
    expect((await rpc('CreateArtifact', past)).status).toBe(400);
    expect(violations()).toHaveLength(4);
    expect(svc.state.inRun()).toEqual([]);
  });

  it('finalize only after create and a committed blob, with the uploaded size and hash', async () => {
    const fin = (extra: object) => rpc('FinalizeArtifact', { ...ids(), name: 'report', ...extra });
    expect((await fin({ size: '0' })).body.code).toBe('not_found');
    const url = (await create()).body.signed_upload_url!;
    expect((await fin({ size: '0' })).body.code).toBe('failed_precondition');
    await put(url, `comp=block&blockid=${encodeURIComponent(block(1))}`, 'abc');
    await put(url, 'comp=blocklist', blockList(block(1)));
    expect((await fin({ size: '4' })).status).toBe(400);
    expect((await fin({ size: 3, hash: sha(Buffer.from('abd')) })).status).toBe(400);
    expect(violations()).toEqual([
      'FinalizeArtifact of "report" before CreateArtifact in this job',
      'FinalizeArtifact of "report" before its blob was committed',
      'size 4 is not the uploaded 3 bytes',
      expect.stringMatching(/^hash sha256:\w+ is not the uploaded content's sha256:/),
    ]);
    expect(svc.state.inRun()[0]!.finalized).toBe(false);
    // int64 as a number is valid protojson too.
    expect((await fin({ size: 3, hash: sha(Buffer.from('abc')) })).status).toBe(200);
    expect((await fin({ size: '3' })).body.code).toBe('failed_precondition');
    expect(violations()).toEqual(['"report" finalized twice']);
  });

  it('blob: refuses a wrong signature, bad block ids and a block list naming missing blocks', async () => {
    const url = (await create()).body.signed_upload_url!;
    const forged = url.replace(/sig=[^&]+/, 'sig=Zm9yZ2Vk');
    const r = await put(forged, `comp=block&blockid=${encodeURIComponent(block(1))}`, 'x');
    expect(r.status).toBe(403);
    expect(r.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
    expect(await r.text()).toMatch(/<Error><Code>AuthenticationFailed<\/Code><Message>/);
    expect((await put(url, 'comp=block&blockid=not*base64', 'x')).status).toBe(400);
    await put(url, `comp=block&blockid=${encodeURIComponent(block(1))}`, 'x');
    const short = Buffer.from('b2').toString('base64');
    expect((await put(url, `comp=block&blockid=${short}`, 'y')).status).toBe(400);
    const missing = await put(url, 'comp=blocklist', blockList(block(1), block(2)));
    expect(missing.headers.get('x-ms-error-code')).toBe('InvalidBlockList');
    expect((await put(url, 'comp=blocklist', '<BlockList><Oops/></BlockList>')).status).toBe(400);
    expect((await put(url, '', 'whole')).headers.get('x-ms-error-code')).toBe(
      'MissingRequiredHeader',
    );
    expect(violations()).toEqual([
      'signed upload URL with an unknown path or signature',
      'block id "not*base64" is not base64 of at most 64 bytes',
      expect.stringMatching(/^block ids of different lengths/),
      expect.stringMatching(/^block list names Latest block .* which was not uploaded/),
      'block list is not <BlockList> of <Latest>/<Committed>/<Uncommitted> ids',
      'Put Blob without x-ms-blob-type: BlockBlob',
    ]);
    expect(svc.state.inRun()[0]!.blob.content).toBeUndefined();
  });

  it('assertNoViolations lists them once, then clears', async () => {
    await rpc('CreateArtifact', {}, { token: null });
    expect(() => svc.assertNoViolations()).toThrow(
      /artifact stand-in saw 1 violation\(s\):\nPOST \/twirp\/.*CreateArtifact \(CreateArtifact\): no bearer token/,
    );
    expect(() => svc.assertNoViolations()).not.toThrow();
  });

  it("faults answer in the service's own format and leave state alone", async () => {
    svc.faults.inject({ operation: 'CreateArtifact', status: 500, times: 2 });
    expect(await create()).toEqual({
      status: 500,
      body: { code: 'internal', msg: 'injected 500' },
    });
    expect(svc.faults.pending()).toHaveLength(1);
    expect((await create()).status).toBe(500);
    expect(svc.state.inRun()).toEqual([]);
    svc.faults.inject({ operation: 'CreateArtifact', notOk: true });
    expect(await create()).toEqual({ status: 200, body: { ok: false } });
    const url = (await create()).body.signed_upload_url!;
    svc.faults.inject({ operation: 'StageBlock', status: 503 });
    const busy = await put(url, `comp=block&blockid=${encodeURIComponent(block(1))}`, 'x');
    expect([busy.status, busy.headers.get('x-ms-error-code')]).toEqual([503, 'ServerBusy']);
    expect(svc.state.inRun()[0]!.blob.staged.size).toBe(0);
    svc.faults.inject({ operation: 'FinalizeArtifact', reset: true });
    await expect(rpc('FinalizeArtifact', { ...ids(), name: 'report' })).rejects.toThrow();
    expect(svc.state.requestsTo('FinalizeArtifact')).toMatchObject([{ fault: true }]);
    expect(() => svc.faults.inject({ operation: 'StageBlock', notOk: true })).toThrow();
    expect(violations()).toEqual([]);
  });
});
