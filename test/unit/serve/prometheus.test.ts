import { describe, expect, it } from 'vitest';
import { Counter, Histogram } from '../../../src/core/serve/prometheus.js';

describe('metric series', () => {
  it('are one series per label set, whatever order the labels come in', () => {
    const c = new Counter('t_total', 'test');
    c.inc({ model: 'm', code: '200' });
    c.inc({ code: '200', model: 'm' }, 2);
    expect(c.get({ model: 'm', code: '200' })).toBe(3);
    expect(c.render().filter((l) => !l.startsWith('#'))).toEqual([
      't_total{model="m",code="200"} 3',
    ]);
  });

  it('keep label sets apart whose values hold the key separators', () => {
    const c = new Counter('t_total', 'test');
    // Without a delimited value, a="x,b=1:y" and a="x" + b="y" could collide.
    c.inc({ a: 'x,b=1:y' });
    c.inc({ a: 'x,b=y' }, 13);
    c.inc({ a: 'x', b: 'y' }, 5);
    c.inc({ a: '1:x', b: '' }, 7);
    c.inc({ a: '', b: '1:x' }, 11);
    expect(c.get({ a: 'x,b=1:y' })).toBe(1);
    expect(c.get({ a: 'x,b=y' })).toBe(13);
    expect(c.get({ b: 'y', a: 'x' })).toBe(5);
    expect(c.get({ a: '1:x', b: '' })).toBe(7);
    expect(c.get({ a: '', b: '1:x' })).toBe(11);
    const h = new Histogram('t_seconds', 'test', [1]);
    h.observe({ z: '1', a: '2' }, 0.5);
    h.observe({ a: '2', z: '1' }, 2);
    expect(h.render().filter((l) => l.includes('_count'))).toEqual([
      't_seconds_count{z="1",a="2"} 2',
    ]);
  });
});
