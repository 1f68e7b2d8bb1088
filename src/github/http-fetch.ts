import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

// The fetch Octokit sends GitHub requests through when no proxy is configured: node:http(s),
// whose parser is native. undici's fetch (bundled, as @actions/github used it, or Node's own)
// parses ~400 KiB of JavaScript and compiles its llhttp WebAssembly parser on the first request:
// ~0.4 s of CPU on every action that makes one (issue 20), for a handful of small JSON exchanges.
// It follows fetch where Octokit relies on it: redirects followed (credentials dropped when the
// origin changes), network failures as TypeError('fetch failed', { cause }), compressed bodies
// decoded, the final URL. The answer is the part of `Response` Octokit reads, not a `Response`:
// constructing one loads Node's own undici and web streams (~0.1 s of CPU on a runner).

/** Statuses fetch follows; 303 (and 301/302 after a POST) turn the request into a body-less GET. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** Headers fetch drops when a redirect leaves the origin. */
const CREDENTIALS = ['authorization', 'cookie', 'proxy-authorization'];
/** undici's default headers and body timeouts, so a stalled server fails the same. */
const IDLE_TIMEOUT_MS = 300_000;

type Body = string | Uint8Array | undefined;

interface Sent {
  method: string;
  headers: Record<string, string>;
  body: Body;
}

export async function httpFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  return (await send(input, init)) as unknown as Response;
}

async function send(input: string | URL, init: RequestInit): Promise<FetchedResponse | Response> {
  const body = init.body ?? undefined;
  // Streams and forms are not what Octokit sends GitHub here; fetch itself serves them.
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array))
    return fetch(input, init);
  let url = new URL(input);
  let sent: Sent = {
    method: (init.method ?? 'GET').toUpperCase(),
    headers: lowerCased(init.headers),
    body,
  };
  for (let hop = 0; ; hop++) {
    const res = await exchange(url, sent, init.signal ?? undefined);
    const location = res.message.headers.location;
    if (!REDIRECTS.has(res.status) || location === undefined || init.redirect === 'manual')
      return toResponse(res, url);
    if (init.redirect === 'error' || hop === MAX_REDIRECTS)
      throw new TypeError('fetch failed', {
        cause: new Error(`redirect ${res.status} to ${location} not followed`),
      });
    const next = new URL(location, url);
    sent = redirected(sent, res.status, next.origin !== url.origin);
    url = next;
  }
}

/** Octokit passes a plain object of strings; other shapes go through `Headers` (loaded then). */
function lowerCased(headers: RequestInit['headers']): Record<string, string> {
  const plain =
    headers !== undefined &&
    !Array.isArray(headers) &&
    Object.getPrototypeOf(headers) === Object.prototype;
  const entries =
    headers === undefined ? [] : plain ? Object.entries(headers) : [...new Headers(headers)];
  return Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function redirected(sent: Sent, status: number, crossOrigin: boolean): Sent {
  const headers = { ...sent.headers };
  if (crossOrigin) for (const h of CREDENTIALS) delete headers[h];
  const toGet = status === 303 ? sent.method !== 'HEAD' : status <= 302 && sent.method === 'POST';
  if (!toGet) return { ...sent, headers };
  for (const h of ['content-type', 'content-length', 'content-encoding', 'content-language'])
    delete headers[h];
  return { method: 'GET', headers, body: undefined };
}

interface Exchanged {
  status: number;
  message: IncomingMessage;
  bytes: Buffer;
}

function exchange(url: URL, sent: Sent, signal: AbortSignal | undefined): Promise<Exchanged> {
  return new Promise((resolve, reject) => {
    const fail = (cause: unknown) =>
      reject(
        signal?.aborted
          ? (signal.reason as Error)
          : new TypeError('fetch failed', { cause: cause as Error }),
      );
    if (signal?.aborted) return fail(signal.reason);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...sent.headers };
    if (sent.body !== undefined) headers['content-length'] = String(Buffer.byteLength(sent.body));
    const req = send(url, { method: sent.method, headers, signal }, (message) => {
      const chunks: Buffer[] = [];
      message.on('data', (c: Buffer) => chunks.push(c));
      message.on('error', fail);
      message.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          resolve({ status: message.statusCode ?? 0, message, bytes: decoded(raw, message) });
        } catch (e) {
          fail(e);
        }
      });
    });
    req.setTimeout(IDLE_TIMEOUT_MS, () =>
      req.destroy(new Error(`no answer from ${url.origin} in ${IDLE_TIMEOUT_MS / 1000} s`)),
    );
    req.on('error', fail);
    req.end(sent.body);
  });
}

/** The body as fetch hands it out: content encodings removed (GitHub may compress anyway). */
function decoded(raw: Buffer, message: IncomingMessage): Buffer {
  const encoding = String(message.headers['content-encoding'] ?? '').toLowerCase();
  if (raw.length === 0) return raw;
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  if (encoding === 'br') return brotliDecompressSync(raw);
  return raw;
}

function toResponse({ status, message, bytes }: Exchanged, url: URL): FetchedResponse {
  const headers = new FetchedHeaders();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return new FetchedResponse(status, message.statusMessage ?? '', url.href, headers, bytes);
}

/** Response headers: names lower-cased, repeated ones joined with ", " as `Headers.get` does. */
class FetchedHeaders {
  readonly #values = new Map<string, string>();

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const had = this.#values.get(key);
    this.#values.set(key, had === undefined ? value : `${had}, ${value}`);
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return [...this.#values].sort(([a], [b]) => (a < b ? -1 : 1))[Symbol.iterator]();
  }

  entries(): IterableIterator<[string, string]> {
    return this[Symbol.iterator]();
  }
}

/** What Octokit reads of a fetch `Response`: status, final URL, headers and the body, once. */
class FetchedResponse {
  #used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: FetchedHeaders,
    readonly bytes: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.bytes.length ? new Blob([this.bytes]).stream() : null;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.bytes;
  }

  async text(): Promise<string> {
    return this.#take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
}
