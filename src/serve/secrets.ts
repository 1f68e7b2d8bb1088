import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken, type ApiKeyEntry } from '../core/serve/api-keys.js';

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * Secrets the server checks requests against, held as SHA-256 digests: a presented token is hashed
 * and compared with every digest in constant time (timingSafeEqual, no early exit), so neither the
 * length nor the prefix of a key leaks through response times. Keys never reach a log line.
 */
export class SecretSet {
  private readonly digests: Buffer[];

  constructor(entries: ApiKeyEntry[]) {
    this.digests = entries.map((e) =>
      'sha256' in e ? Buffer.from(e.sha256, 'hex') : digest(e.plain),
    );
  }

  static of(secret: string): SecretSet {
    return new SecretSet([{ plain: secret }]);
  }

  /**
   * Which secret the `Authorization: Bearer` header carries: its index, `'missing'` without a
   * bearer token, `'invalid'` for a token that matches none.
   */
  check(authorization: string | undefined): number | 'missing' | 'invalid' {
    const token = bearerToken(authorization);
    if (token === undefined) return 'missing';
    const presented = digest(token);
    let found = -1;
    this.digests.forEach((d, i) => {
      if (timingSafeEqual(d, presented) && found < 0) found = i;
    });
    return found >= 0 ? found : 'invalid';
  }
}
