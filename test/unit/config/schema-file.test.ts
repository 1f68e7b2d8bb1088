import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema/index.js';

const file = new URL('../../../schema/modelci.schema.json', import.meta.url);

describe('schema/modelci.schema.json', () => {
  it('is the schema the loader uses (UPDATE_SCHEMA=1 npm test rewrites it)', () => {
    const expected = JSON.stringify(configSchema, null, 2) + '\n';
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
