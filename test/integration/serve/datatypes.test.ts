import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnnxModel, linearClassifierModel } from '../../../src/onnx/build.js';
import { ModelServer } from '../../../src/serve/server.js';
import { postJson, getJson } from '../../harness/model-server.js';
import { echoModelOnnx } from '../../harness/onnx-models.js';
import { tempDir } from '../../harness/temp.js';

let server: ModelServer;
let url: string;

beforeAll(async () => {
  const dir = tempDir('modelci-dtypes-');
  writeFileSync(join(dir, 'echo.onnx'), echoModelOnnx());
  // A logistic regression the way skl2onnx writes it (ai.onnx.ml LinearClassifier, no ZipMap).
  writeFileSync(
    join(dir, 'lr.onnx'),
    linearClassifierModel({ coef: [[1, -2, 0.5]], intercept: [0.25], classes: [0, 1] }),
  );
  // y = log(x): -Infinity at 0, NaN below it; a float32 graph.
  writeFileSync(
    join(dir, 'log.onnx'),
    buildOnnxModel(
      {
        name: 'log',
        nodes: [{ op: 'Log', inputs: ['x'], outputs: ['y'] }],
        inputs: [{ name: 'x', type: 'float', shape: ['n'] }],
        outputs: [{ name: 'y', type: 'float', shape: ['n'] }],
      },
      { opsets: { '': 13 } },
    ),
  );
  server = new ModelServer({ port: 0 });
  await server.load({ name: 'log', version: '1', file: join(dir, 'log.onnx') });
  await server.load({ name: 'echo', version: '1', file: join(dir, 'echo.onnx') });
  await server.load({ name: 'lr', version: '1', file: join(dir, 'lr.onnx') });
  url = await server.listen();
});
afterAll(() => server.close());

describe('datatypes between JSON and onnxruntime', () => {
  it('round-trips INT64, BOOL, BYTES and FP64', async () => {
    const res = await postJson(`${url}/v2/models/echo/infer`, {
      inputs: [
        { name: 'ids', shape: [3], datatype: 'INT64', data: [1, -2, 9007199254740991] },
        { name: 'flags', shape: [3], datatype: 'BOOL', data: [true, false, true] },
        { name: 'words', shape: [3], datatype: 'BYTES', data: ['a', 'é', ''] },
        {
          name: 'x',
          shape: [3, 2],
          datatype: 'FP64',
          data: [
            [0.1, 1],
            [2, 3],
            [4, 5],
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.outputs).toEqual([
      { name: 'ids_out', datatype: 'INT64', shape: [3], data: [1, -2, 9007199254740991] },
      { name: 'flags_out', datatype: 'BOOL', shape: [3], data: [false, true, false] },
      { name: 'words_out', datatype: 'BYTES', shape: [3], data: ['a', 'é', ''] },
      { name: 'x_out', datatype: 'FP64', shape: [3, 2], data: [0.2, 2, 4, 6, 8, 10] },
    ]);
  });

  it('serves an skl2onnx-style logistic regression', async () => {
    const meta = await getJson(`${url}/v2/models/lr`);
    expect(meta.json.inputs).toEqual([{ name: 'float_input', datatype: 'FP32', shape: [-1, 3] }]);
    const res = await postJson(`${url}/v2/models/lr/infer`, {
      inputs: [{ name: 'float_input', shape: [1, 3], datatype: 'FP32', data: [1, 1, 1] }],
    });
    // sigmoid(1 - 2 + 0.5 + 0.25) = sigmoid(-0.25)
    const p1 = 1 / (1 + Math.exp(0.25));
    const outputs = res.json.outputs as { name: string; data: number[] }[];
    expect(outputs.find((o) => o.name === 'label')!.data).toEqual([0]);
    const probs = outputs.find((o) => o.name === 'probabilities')!.data;
    expect(probs[0]).toBeCloseTo(1 - p1, 6);
    expect(probs[1]).toBeCloseTo(p1, 6);
  });

  it('answers ±Infinity and NaN outputs as the strings the protocol allows, never null', async () => {
    const res = await postJson(`${url}/v2/models/log/infer`, {
      inputs: [{ name: 'x', shape: [3], datatype: 'FP32', data: [1, 0, -1] }],
    });
    expect(res.status).toBe(200);
    expect(res.json.outputs).toEqual([
      { name: 'y', datatype: 'FP32', shape: [3], data: [0, '-Infinity', 'NaN'] },
    ]);
  });

  it('refuses an FP32 input value that overflows float32 with 400', async () => {
    const res = await postJson(`${url}/v2/models/log/infer`, {
      inputs: [{ name: 'x', shape: [2], datatype: 'FP32', data: [1, 1e39] }],
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe(
      'input "x": element 1 is 1e+39, but datatype FP32 needs a number within ±3.4028234663852886e+38 (larger values overflow to infinity in float32)',
    );
  });
});
