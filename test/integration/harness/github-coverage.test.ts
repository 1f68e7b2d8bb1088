import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadApiDescription } from '../../harness/github/openapi.js';
import { ROUTES } from '../../harness/github/routes/index.js';

// The committed OpenAPI subset and the stand-in's routes describe the same operations, so the
// subset never carries unserved operations and no route goes unvalidated.
describe('OpenAPI subset coverage', () => {
  it('has exactly one route per operation in the subset', () => {
    const api = loadApiDescription();
    const served = ROUTES.map(
      (r) => api.operation(r.method, r.path)?.operationId ?? `${r.method} ${r.path}`,
    );
    expect(new Set(served).size).toBe(served.length);
    expect([...served].sort()).toEqual(
      api
        .operations()
        .map((o) => o.operationId)
        .sort(),
    );
  });

  it('records the @octokit/openapi version it was cut from', () => {
    const api = loadApiDescription();
    expect(api.octokitOpenapiVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const script = readFileSync(
      new URL('../../../scripts/openapi-subset.mjs', import.meta.url),
      'utf8',
    );
    expect(script).toContain('OPERATIONS');
  });
});
