import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { routesToCanary } from '../../../src/core/serve/canary.js';
import { routingPoint } from '../../../src/serve/routing-point.js';

const canaryCount = (ids: string[], weight: number) =>
  ids.filter((id, k) => routesToCanary(weight, routingPoint(id), k)).length;

describe('canary routing', () => {
  it('places an id where Python hashlib does (first 48 bits of SHA-256)', () => {
    const ids = ['req-0', 'user-17', 'é', '1'];
    const python = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import hashlib,sys,json\nprint(json.dumps([int.from_bytes(hashlib.sha256(s.encode()).digest()[:6],"big")/2**48 for s in sys.argv[1:]]))',
        ...ids,
      ],
      { encoding: 'utf8' },
    );
    expect(ids.map(routingPoint)).toEqual(JSON.parse(python));
    expect(routingPoint(undefined)).toBeUndefined();
    expect(routingPoint('')).toBeUndefined();
  });

  it('sends exactly the weight of id-less requests to the canary', () => {
    for (const w of [0.1, 0.25, 0.5, 0.9]) {
      let n = 0;
      for (let i = 0; i < 1000; i++) if (routesToCanary(w, undefined, i)) n++;
      expect(n).toBe(Math.round(1000 * w));
    }
  });

  // FNV-1a without a finalizer sent 207 of req-0…req-999 to a 0.3 canary and 18 of r0…r19.
  it('splits 10,000 sequential ids of any scheme within 4 binomial sd of the weight', () => {
    const n = 10_000;
    const schemes = [
      (i: number) => `req-${i}`,
      (i: number) => `r${i}`,
      (i: number) => String(i),
      (i: number) => `order/2026-12-01/${String(i).padStart(8, '0')}`,
    ];
    for (const scheme of schemes) {
      const ids = Array.from({ length: n }, (_, i) => scheme(i));
      for (const w of [0.05, 0.3, 0.5]) {
        const sd = Math.sqrt(n * w * (1 - w));
        expect(Math.abs(canaryCount(ids, w) - n * w), `${scheme(0)} at ${w}`).toBeLessThan(4 * sd);
      }
    }
    // The short run that FNV-1a got wrong: 20 ids at 0.3 stay within 4 sd too.
    const few = Array.from({ length: 20 }, (_, i) => `r${i}`);
    expect(Math.abs(canaryCount(few, 0.3) - 6)).toBeLessThan(4 * Math.sqrt(20 * 0.3 * 0.7));
  });

  it('routes an id the same way every time', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    const first = ids.map((id) => routesToCanary(0.2, routingPoint(id), 0));
    expect(ids.map((id, k) => routesToCanary(0.2, routingPoint(id), 1000 + k))).toEqual(first);
  });

  it('never or always routes at weights 0 and 1', () => {
    expect(routesToCanary(0, routingPoint('x'), 3)).toBe(false);
    expect(routesToCanary(1, routingPoint('x'), 3)).toBe(true);
  });
});
