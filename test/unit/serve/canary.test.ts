import { describe, expect, it } from 'vitest';
import { fnv1a32, routesToCanary } from '../../../src/core/serve/canary.js';

describe('canary routing', () => {
  it('hashes with FNV-1a 32 (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('sends exactly the weight of id-less requests to the canary', () => {
    for (const w of [0.1, 0.25, 0.5, 0.9]) {
      let n = 0;
      for (let i = 0; i < 1000; i++) if (routesToCanary(w, undefined, i)) n++;
      expect(n).toBe(Math.round(1000 * w));
    }
  });

  it('routes an id the same way every time, at about the weight across ids', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `req-${i}`);
    const first = ids.map((id) => routesToCanary(0.2, id, 0));
    expect(ids.map((id, k) => routesToCanary(0.2, id, 1000 + k))).toEqual(first);
    const share = first.filter(Boolean).length / ids.length;
    // Binomial sd for n=4000, p=0.2 is 0.0063; 4 sd either side.
    expect(Math.abs(share - 0.2)).toBeLessThan(0.026);
  });

  it('never or always routes at weights 0 and 1', () => {
    expect(routesToCanary(0, 'x', 3)).toBe(false);
    expect(routesToCanary(1, 'x', 3)).toBe(true);
  });
});
