import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.js';
import { CLASSIFIER_V1, linearClassifierOnnx } from '../../harness/onnx-models.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { tempDir } from '../../harness/temp.js';

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      isTTY: false,
      env: {},
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(prev);
  }
}

describe('modelci deploy (CLI)', () => {
  it('deploys with the environment from modelci.yaml and prints the summary', async () => {
    const ws = tempDir('modelci-deploy-cli-');
    registerVersion(join(ws, 'registry'), 'clf', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
    pointStage(join(ws, 'registry'), 'clf', 'staging', '1.0.0');
    writeFileSync(
      join(ws, 'modelci.yaml'),
      stringify({
        version: 1,
        environments: {
          staging: {
            target: 'command',
            command: 'echo "$MODEL_NAME@$MODEL_VERSION" > deployed.txt',
          },
        },
      }),
    );
    const r = await cli(['deploy', '--model', 'clf', '--environment', 'staging'], ws);
    expect(r.code).toBe(0);
    expect(readFileSync(join(ws, 'deployed.txt'), 'utf8')).toBe('clf@1.0.0\n');
    expect(r.stdout).toMatch(/Deploy clf 1\.0\.0 to staging: success/);
    const json = await cli(['deploy', '--model', 'clf', '--environment', 'staging', '--json'], ws);
    expect(JSON.parse(json.stdout)).toMatchObject({
      outcome: 'success',
      version: '1.0.0',
      target: 'command',
    });
  });

  it('exits 1 with a one-line error when the model has no pointer for the stage', async () => {
    const ws = tempDir('modelci-deploy-cli-');
    registerVersion(join(ws, 'registry'), 'clf', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
    const r = await cli(['deploy', '--model', 'clf', '--environment', 'production'], ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^modelci deploy: error: model "clf" has no "production" stage pointer\. Promote/,
    );
  });
});
