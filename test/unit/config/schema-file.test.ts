import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema/index.js';
import { contractSchema } from '../../../src/core/contract/schema.js';
import { generatedValidators } from '../../../scripts/validators.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const file = new URL('../../../schema/modelci.schema.json', import.meta.url);

describe('schema/modelci.schema.json', () => {
  it('is the schema the loader uses (UPDATE_SCHEMA=1 npm test rewrites it)', () => {
    const expected = JSON.stringify(configSchema, null, 2) + '\n';
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});

describe('schema/contract.schema.json', () => {
  it('is the schema contract files are checked with (UPDATE_SCHEMA=1 npm test rewrites it)', () => {
    const target = new URL('../../../schema/contract.schema.json', import.meta.url);
    const expected = JSON.stringify(contractSchema, null, 2) + '\n';
    if (process.env.UPDATE_SCHEMA) writeFileSync(target, expected);
    expect(readFileSync(target, 'utf8')).toBe(expected);
  });
});

describe('precompiled validators (src/*/generated/)', () => {
  for (const { path, content } of generatedValidators()) {
    it(`${path} is compiled from the current schema (UPDATE_SCHEMA=1 rewrites it)`, () => {
      const target = root + path;
      if (process.env.UPDATE_SCHEMA) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
      expect(readFileSync(target, 'utf8')).toBe(content);
    });
  }
});
