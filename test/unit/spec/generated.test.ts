import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedSpecFiles } from '../../../scripts/specs.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('files generated from the option specs', async () => {
  for (const { path, content } of await generatedSpecFiles()) {
    it(`${path} is current (UPDATE_SPECS=1 rewrites it)`, () => {
      const target = root + path;
      if (process.env.UPDATE_SPECS) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
      expect(readFileSync(target, 'utf8')).toBe(content);
    });
  }
});
