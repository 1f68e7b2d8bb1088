import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFile } from '../../../src/commands/profile.js';
import { predictionRows } from '../../../src/core/serve/prediction-rows.js';
import { tempDir } from '../../harness/temp.js';

describe('profile of a prediction log', () => {
  it("counts the answered rows only: a shadow's rows repeat the same requests", async () => {
    const file = join(tempDir('modelci-profile-log-'), 'predictions.jsonl');
    const rows = [0, 1, 2].flatMap((k) =>
      (['stable', 'shadow'] as const).flatMap((role) =>
        predictionRows({
          ts: '2026-01-01T00:00:00.000Z',
          model: 'clf',
          version: role === 'stable' ? '1.0.0' : '2.0.0',
          role,
          request: `r-${k}`,
          id: `id-${k}`,
          inputs: [{ name: 'x', datatype: 'FP32', shape: [2], values: [k, k + 10] }],
          outputs: [
            { name: 'y', datatype: 'FP32', shape: [2], data: [role === 'shadow' ? 99 : k, k] },
          ],
        }),
      ),
    );
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { profile } = await profileFile(file);
    expect(profile.rows).toBe(6);
    // The shadow's outputs (99) are not in the profile of what production answered.
    expect(profile.columns.get('_out.y')!.numeric).toBe(6);
    expect(profile.columns.get('_out.y')!.moments.max).toBeLessThan(99);
  });
});
