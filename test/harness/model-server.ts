// Starts the real inference server in-process on loopback with real ONNX models, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelServer, type ModelServerOptions } from '../../src/serve/server.js';
import { CLASSIFIER_V1, CLASSIFIER_V2, writeClassifier } from './onnx-models.js';

export interface TestServer {
  server: ModelServer;
  url: string;
  dir: string;
  v1: string;
  v2: string;
  close(): Promise<void>;
}

/**
 * A server with model `clf` version `1.0.0` (CLASSIFIER_V1); `v2` is a file ready to swap in. The
 * repository API may load files from the server's own folder (`dir`) unless `allowModelDirs` says
 * otherwise.
 */
export async function startTestServer(options: ModelServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'modelci-serve-'));
  const v1 = writeClassifier(join(dir, 'v1.onnx'), CLASSIFIER_V1);
  const v2 = writeClassifier(join(dir, 'v2.onnx'), CLASSIFIER_V2);
  const server = new ModelServer({ port: 0, allowModelDirs: [dir], ...options });
  await server.load({ name: 'clf', version: '1.0.0', file: v1 });
  const url = await server.listen();
  return {
    server,
    url,
    dir,
    v1,
    v2,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export async function getJson(
  url: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** An infer request body for `clf` with the given rows. */
export function clfRequest(rows: number[][], extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    inputs: [{ name: 'input', shape: [rows.length, 4], datatype: 'FP32', data: rows }],
  };
}
