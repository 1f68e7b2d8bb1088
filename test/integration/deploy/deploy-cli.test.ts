import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.js';
import { kubernetesManifests } from '../../../src/core/package/manifests.js';
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

  it("--image goes into the gitops manifests' model container; a malformed one is refused", async () => {
    const ws = tempDir('modelci-deploy-cli-');
    registerVersion(join(ws, 'registry'), 'clf', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
    pointStage(join(ws, 'registry'), 'clf', 'staging', '1.0.0');
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const origin = join(ws, 'config.git');
    git(ws, 'init', '-q', '--bare', origin);
    const seed = join(ws, 'seed');
    git(ws, 'clone', '-q', origin, seed);
    mkdirSync(join(seed, 'k8s'));
    const [deployment] = kubernetesManifests({
      model: 'clf',
      version: '0.9.0',
      image: 'ghcr.io/acme/clf:0.9.0',
    });
    writeFileSync(join(seed, 'k8s/deployment.yaml'), deployment!.text);
    git(seed, 'add', '.');
    git(seed, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '-qm', 'seed');
    git(seed, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    writeFileSync(
      join(ws, 'modelci.yaml'),
      stringify({
        version: 1,
        environments: {
          staging: {
            target: 'gitops',
            gitops: { repo: origin, path: 'k8s/{model}.yaml', manifests: ['k8s/deployment.yaml'] },
          },
        },
      }),
    );
    const image = `ghcr.io/acme/clf@sha256:${'c'.repeat(64)}`;
    const r = await cli(
      ['deploy', '--model', 'clf', '--environment', 'staging', '--image', image],
      ws,
    );
    expect(r.stderr).toMatch(/gitops: pushed k8s\/clf.yaml, k8s\/deployment.yaml/);
    expect(r.code).toBe(0);
    expect(git(origin, 'show', 'main:k8s/deployment.yaml')).toBe(
      // Only the field: the header comment still tells what `modelci package` wrote.
      deployment!.text.replace('image: ghcr.io/acme/clf:0.9.0', `image: ${image}`),
    );
    const bad = await cli(
      ['deploy', '--model', 'clf', '--environment', 'staging', '--image', 'ghcr.io/Acme/clf'],
      ws,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^modelci deploy: error: --image: "ghcr.io\/Acme\/clf" is not an image reference/,
    );
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
