import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runServe, type ServeHandle } from '../../../src/commands/serve.js';
import { loggedRequests, type LogCell } from '../../../src/core/serve/prediction-rows.js';
import { buildOnnxModel } from '../../../src/onnx/build.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import {
  clfRequest,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import {
  CLASSIFIER_V1,
  CLASSIFIER_V2,
  predictClassifier,
  writeClassifier,
} from '../../harness/onnx-models.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';
import { tempDir } from '../../harness/temp.js';

let t: TestServer | undefined;
let handle: ServeHandle | undefined;
afterEach(async () => {
  await t?.close();
  await handle?.close();
  t = undefined;
  handle = undefined;
});

const row = (i: number) => [i / 10, 1 - i / 20, (i % 7) - 3, i % 2];

/** Same inputs as the classifiers ([batch, 4] FP32); Reshape to [3, -1] fails unless 3 divides 4·batch. */
function failingShadow(file: string): string {
  writeFileSync(
    file,
    buildOnnxModel(
      {
        name: 'reshape',
        initializers: [{ name: 'to', type: 'int64', dims: [2], values: [3, -1] }],
        nodes: [{ op: 'Reshape', inputs: ['input', 'to'], outputs: ['out'] }],
        inputs: [{ name: 'input', type: 'float', shape: ['batch', 4] }],
        outputs: [{ name: 'out', type: 'float', shape: [3, null] }],
      },
      { opsets: { '': 13 } },
    ),
  );
  return file;
}

async function shadowRuns(url: string): Promise<Record<string, number>> {
  const fam = parsePrometheusText(await (await fetch(`${url}/metrics`)).text()).get(
    'modelci_serve_shadow_runs_total',
  );
  const out: Record<string, number> = {};
  for (const s of fam?.samples ?? [])
    out[s.labels.outcome!] = (out[s.labels.outcome!] ?? 0) + s.value;
  return out;
}

function logRows(file: string): Record<string, LogCell>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, LogCell>);
}

describe('shadow', () => {
  it('runs every request on the shadow after the stable answer, logged under the same request', async () => {
    const dir = tempDir('modelci-shadow-');
    const logFile = join(dir, 'predictions.jsonl');
    t = await startTestServer({ predictionLog: new PredictionLog(logFile) });
    const load = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: t.v2, version: '2.0.0', shadow: true },
    });
    expect(load.status).toBe(200);
    const n = 30;
    for (let i = 0; i < n; i++) {
      const res = await postJson(
        `${t.url}/v2/models/clf/infer`,
        clfRequest([row(i), row(i + 1)], { id: `r${i}` }),
      );
      expect(res.status).toBe(200);
      // The answer is always the stable version's.
      expect(res.json.model_version).toBe('1.0.0');
      const label = (res.json.outputs as { data: number[] }[])[1]!.data;
      expect(label).toEqual(
        [row(i), row(i + 1)].map((r) => predictClassifier(CLASSIFIER_V1, r).label),
      );
    }
    // A request to the shadow's version by name is not answered: the shadow never answers.
    expect(
      (await postJson(`${t.url}/v2/models/clf/versions/2.0.0/infer`, clfRequest([row(1)]))).status,
    ).toBe(404);
    await t.server.shadows.idle();
    await t.server.options.predictionLog!.flush();
    expect(await shadowRuns(t.url)).toEqual({ ok: n });

    const requests = loggedRequests(logRows(logFile));
    const stable = requests.filter((r) => r.role === 'stable');
    const shadow = requests.filter((r) => r.role === 'shadow');
    expect(stable).toHaveLength(n);
    expect(shadow).toHaveLength(n);
    for (const s of stable) {
      const twin = shadow.find((x) => x.request === s.request)!;
      expect(twin.id).toBe(s.id);
      expect(twin.version).toBe('2.0.0');
      expect(twin.ms).toBeGreaterThan(0);
      expect(s.weight).toBe(0);
      // The shadow's outputs are its own model's, on the same inputs.
      const i = Number(s.id!.slice(1));
      expect(twin.rows.map((r) => r['_out.label'])).toEqual(
        [row(i), row(i + 1)].map((r) => predictClassifier(CLASSIFIER_V2, r).label),
      );
      expect(s.rows.map((r) => r['input.0'])).toEqual(twin.rows.map((r) => r['input.0']));
    }
    const index = await postJson(`${t.url}/v2/repository/index`, {});
    expect(index.json).toContainEqual({
      name: 'clf',
      version: '2.0.0',
      state: 'READY',
      reason: 'shadow',
    });
    const info = parsePrometheusText(await (await fetch(`${t.url}/metrics`)).text()).get(
      'modelci_serve_model_info',
    )!;
    expect(info.samples.map((s) => `${s.labels.role}:${s.labels.version}`).sort()).toEqual([
      'shadow:2.0.0',
      'stable:1.0.0',
    ]);

    // Unloading the shadow stops the second runs.
    expect(
      (
        await postJson(`${t.url}/v2/repository/models/clf/unload`, {
          parameters: { role: 'shadow' },
        })
      ).status,
    ).toBe(200);
    expect((await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([row(1)]))).status).toBe(200);
    await t.server.shadows.idle();
    expect(await shadowRuns(t.url)).toEqual({ ok: n });
  });

  it('keeps the answers when the shadow fails on every request, and counts the failures', async () => {
    const dir = tempDir('modelci-shadow-fail-');
    const logFile = join(dir, 'predictions.jsonl');
    const lines: string[] = [];
    t = await startTestServer({
      predictionLog: new PredictionLog(logFile),
      log: (l) => lines.push(l),
    });
    await t.server.load(
      { name: 'clf', version: 'broken', file: failingShadow(join(dir, 'reshape.onnx')) },
      { shadow: true },
    );
    const n = 12;
    for (let i = 0; i < n; i++) {
      const res = await postJson(
        `${t.url}/v2/models/clf/infer`,
        clfRequest([row(i)], { id: `f${i}` }),
      );
      expect(res.status).toBe(200);
      expect(res.json.model_version).toBe('1.0.0');
    }
    await t.server.shadows.idle();
    await t.server.options.predictionLog!.flush();
    expect(await shadowRuns(t.url)).toEqual({ failed: n });
    // The answers' metrics see no error; the log has the answers and no shadow rows.
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(parsePrometheusText(text).get('modelci_serve_errors_total')?.samples ?? []).toEqual([]);
    const roles = loggedRequests(logRows(logFile)).map((r) => r.role);
    expect(roles).toEqual(Array(n).fill('stable'));
    // Logged on the 1st and 10th failure, not on each.
    expect(lines.filter((l) => l.includes('shadow clf broken failed'))).toHaveLength(2);
  });

  it('answers every request when more arrive than the shadow queue holds, dropping and counting shadow runs', async () => {
    t = await startTestServer({ shadowQueue: 1 });
    await t.server.load({ name: 'clf', version: '2.0.0', file: t.v2 }, { shadow: true });
    const n = 40;
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        postJson(`${t!.url}/v2/models/clf/infer`, clfRequest([row(i)])),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(n).fill(200));
    await t.server.shadows.idle();
    const runs = await shadowRuns(t.url);
    expect((runs.ok ?? 0) + (runs.dropped ?? 0)).toBe(n);
    expect(runs.failed).toBeUndefined();
  });

  it('refuses a shadow whose inputs differ from the stable version, and keeps serving', async () => {
    const dir = tempDir('modelci-shadow-inputs-');
    t = await startTestServer({ allowModelDirs: [dir] });
    const wide = join(dir, 'wide.onnx');
    writeClassifier(wide, { weights: [...CLASSIFIER_V2.weights, [1, 1]], bias: [0, 0] });
    const res = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: wide, version: '3.0.0', shadow: true },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(
      /cannot serve beside 1\.0\.0: its inputs are input FP32 \[-1, 5\]; the served version takes input FP32 \[-1, 4\]/,
    );
    expect(t.server.model('clf')!.shadow).toBeUndefined();
    expect((await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([row(1)]))).status).toBe(200);
    expect(
      (
        await postJson(`${t.url}/v2/repository/models/clf/load`, {
          parameters: { uri: t.v2, shadow: 'yes' },
        })
      ).status,
    ).toBe(400);
  });

  it('starts with --shadow name=file beside the stable version (runServe)', async () => {
    const dir = tempDir('modelci-shadow-serve-');
    const v1 = writeClassifier(join(dir, 'v1.onnx'), CLASSIFIER_V1);
    const v2 = writeClassifier(join(dir, 'v2.onnx'), CLASSIFIER_V2);
    await expect(
      runServe({
        port: 0,
        models: [{ name: 'clf', version: '1', file: v1 }],
        shadows: [{ name: 'other', version: '2', file: v2 }],
      }),
    ).rejects.toThrow(/shadow for "other", which is not served/);
    handle = await runServe({
      port: 0,
      models: [{ name: 'clf', version: '1', file: v1 }],
      shadows: [{ name: 'clf', version: '2', file: v2 }],
    });
    expect(handle.server.model('clf')!.shadow!.version).toBe('2');
    expect(
      (await postJson(`${handle.url}/v2/models/clf/infer`, clfRequest([row(3)]))).json
        .model_version,
    ).toBe('1');
    await handle.server.shadows.idle();
    expect(await shadowRuns(handle.url)).toEqual({ ok: 1 });
  });
});
