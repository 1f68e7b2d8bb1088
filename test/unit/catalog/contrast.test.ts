import { describe, expect, it } from 'vitest';
import { STYLESHEET } from '../../../src/core/catalog/assets.js';

/** The custom properties of one `:root{...}` block of the stylesheet. */
function palette(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([a-z]+):(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const light = palette(/:root\{([^}]*)\}/.exec(STYLESHEET)![1]!);
const dark = palette(/prefers-color-scheme:dark\)\{:root\{([^}]*)\}/.exec(STYLESHEET)![1]!);

describe.each([
  ['light', light],
  ['dark', dark],
])('%s colour scheme', (_, c) => {
  it('defines every colour the pages use', () => {
    for (const k of [
      'bg',
      'fg',
      'muted',
      'border',
      'surface',
      'accent',
      'ok',
      'bad',
      'warn',
      'mark',
    ])
      expect(c[k], k).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(['fg', 'muted', 'accent', 'ok', 'bad', 'warn', 'mark'])(
    'text in %s reaches WCAG AA (4.5:1) on the page and on cards',
    (k) => {
      expect(contrast(c[k]!, c.bg!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c[k]!, c.surface!)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
