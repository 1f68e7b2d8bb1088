import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with `npm run docs`
import { updateReadme } from '../../../scripts/action-docs.mjs';

const root = new URL('../../../', import.meta.url).pathname;

it("README's action tables match every action.yml (run `npm run docs` to update)", () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  expect(readme).toBe(updateReadme(root, readme));
});
