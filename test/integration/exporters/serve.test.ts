// Every model of the exporter corpus served by the Open Inference Protocol server: the answers
// equal what scikit-learn / PyTorch computes on the holdout rows (float32 precision).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetadataTensor } from '../../../src/core/serve/protocol.js';
import { ModelServer } from '../../../src/serve/server.js';
import {
  corpusModels,
  corpusPath,
  holdoutRequest,
  offReference,
  REFERENCE_TOLERANCE,
  type CorpusModel,
} from '../../harness/exporter-corpus.js';
import { getJson, postJson } from '../../harness/model-server.js';

let server: ModelServer;
let url: string;

const served = (m: CorpusModel): string => m.name.replace(/\.onnx$/, '');

beforeAll(async () => {
  server = new ModelServer({ port: 0 });
  for (const m of corpusModels)
    await server.load({ name: served(m), version: '1', file: corpusPath(m.name) });
  url = await server.listen();
});
afterAll(() => server.close());

interface Output {
  name: string;
  datatype: string;
  shape: number[];
  data: (number | string)[];
}

async function infer(
  m: CorpusModel,
): Promise<{ meta: Record<string, unknown>; outputs: Output[] }> {
  const meta = (await getJson(`${url}/v2/models/${served(m)}`)).json;
  const res = await postJson(`${url}/v2/models/${served(m)}/infer`, {
    inputs: holdoutRequest(m, meta.inputs as MetadataTensor[]),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return { meta, outputs: res.json.outputs as Output[] };
}

describe('serve answers as scikit-learn and PyTorch do on every corpus model', () => {
  for (const m of corpusModels)
    it(`${m.name}: ${m.exercises}`, async () => {
      const { outputs } = await infer(m);
      const rows = m.task === 'regression' ? m.values!.length : m.probabilities!.length;
      if (m.task === 'regression') {
        const value = outputs.find((o) => o.name === 'variable')!;
        expect(value).toMatchObject({ datatype: 'FP32', shape: [rows, 1] });
        value.data.forEach((v, i) =>
          expect(offReference(v as number, m.values![i]!), `row ${i}`).toBeLessThan(
            REFERENCE_TOLERANCE,
          ),
        );
        return;
      }
      const proba = outputs.find((o) => /prob/.test(o.name))!;
      const k = m.classes!.length;
      const width = proba.shape[1] ?? 1;
      expect(proba.shape).toEqual(width === 1 ? [rows, 1] : [rows, k]);
      expect(proba.datatype).toMatch(/^FP(32|64)$/);
      m.probabilities!.forEach((row, i) => {
        if (width === 1)
          expect(Math.abs((proba.data[i] as number) - row[1]!)).toBeLessThan(REFERENCE_TOLERANCE);
        else
          row.forEach((p, j) =>
            expect(Math.abs((proba.data[i * k + j] as number) - p)).toBeLessThan(
              REFERENCE_TOLERANCE,
            ),
          );
      });
      const label = outputs.find((o) => /label/.test(o.name));
      if (!label) return; // the PyTorch exports give probabilities only
      const strings = typeof m.classes![0] === 'string';
      expect(label.datatype).toBe(strings ? 'BYTES' : 'INT64');
      expect(label.shape).toEqual([rows]);
      expect(label.data).toEqual(m.predictions);
    });
});

describe('what the metadata says about exporters’ inputs and outputs', () => {
  it('one input per column keeps each column’s datatype; ZipMap becomes its probability tensor', async () => {
    const meta = (await getJson(`${url}/v2/models/wine_columns_pipeline`)).json;
    expect(meta.inputs).toEqual([
      { name: 'alcohol', datatype: 'FP32', shape: [-1, 1] },
      { name: 'malic_acid', datatype: 'FP32', shape: [-1, 1] },
      { name: 'magnesium', datatype: 'INT64', shape: [-1, 1] },
      { name: 'color_band', datatype: 'BYTES', shape: [-1, 1] },
      { name: 'hue', datatype: 'FP32', shape: [-1, 1] },
    ]);
    expect(meta.outputs).toEqual([
      { name: 'output_label', datatype: 'INT64', shape: [-1] },
      { name: 'output_probability', datatype: 'FP32', shape: [-1, 3] },
    ]);
  });

  it('a double-typed export takes and gives FP64', async () => {
    const meta = (await getJson(`${url}/v2/models/bc_logreg_double`)).json;
    expect(meta.inputs).toEqual([{ name: 'float_input', datatype: 'FP64', shape: [-1, 30] }]);
    expect(meta.outputs).toEqual([
      { name: 'label', datatype: 'INT64', shape: [-1] },
      { name: 'probabilities', datatype: 'FP64', shape: [-1, 2] },
    ]);
  });

  it('string class labels come back as BYTES, one per row, in a single-row request too', async () => {
    const m = corpusModels.find((c) => c.name === 'wine_extra_trees_strings.onnx')!;
    const meta = (await getJson(`${url}/v2/models/wine_extra_trees_strings`)).json;
    const res = await postJson(`${url}/v2/models/wine_extra_trees_strings/infer`, {
      inputs: holdoutRequest(m, meta.inputs as MetadataTensor[], 3, 4),
    });
    const label = (res.json.outputs as Output[]).find((o) => o.name === 'output_label');
    expect(label).toEqual({
      name: 'output_label',
      datatype: 'BYTES',
      shape: [1],
      data: [m.predictions![3]],
    });
  });
});
