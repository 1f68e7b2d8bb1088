import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProtocolError } from '../core/serve/protocol.js';

const JSON_TYPE = 'application/json';

/** The body is over the server's limit: answered 413 and the socket closed unread. */
export class BodyTooLarge extends Error {}

/** The client closed the connection (or it broke) before its body arrived: nothing to answer. */
export class ClientGone extends Error {}

/**
 * Reads a whole request body, refusing (before reading it, when declared) more than `limit` bytes.
 * When `answer` closes first (answered 408, or the client left), Node discards the unread body
 * without an event on the request, so the read ends there.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  answer?: ServerResponse,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    // A listener on the answer, dropped once the body is in: an AbortSignal per request (its
    // DOMException and a ClientGone built on every close) was ~13% of a small request's time.
    const gone = () => reject(new ClientGone('the connection closed'));
    answer?.once('close', gone);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      answer?.off('close', gone);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', () => reject(new ClientGone('the client connection broke')));
    req.on('aborted', () => reject(new ClientGone('the client closed the connection')));
  });
}

/** The body parsed as JSON; undefined for an empty body. */
export async function readJson(
  req: IncomingMessage,
  limit: number,
  answer?: ServerResponse,
): Promise<unknown> {
  const body = await readBody(req, limit, answer);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new ProtocolError(400, `malformed JSON body: ${(e as Error).message}`);
  }
}

/** Answers with a JSON body; `close` asks the client to drop the connection (draining). */
export function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
  };
  if (close) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}
