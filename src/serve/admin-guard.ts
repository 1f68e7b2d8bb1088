import type { IncomingMessage } from 'node:http';
import { ProtocolError } from '../core/serve/protocol.js';
import type { SecretSet } from './secrets.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Host names that resolve to this machine whatever DNS says (not a rebinding target). */
export function isLoopbackName(host: string): boolean {
  return (
    LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || host.endsWith('.localhost')
  );
}

/** `Host` header without the port: `[::1]:8080` -> `[::1]`, `localhost:80` -> `localhost`. */
function hostName(hostHeader: string): string {
  return hostHeader.startsWith('[')
    ? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
    : hostHeader.split(':')[0]!;
}

/**
 * Who may use the repository API (loads swap what answers production traffic). With an admin
 * token: `Authorization: Bearer <token>`, on every interface, loopback included. Without one: only
 * a server bound to loopback, and only requests that a web page cannot make a browser send
 * cross-site: `Content-Type: application/json` (not a CORS "simple" type, so a browser asks first
 * and this server never says yes), no foreign `Origin` or `Sec-Fetch-Site`, and a loopback `Host`
 * (a DNS-rebound name fails).
 */
export function checkAdminAccess(
  req: IncomingMessage,
  opts: { token: SecretSet | undefined; boundHost: string },
): void {
  if (opts.token) {
    const who = opts.token.check(req.headers.authorization);
    if (who === 'missing' || who === 'invalid')
      throw new ProtocolError(
        401,
        'the repository API needs "Authorization: Bearer <admin token>"',
        // RFC 6750: every 401 names the scheme; a wrong token also says so.
        {
          'www-authenticate':
            who === 'missing'
              ? 'Bearer realm="modelci-admin"'
              : 'Bearer realm="modelci-admin", error="invalid_token"',
        },
      );
    return;
  }
  if (!isLoopbackName(opts.boundHost))
    throw new ProtocolError(
      403,
      'the repository API is disabled: start the server with an admin token (--admin-token-file or MODELCI_SERVE_ADMIN_TOKEN)',
    );
  const host = req.headers.host ?? '';
  if (!isLoopbackName(hostName(host)))
    throw new ProtocolError(
      403,
      `the repository API answers only Host: localhost or 127.0.0.1 without an admin token (got "${host.slice(0, 100)}")`,
    );
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    throw new ProtocolError(403, 'cross-origin requests to the repository API are refused');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new ProtocolError(403, 'cross-site requests to the repository API are refused');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new ProtocolError(415, 'the repository API takes Content-Type: application/json');
}
