import { ModelciError } from '../errors.js';

/** One accepted key: its SHA-256 (hex), given as `sha256:<hex>` or hashed from a plain key. */
export type ApiKeyEntry = { sha256: string } | { plain: string };

const HASHED = /^sha256:([0-9a-fA-F]{64})$/;
// Bearer tokens are RFC 6750 b64token characters; anything else could not be sent in a header.
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Parses an API key file: one key per line, plain or `sha256:<64 hex>` (so the file need not hold
 * the keys themselves); blank lines and `#` comments are skipped. Errors name the line, never the key.
 */
export function parseApiKeys(text: string, source: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  text.split(/\r?\n|,/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const hashed = HASHED.exec(line);
    if (hashed) entries.push({ sha256: hashed[1]!.toLowerCase() });
    else if (line.startsWith('sha256:'))
      throw new ModelciError('USAGE', `line ${i + 1}: a hashed key is sha256: and 64 hex digits`, {
        file: source,
        hint: 'Hash a key with: printf %s "$KEY" | sha256sum',
      });
    else if (!TOKEN.test(line) || line.length < 16)
      throw new ModelciError(
        'USAGE',
        `line ${i + 1}: a key must be at least 16 characters of A-Z a-z 0-9 - . _ ~ + /`,
        { file: source, hint: 'Generate one with: openssl rand -hex 32' },
      );
    else entries.push({ plain: line });
  });
  if (entries.length === 0)
    throw new ModelciError('USAGE', 'no API keys in it', {
      file: source,
      hint: 'One key per line, or sha256:<hex> of a key',
    });
  return entries;
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), if any. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer +(\S+) *$/i.exec(header);
  return m ? m[1] : undefined;
}
