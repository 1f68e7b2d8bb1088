import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ArtifactFault, ArtifactOperation } from './faults.js';
import type { ArtifactState, StoredBlob } from './state.js';
import type { Reply } from './twirp.js';

// The Azure Blob Storage side: the signed upload URL CreateArtifact hands out takes Put Block
// (`?comp=block&blockid=`), Put Block List (`?comp=blocklist`, XML) and Put Blob, with the rules
// and answers (201, ETag, Last-Modified, x-ms-request-id, XML errors) Azure documents.

export interface BlobContext {
  state: ArtifactState;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  violation(message: string): void;
}

export function blobOperation(query: URLSearchParams): ArtifactOperation | undefined {
  const comp = query.get('comp');
  if (comp === 'block') return 'StageBlock';
  if (comp === 'blocklist') return 'CommitBlockList';
  if (comp === null) return 'PutBlob';
  return undefined;
}

const MESSAGES: Record<string, string> = {
  AuthenticationFailed:
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  AuthorizationPermissionMismatch:
    'This request is not authorized to perform this operation using this permission.',
  BlobNotFound: 'The specified blob does not exist.',
  InvalidBlockId: 'The specified block ID is invalid. The block ID must be Base64-encoded.',
  InvalidBlobOrBlock: 'The specified blob or block content is invalid.',
  InvalidBlockList: 'The specified block list is invalid.',
  InvalidXmlDocument: 'XML specified is not syntactically valid.',
  MissingContentLengthHeader: 'The Content-Length header was not specified.',
  MissingRequiredHeader: 'An HTTP header that is mandatory for this request is not specified.',
  UnsupportedHttpVerb: 'The resource does not support the specified HTTP verb.',
  InternalError: 'The server encountered an internal error. Please retry the request.',
  ServerBusy: 'The server is currently unable to receive requests. Please retry your request.',
  OperationTimedOut: 'The operation could not be completed within the permitted time.',
};

function common(headers: IncomingHttpHeaders): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': String(headers['x-ms-version'] ?? '2025-01-05'),
    date: new Date().toUTCString(),
  };
}

export function storageError(status: number, code: string, headers: IncomingHttpHeaders): Reply {
  const h = common(headers);
  const message = `${MESSAGES[code] ?? code}\nRequestId:${h['x-ms-request-id']}\nTime:${new Date().toISOString()}`;
  return {
    status,
    headers: { ...h, 'content-type': 'application/xml', 'x-ms-error-code': code },
    body: `\ufeff<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

export function blobFault(f: ArtifactFault, headers: IncomingHttpHeaders): Reply {
  const status = f.status!;
  const code =
    status === 500
      ? 'InternalError'
      : status === 503
        ? 'ServerBusy'
        : status === 403
          ? 'AuthenticationFailed'
          : status === 404
            ? 'BlobNotFound'
            : status >= 500
              ? 'OperationTimedOut'
              : 'InvalidBlobOrBlock';
  return storageError(status, code, headers);
}

function created(headers: IncomingHttpHeaders, extra: Record<string, string>): Reply {
  return {
    status: 201,
    headers: { ...common(headers), 'x-ms-request-server-encrypted': 'true', ...extra },
    body: '',
  };
}

function committed(blob: StoredBlob, headers: IncomingHttpHeaders, md5Of: Buffer): Reply {
  blob.etag = `"0x8DC${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}"`;
  return created(headers, {
    etag: blob.etag,
    'last-modified': new Date().toUTCString(),
    'content-md5': createHash('md5').update(md5Of).digest('base64'),
  });
}

export function handleBlob(ctx: BlobContext, blob: StoredBlob | undefined): Reply {
  const { headers, query } = ctx;
  // The URL's shared access signature: this blob's own `sig`, not expired, with write rights.
  if (!blob || query.get('sig') !== blob.sig) {
    ctx.violation('signed upload URL with an unknown path or signature');
    return storageError(403, 'AuthenticationFailed', headers);
  }
  if (query.get('sr') !== 'b' || new Date(query.get('se') ?? 0) < new Date()) {
    ctx.violation('signed upload URL altered or expired (sr, se)');
    return storageError(403, 'AuthenticationFailed', headers);
  }
  if (!(query.get('sp') ?? '').includes('w')) {
    ctx.violation('signed upload URL without write permission');
    return storageError(403, 'AuthorizationPermissionMismatch', headers);
  }
  if (ctx.method !== 'PUT') {
    ctx.violation(`${ctx.method} on the upload URL (only PUT is expected)`);
    return storageError(405, 'UnsupportedHttpVerb', headers);
  }
  const length = headers['content-length'];
  if (length === undefined) {
    ctx.violation('no Content-Length (Azure needs it on every PUT)');
    return storageError(411, 'MissingContentLengthHeader', headers);
  }
  if (Number(length) !== ctx.body.length) {
    ctx.violation(`Content-Length ${length} but ${ctx.body.length} bytes arrived`);
    return storageError(400, 'InvalidBlobOrBlock', headers);
  }
  if (blob.content && ctx.state.artifacts.find((a) => a.blob === blob)?.finalized)
    ctx.violation('blob written after FinalizeArtifact');

  const op = blobOperation(query);
  if (op === 'StageBlock') return stageBlock(ctx, blob);
  if (op === 'CommitBlockList') return commitBlockList(ctx, blob);
  if (op === 'PutBlob') {
    if (headers['x-ms-blob-type'] !== 'BlockBlob') {
      ctx.violation('Put Blob without x-ms-blob-type: BlockBlob');
      return storageError(400, 'MissingRequiredHeader', headers);
    }
    blob.staged.clear();
    blob.committedBlocks = new Map();
    blob.content = Buffer.from(ctx.body);
    const type = headers['x-ms-blob-content-type'] ?? headers['content-type'];
    if (type !== undefined) blob.contentType = String(type);
    return committed(blob, headers, ctx.body);
  }
  ctx.violation(`comp=${query.get('comp')} is not an upload operation`);
  return storageError(400, 'InvalidQueryParameterValue', headers);
}

function stageBlock(ctx: BlobContext, blob: StoredBlob): Reply {
  const id = ctx.query.get('blockid');
  const decoded = id === null ? undefined : Buffer.from(id, 'base64');
  // Base64 of at most 64 bytes, and one length for every block id of a blob.
  if (!id || !decoded || decoded.toString('base64') !== id || decoded.length > 64) {
    ctx.violation(`block id ${JSON.stringify(id)} is not base64 of at most 64 bytes`);
    return storageError(400, 'InvalidBlockId', ctx.headers);
  }
  const other = [...blob.staged.keys(), ...blob.committedBlocks.keys()][0];
  if (other !== undefined && other.length !== id.length) {
    ctx.violation(`block ids of different lengths (${other.length} and ${id.length})`);
    return storageError(400, 'InvalidBlobOrBlock', ctx.headers);
  }
  blob.staged.set(id, Buffer.from(ctx.body));
  return created(ctx.headers, {
    'content-md5': createHash('md5').update(ctx.body).digest('base64'),
  });
}

function commitBlockList(ctx: BlobContext, blob: StoredBlob): Reply {
  const xml = ctx.body.toString('utf8').replace(/^\ufeff/, '');
  const list = /^\s*(?:<\?xml[^>]*\?>)?\s*<BlockList>([\s\S]*)<\/BlockList>\s*$/.exec(xml);
  const entries: { kind: string; id: string }[] = [];
  const leftover = list?.[1]?.replace(
    /<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g,
    (_, kind: string, id: string) => {
      entries.push({ kind, id });
      return '';
    },
  );
  if (leftover === undefined || leftover.trim() !== '') {
    ctx.violation('block list is not <BlockList> of <Latest>/<Committed>/<Uncommitted> ids');
    return storageError(400, 'InvalidXmlDocument', ctx.headers);
  }
  const parts: Buffer[] = [];
  for (const { kind, id } of entries) {
    const staged = blob.staged.get(id);
    const old = blob.committedBlocks.get(id);
    const part = kind === 'Uncommitted' ? staged : kind === 'Committed' ? old : (staged ?? old);
    if (!part) {
      ctx.violation(`block list names ${kind} block ${id}, which was not uploaded`);
      return storageError(400, 'InvalidBlockList', ctx.headers);
    }
    parts.push(part);
  }
  const content = Buffer.concat(parts);
  // Each committed block's bytes stay, so a later list can name them as Committed.
  blob.committedBlocks = new Map(entries.map((e, i) => [e.id, parts[i]!]));
  blob.staged.clear();
  blob.content = content;
  const type = ctx.headers['x-ms-blob-content-type'];
  if (type !== undefined) blob.contentType = String(type);
  return committed(blob, ctx.headers, ctx.body);
}
