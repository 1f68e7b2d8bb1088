import type { IncomingMessage } from 'node:http';
import { ProtocolError } from '../core/serve/protocol.js';
import { RateLimiter } from '../core/serve/rate-limit.js';
import type { SecretSet } from './secrets.js';

/**
 * Who may call the model (API keys) and how often (token bucket per key, or per client address
 * without keys). Health endpoints skip both, so probes work without a key.
 */
export class AccessControl {
  private readonly limiter: RateLimiter | undefined;

  constructor(
    private readonly opts: {
      apiKeys?: SecretSet | undefined;
      rateLimit?: { perSecond: number; burst: number } | undefined;
      now?: () => number;
    },
  ) {
    this.limiter = opts.rateLimit
      ? new RateLimiter(opts.rateLimit.perSecond, opts.rateLimit.burst)
      : undefined;
  }

  /**
   * The caller: `key <n>` for the n-th API key, else the client address (empty without a rate
   * limit: nobody asks). 401 without a valid key.
   */
  authenticate(req: IncomingMessage): string {
    const keys = this.opts.apiKeys;
    // The address only matters to a rate limit (reading it is a getpeername call per request).
    if (!keys) return this.limiter ? `address ${req.socket.remoteAddress ?? ''}` : '';
    const who = keys.check(req.headers.authorization);
    if (who === 'missing')
      throw new ProtocolError(401, 'this server needs "Authorization: Bearer <API key>"', {
        'www-authenticate': 'Bearer realm="modelci"',
      });
    if (who === 'invalid')
      throw new ProtocolError(401, 'the API key is not valid', {
        'www-authenticate': 'Bearer realm="modelci", error="invalid_token"',
      });
    return `key ${who}`;
  }

  /** 429 with Retry-After when the caller's bucket is empty. */
  admit(client: string): void {
    if (!this.limiter) return;
    const wait = this.limiter.take(client, (this.opts.now ?? Date.now)());
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait));
      throw new ProtocolError(
        429,
        `rate limit of ${this.limiter.rate}/s (burst ${this.limiter.burst}) reached; retry in ${seconds} s`,
        { 'retry-after': String(seconds) },
      );
    }
  }
}
