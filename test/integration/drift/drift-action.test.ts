import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// The bundled drift action with a label input that names no column (issue 12: `Cultivar` for
// `cultivar` passed with `drifted: false` and the problem only inside the JSON).
describe('drift action: a label input naming no column', () => {
  it('fails the step with one error line listing the columns; no report is written', async () => {
    const ws = tempDir('modelci-drift-action-');
    const rows = (shift: number) =>
      [
        'age,plan',
        ...Array.from({ length: 60 }, (_, i) => `${20 + i + shift},${i % 2 ? 'a' : 'b'}`),
      ]
        .join('\n')
        .concat('\n');
    writeFileSync(join(ws, 'ref.csv'), rows(0));
    writeFileSync(join(ws, 'cur.csv'), rows(5));
    const r = await runAction('drift', {
      cwd: ws,
      inputs: { reference: 'ref.csv', current: 'cur.csv', label: 'Plan', retrain: 'false' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'cur.csv: label column "Plan" is not in the data. Did you mean "plan"? Columns: age, plan',
    ]);
    expect(r.outputs.drifted).toBeUndefined();
    expect(existsSync(join(ws, 'modelci-drift'))).toBe(false);
  });
});
