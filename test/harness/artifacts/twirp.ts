import { createHash, randomBytes } from 'node:crypto';
import type { ArtifactFault } from './faults.js';
import type { ArtifactState, StoredArtifact } from './state.js';

// The Twirp JSON side of the results service: CreateArtifact and FinalizeArtifact of
// github.actions.results.api.v1.ArtifactService, with the fields of @actions/artifact's generated
// client (proto names, int64 as strings, google.protobuf wrappers as bare values).

export const SERVICE = 'github.actions.results.api.v1.ArtifactService';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface TwirpContext {
  state: ArtifactState;
  baseUrl: string;
  /** Backend ids of the bearer token. */
  job: { runBackendId: string; jobBackendId: string };
  body: Record<string, unknown>;
  /** Records a violation (a request the real service would refuse or a client bug). */
  violation(message: string): void;
}

// Twirp error codes and the HTTP status the Twirp spec gives each.
const CODES: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
};

export function twirpError(code: keyof typeof CODES, msg: string): Reply {
  return json(CODES[code]!, { code, msg });
}

function json(status: number, body: object): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

type FieldKind = 'string' | 'int32' | 'int64' | 'timestamp';
const CREATE_FIELDS: Record<string, FieldKind> = {
  workflow_run_backend_id: 'string',
  workflow_job_run_backend_id: 'string',
  name: 'string',
  expires_at: 'timestamp',
  version: 'int32',
  mime_type: 'string',
};
const FINALIZE_FIELDS: Record<string, FieldKind> = {
  workflow_run_backend_id: 'string',
  workflow_job_run_backend_id: 'string',
  name: 'string',
  size: 'int64',
  hash: 'string',
};
/** The artifact protocol version @actions/artifact 6 sends; a new one should update the stand-in. */
export const KNOWN_VERSION = 7;
// upload/path-and-artifact-name-validation.js of @actions/artifact; the service refuses them too.
const INVALID_NAME_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

/**
 * Checks a request message like protojson does (proto names or their lowerCamelCase JSON names,
 * types of the field kinds), plus: no unknown fields (stricter than the service, which may
 * discard them) and the required ids and name. Returns the normalised fields or the problems.
 */
export function readMessage(
  body: Record<string, unknown>,
  fields: Record<string, FieldKind>,
): { fields: Record<string, string | number>; problems: string[] } {
  const out: Record<string, string | number> = {};
  const problems: string[] = [];
  const byJsonName = new Map(
    Object.keys(fields).map((f) => [f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), f]),
  );
  for (const [key, value] of Object.entries(body)) {
    const field = key in fields ? key : byJsonName.get(key);
    if (!field) {
      problems.push(`unknown field "${key}"`);
      continue;
    }
    const kind = fields[field]!;
    if (value === null) continue; // protojson: null is the default value
    if (kind === 'string' || kind === 'timestamp') {
      if (typeof value !== 'string') problems.push(`"${key}" must be a string`);
      else if (kind === 'timestamp' && Number.isNaN(Date.parse(value)))
        problems.push(`"${key}" is not an RFC 3339 timestamp`);
      else out[field] = value;
    } else if (kind === 'int32') {
      if (typeof value !== 'number' || !Number.isInteger(value))
        problems.push(`"${key}" must be an integer`);
      else out[field] = value;
    } else {
      // int64: protojson writes a decimal string and reads a string or a number.
      const s = typeof value === 'number' ? String(value) : value;
      if (typeof s !== 'string' || !/^-?\d+$/.test(s))
        problems.push(`"${key}" must be an int64 (decimal string)`);
      else out[field] = s;
    }
  }
  for (const required of ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'])
    if (!out[required]) problems.push(`"${required}" is required`);
  return { fields: out, problems };
}

function checkIds(ctx: TwirpContext, f: Record<string, string | number>): Reply | undefined {
  if (
    f.workflow_run_backend_id !== ctx.job.runBackendId ||
    f.workflow_job_run_backend_id !== ctx.job.jobBackendId
  ) {
    ctx.violation(
      `backend ids ${String(f.workflow_run_backend_id)}:${String(f.workflow_job_run_backend_id)} are not the token's (${ctx.job.runBackendId}:${ctx.job.jobBackendId})`,
    );
    return twirpError('permission_denied', 'backend ids do not match the token');
  }
  return undefined;
}

export function createArtifact(ctx: TwirpContext): Reply {
  const { fields: f, problems } = readMessage(ctx.body, CREATE_FIELDS);
  if (problems.length) {
    ctx.violation(problems.join('; '));
    return twirpError('invalid_argument', problems.join('; '));
  }
  const denied = checkIds(ctx, f);
  if (denied) return denied;
  const name = String(f.name);
  const bad = INVALID_NAME_CHARS.find((c) => name.includes(c));
  if (bad !== undefined) {
    ctx.violation(`artifact name ${JSON.stringify(name)} contains ${JSON.stringify(bad)}`);
    return twirpError('invalid_argument', `invalid artifact name: ${name}`);
  }
  if (f.version !== KNOWN_VERSION) {
    ctx.violation(
      `version ${String(f.version)} is not the one this stand-in knows (${KNOWN_VERSION})`,
    );
    return twirpError('invalid_argument', `unsupported version ${String(f.version)}`);
  }
  if (f.expires_at !== undefined && Date.parse(String(f.expires_at)) <= Date.now()) {
    ctx.violation(`expires_at ${String(f.expires_at)} is in the past`);
    return twirpError('invalid_argument', 'expires_at must be in the future');
  }
  // A name is unique within a workflow run; not a client bug (a second step may reuse it).
  if (ctx.state.inRun(ctx.job.runBackendId).some((a) => a.name === name))
    return twirpError(
      'already_exists',
      'an artifact with this name already exists on the workflow run',
    );

  const id = ctx.state.newId();
  const path = `/blob/actions-results/${ctx.job.runBackendId}/workflow-job-run-${ctx.job.jobBackendId}/artifacts/${id}.zip`;
  // A shared access signature for this one blob (sr=b) with create/write rights, 6 hours long.
  const sig = randomBytes(32).toString('base64');
  const expiresOn = new Date(Date.now() + 6 * 3600_000);
  const artifact: StoredArtifact = {
    id,
    name,
    runBackendId: ctx.job.runBackendId,
    jobBackendId: ctx.job.jobBackendId,
    version: Number(f.version),
    finalized: false,
    blob: { path, sig, expiresOn, staged: new Map(), committedBlocks: new Map() },
    ...(f.mime_type !== undefined ? { mimeType: String(f.mime_type) } : {}),
    ...(f.expires_at !== undefined ? { expiresAt: String(f.expires_at) } : {}),
  };
  ctx.state.artifacts.push(artifact);
  const sas = new URLSearchParams({
    sv: '2025-01-05',
    se: expiresOn.toISOString().replace(/\.\d+Z$/, 'Z'),
    sr: 'b',
    sp: 'cw',
    sig,
  });
  return json(200, { ok: true, signed_upload_url: `${ctx.baseUrl}${path}?${sas.toString()}` });
}

export function finalizeArtifact(ctx: TwirpContext): Reply {
  const { fields: f, problems } = readMessage(ctx.body, FINALIZE_FIELDS);
  if (problems.length) {
    ctx.violation(problems.join('; '));
    return twirpError('invalid_argument', problems.join('; '));
  }
  const denied = checkIds(ctx, f);
  if (denied) return denied;
  const a = ctx.state
    .inRun(ctx.job.runBackendId)
    .find((x) => x.name === f.name && x.jobBackendId === ctx.job.jobBackendId);
  if (!a) {
    ctx.violation(`FinalizeArtifact of "${String(f.name)}" before CreateArtifact in this job`);
    return twirpError('not_found', 'artifact not found');
  }
  if (a.finalized) {
    ctx.violation(`"${a.name}" finalized twice`);
    return twirpError('failed_precondition', 'artifact already finalized');
  }
  const content = a.blob.content;
  if (!content) {
    ctx.violation(`FinalizeArtifact of "${a.name}" before its blob was committed`);
    return twirpError('failed_precondition', 'artifact upload is not complete');
  }
  const size = f.size === undefined ? 0 : Number(f.size);
  if (size !== content.length) {
    ctx.violation(`size ${size} is not the uploaded ${content.length} bytes`);
    return twirpError('invalid_argument', 'size does not match the uploaded content');
  }
  if (f.hash !== undefined) {
    const want = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    if (f.hash !== want) {
      ctx.violation(`hash ${String(f.hash)} is not the uploaded content's ${want}`);
      return twirpError('invalid_argument', 'hash does not match the uploaded content');
    }
    a.hash = String(f.hash);
  }
  a.size = size;
  a.finalized = true;
  return json(200, { ok: true, artifact_id: String(a.id) });
}

/** A fault's answer in the service's words: a Twirp JSON error, `ok: false`, or a gateway page. */
export function twirpFault(f: ArtifactFault): Reply {
  if (f.notOk) return json(200, { ok: false });
  const status = f.status!;
  // A front door answers 502/504 itself, with HTML (the library cannot parse it and retries).
  if (status === 502 || status === 504)
    return {
      status,
      headers: { 'content-type': 'text/html' },
      body: `<html><body><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Gateway Timeout'}</h1></body></html>`,
    };
  const code = Object.entries(CODES).find(([c, s]) => s === status && c !== 'malformed')?.[0];
  return twirpError(code ?? 'internal', f.message ?? `injected ${status}`);
}
