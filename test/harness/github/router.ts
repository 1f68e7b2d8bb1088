import type { ApiDescription, HttpMethod, Operation } from './openapi.js';
import type { Route } from './route.js';

// Matches a request path against the routes' OpenAPI templates. Parameters marked
// `x-multi-segment` (a git ref, a file path) may span slashes; others are one decoded segment.

export interface CompiledRoute {
  route: Route;
  op: Operation;
  segments: { literal?: string; param?: string; rest?: boolean }[];
  literals: number;
}

export function compileRoutes(routes: Route[], api: ApiDescription): CompiledRoute[] {
  const compiled = routes.map((route) => {
    const op = api.operation(route.method, route.path);
    if (!op)
      throw new Error(
        `stand-in route ${route.method} ${route.path} is not in the OpenAPI subset; add its operationId to scripts/openapi-subset.mjs`,
      );
    const multi = new Set(op.parameters.filter((p) => p.multiSegment).map((p) => p.name));
    const parts = route.path.split('/').slice(1);
    const segments = parts.map((s, i) => {
      const m = /^\{(.+)\}$/.exec(s);
      if (!m) return { literal: s };
      const param = m[1] as string;
      return { param, rest: multi.has(param) && i === parts.length - 1 };
    });
    return { route, op, segments, literals: segments.filter((s) => s.literal).length };
  });
  // Literal segments win over parameters: /releases/tags/{tag} before /releases/{release_id}.
  return compiled.sort((a, b) => b.literals - a.literals);
}

export function matchRoute(
  routes: CompiledRoute[],
  method: HttpMethod,
  path: string,
): { route: Route; op: Operation; params: Record<string, string> } | undefined {
  const parts = path.split('/').slice(1);
  for (const c of routes) {
    if (c.route.method !== method) continue;
    const params = matchSegments(c, parts);
    if (params) return { route: c.route, op: c.op, params };
  }
  return undefined;
}

function matchSegments(c: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < c.segments.length; i++) {
    const seg = c.segments[i]!;
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    if (seg.literal !== undefined) {
      if (seg.literal !== part) return undefined;
      continue;
    }
    if (seg.rest) {
      params[seg.param!] = parts.slice(i).map(decode).join('/');
      return params;
    }
    params[seg.param!] = decode(part);
  }
  return parts.length === c.segments.length ? params : undefined;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
