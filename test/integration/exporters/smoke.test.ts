// Deploy smoke samples on the exporter corpus: evaluate records the first rows' answers with
// serve's own loader, and a running server answers the same (deploy's smoke test passes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluate } from '../../../src/commands/evaluate.js';
import { readSmokeSamples, runSmokeTest } from '../../../src/deploy/smoke.js';
import { ModelServer } from '../../../src/serve/server.js';
import {
  corpusModels,
  corpusPath,
  offReference,
  REFERENCE_TOLERANCE,
} from '../../harness/exporter-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-corpus-smoke-'));
let server: ModelServer;
let url: string;

beforeAll(async () => {
  server = new ModelServer({ port: 0 });
  url = await server.listen();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('smoke samples recorded at evaluation pass against the served model', () => {
  for (const m of corpusModels)
    it(m.name, async () => {
      const file = join(dir, `${m.name}.jsonl`);
      const { smokeSamples } = await runEvaluate({
        model: corpusPath(m.name),
        data: corpusPath(m.data),
        label: m.label,
        bootstrap: { resamples: 0 },
        smokeSamples: { file, count: 5 },
      });
      expect(smokeSamples).toEqual({ file, count: 5 });
      const samples = readSmokeSamples(file);
      // What was recorded is what scikit-learn / PyTorch computes for those rows.
      samples.forEach((s, i) => {
        const [name, values] = Object.entries(s.outputs).find(([o]) =>
          m.task === 'regression' ? o === 'variable' : /prob/.test(o),
        )!;
        const want =
          m.task === 'regression'
            ? [m.values![i]!]
            : values.length === 1
              ? [m.probabilities![i]![1]!]
              : m.probabilities![i]!;
        expect(values, `${name} row ${i}`).toHaveLength(want.length);
        values.forEach((v, j) =>
          expect(offReference(v as number, want[j]!)).toBeLessThan(REFERENCE_TOLERANCE),
        );
      });
      const name = m.name.replace(/\.onnx$/, '');
      await server.load({ name, version: '1', file: corpusPath(m.name) });
      const result = await runSmokeTest({
        url,
        model: name,
        version: '1',
        samples,
        tolerance: 1e-6,
      });
      expect(result.checks.filter((c) => !c.passed)).toEqual([]);
      expect(result.latencies).toHaveLength(5);
    });
});
