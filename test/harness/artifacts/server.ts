import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blobFault, blobOperation, handleBlob } from './blob.js';
import { ArtifactFaults, type ArtifactOperation } from './faults.js';
import { ArtifactState, type ArtifactRequest } from './state.js';
import { issueRuntimeToken } from './token.js';
import {
  createArtifact,
  finalizeArtifact,
  SERVICE,
  twirpError,
  twirpFault,
  type Reply,
} from './twirp.js';

// A local stand-in for the GitHub Actions artifact service as @actions/artifact 6 uses it: the
// results service's Twirp API and the Azure blob behind each signed upload URL, on one port.

/** What a job's runner provides: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL (+ the ids). */
export interface ArtifactRuntime {
  runtimeToken: string;
  resultsUrl: string;
  runBackendId: string;
  jobBackendId: string;
}

export interface ArtifactService {
  /** Origin of the service, e.g. `http://127.0.0.1:43121`. */
  url: string;
  state: ArtifactState;
  faults: ArtifactFaults;
  /** A runtime token for one job: fresh run and job backend ids unless given (same run, other
   * job: pass `runBackendId`). Pass the result as `runAction({ artifacts })`. */
  runtime(ids?: { runBackendId?: string; jobBackendId?: string }): ArtifactRuntime;
  /** Throws (and clears the list) when the stand-in saw a request the service would refuse. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

const TWIRP_PATH = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/([A-Za-z]+)$`);
const TWIRP_HANDLERS = { CreateArtifact: createArtifact, FinalizeArtifact: finalizeArtifact };

export async function startArtifactService(): Promise<ArtifactService> {
  const state = new ArtifactState();
  const faults = new ArtifactFaults();
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A crash in a handler is a bug in the stand-in: record it, answer 500.
      state.violations.push({
        method: req.method ?? '',
        path: req.url ?? '',
        errors: [`stand-in crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`],
      });
      if (!res.headersSent) send(res, twirpError('internal', 'stand-in crashed'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const entry: ArtifactRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    state.requests.push(entry);
    const violation = (message: string) =>
      state.violations.push({
        method,
        path,
        ...(entry.operation ? { operation: entry.operation } : {}),
        errors: [message],
      });
    const finish = (reply: Reply) => {
      entry.status = reply.status;
      send(res, reply);
    };

    const twirp = TWIRP_PATH.exec(path);
    const blob = path.startsWith('/blob/');
    if (!twirp && !blob) {
      violation('no such route');
      return finish(twirpError('bad_route', `no handler for path "${path}"`));
    }
    entry.operation = twirp ? twirp[1] : (blobOperation(url.searchParams) ?? 'unknown');
    const known = twirp ? twirp[1]! in TWIRP_HANDLERS : entry.operation !== 'unknown';
    const fault = known ? faults.take(entry.operation as ArtifactOperation) : undefined;
    if (fault) {
      entry.fault = true;
      if (fault.reset) {
        req.socket.destroy();
        return;
      }
      return finish(twirp ? twirpFault(fault) : blobFault(fault, req.headers));
    }

    if (blob) {
      const ctx = { state, method, path, query: url.searchParams, headers: req.headers, body };
      return finish(handleBlob({ ...ctx, violation }, state.blobAt(path)));
    }

    const rpc = twirp![1]!;
    const handler = TWIRP_HANDLERS[rpc as keyof typeof TWIRP_HANDLERS];
    if (!handler) {
      violation(`${rpc} is not served by this stand-in`);
      return finish(twirpError('bad_route', `no handler for path "${path}"`));
    }
    // Twirp's own routing rules: POST only, JSON or protobuf bodies (the client sends JSON).
    if (method !== 'POST') {
      violation(`${method} instead of POST`);
      return finish(twirpError('bad_route', `unsupported method ${method} (only POST is allowed)`));
    }
    const contentType = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (contentType !== 'application/json') {
      violation(`Content-Type "${contentType}" instead of application/json`);
      return finish(twirpError('bad_route', `unexpected Content-Type: "${contentType}"`));
    }
    const bearer = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''));
    const job = bearer ? state.tokens.get(bearer[1]!) : undefined;
    if (!job) {
      violation(bearer ? 'bearer token not issued by this stand-in' : 'no bearer token');
      return finish(twirpError('unauthenticated', 'invalid or missing runtime token'));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      violation('body is not a JSON object');
      return finish(twirpError('malformed', 'the request body is not a JSON object'));
    }
    finish(handler({ state, baseUrl, job, body: parsed as Record<string, unknown>, violation }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    state,
    faults,
    runtime(ids = {}) {
      const job = issueRuntimeToken(ids.runBackendId, ids.jobBackendId);
      state.tokens.set(job.token, {
        runBackendId: job.runBackendId,
        jobBackendId: job.jobBackendId,
      });
      // The runner's ACTIONS_RESULTS_URL ends with a slash; the library keeps only the origin.
      return {
        runtimeToken: job.token,
        resultsUrl: `${baseUrl}/`,
        runBackendId: job.runBackendId,
        jobBackendId: job.jobBackendId,
      };
    },
    assertNoViolations() {
      if (state.violations.length === 0) return;
      // Cleared once reported, so an afterEach check blames only the test that caused it.
      const seen = state.violations.splice(0);
      const lines = seen.map(
        (v) =>
          `${v.method} ${v.path}${v.operation ? ` (${v.operation})` : ''}: ${v.errors.join('; ')}`,
      );
      throw new Error(`artifact stand-in saw ${lines.length} violation(s):\n${lines.join('\n')}`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
