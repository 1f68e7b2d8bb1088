import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLASSIFIER_V1,
  CLASSIFIER_V2,
  linearClassifierOnnx,
  writeClassifier,
} from '../../harness/onnx-models.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { tempDir } from '../../harness/temp.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts `modelci serve` (the CLI entry through tsx) and waits for its "listening on" line. */
async function startCli(
  args: string[],
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d.toString();
      const m = /^modelci serve: listening on (http:\/\/\S+)\n/m.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('modelci serve (CLI)', () => {
  it('prints its URL once, serves, and on SIGTERM finishes the in-flight request and exits 0', async () => {
    const dir = tempDir('modelci-cli-');
    const model = writeClassifier(join(dir, 'clf.onnx'));
    const { child, url, stderr } = await startCli(['--model', `clf=${model}`, '--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/v2/health/ready`)).status).toBe(200);

    const body = JSON.stringify({
      id: 'inflight',
      inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4] }],
    });
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    const done = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const half = Math.floor(body.length / 2);
    socket.write(
      `POST /v2/models/clf/infer HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
    );
    await new Promise((r) => setTimeout(r, 100));

    child.kill('SIGTERM');
    while (!stderr().includes('SIGTERM: draining')) await new Promise((r) => setTimeout(r, 20));
    // New connections are refused while the in-flight request is still open.
    await expect(fetch(`${url}/v2/health/live`)).rejects.toThrow();
    expect(child.exitCode).toBeNull();

    socket.write(body.slice(half));
    await done;
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(answer).toMatch(/"id":"inflight"/);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(await exitCode(child)).toBe(0);
  });

  it('fails with a one-line usage error for a bad --model flag and a missing file', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', ...args]);
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const bad = await run(['--model', 'nofile', '--port', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--model "nofile" must look like <name>=<file.onnx>/);
    const missing = await run(['--model', 'x=/nonexistent/m.onnx', '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\/nonexistent\/m.onnx: cannot read model file/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reads API keys, the admin token and limits from files and flags, never from argv secrets', async () => {
    const dir = tempDir('modelci-cli-keys-');
    const model = writeClassifier(join(dir, 'clf.onnx'));
    const key = 'k'.repeat(8) + '0123456789abcdef';
    const other = 'o'.repeat(8) + '0123456789abcdef';
    const keys = join(dir, 'keys.txt');
    const hashed = createHash('sha256').update(other).digest('hex');
    writeFileSync(keys, `# serving keys\n${key}\nsha256:${hashed}\n`);
    const tokenFile = join(dir, 'admin-token');
    writeFileSync(tokenFile, 'admin-0123456789abcdef\n');
    const { child, url, stderr } = await startCli([
      '--artifact',
      `clf=${model}`,
      '--port',
      '0',
      '--api-keys',
      keys,
      '--rate-limit',
      '2/s',
      '--rate-burst',
      '3',
      '--admin-token-file',
      tokenFile,
      '--allow-model-dir',
      dir,
      '--batch-max-rows',
      '32',
    ]);
    const infer = (k?: string) =>
      fetch(`${url}/v2/models/clf/infer`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(k ? { authorization: `Bearer ${k}` } : {}),
        },
        body: JSON.stringify({
          inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4] }],
        }),
      });
    expect((await infer()).status).toBe(401);
    expect((await infer(other)).status).toBe(200);
    const burst = [];
    for (let i = 0; i < 4; i++) burst.push((await infer(key)).status);
    expect(burst).toEqual([200, 200, 200, 429]);
    const load = (token?: string) =>
      fetch(`${url}/v2/repository/models/clf/load`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ parameters: { uri: model, version: '2.0.0' } }),
      });
    expect((await load()).status).toBe(401);
    expect((await load('admin-0123456789abcdef')).status).toBe(200);
    expect(stderr()).not.toContain(key);
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
  });

  it('refuses --admin-token on the command line, where the process list shows it', async () => {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      'src/cli.ts',
      'serve',
      '--artifact',
      'clf=x.onnx',
      '--admin-token',
      'admin-0123456789abcdef',
    ]);
    let err = '';
    child.stderr.on('data', (d) => (err += d.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(err).toMatch(
      /--admin-token is not accepted: a token on the command line shows in the process list/,
    );
    expect(err).toMatch(/--admin-token-file <file>, or set MODELCI_SERVE_ADMIN_TOKEN/);
  });

  it('serves what the stage pointers name and hot-swaps on SIGHUP after a promotion', async () => {
    const reg = join(tempDir('modelci-cli-reg-'), 'registry');
    registerVersion(reg, 'clf', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
    registerVersion(reg, 'clf', '2.0.0', linearClassifierOnnx(CLASSIFIER_V2));
    registerVersion(reg, 'other', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
    pointStage(reg, 'clf', 'production', '1.0.0');
    const { child, url, stderr } = await startCli([
      '--registry',
      reg,
      '--stage',
      'production',
      '--port',
      '0',
    ]);
    const versions = async () =>
      ((await (await fetch(`${url}/v2/models/clf`)).json()) as { versions: string[] }).versions;
    expect(await versions()).toEqual(['1.0.0']);
    // Only models with a production pointer are served.
    expect((await fetch(`${url}/v2/models/other`)).status).toBe(404);
    pointStage(reg, 'clf', 'production', '2.0.0', '1.0.0');
    child.kill('SIGHUP');
    while (!stderr().includes('loaded clf version 2.0.0'))
      await new Promise((r) => setTimeout(r, 20));
    expect(await versions()).toEqual(['2.0.0']);
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
  });
});
