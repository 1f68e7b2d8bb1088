// registry verify finds every kind of problem the issue lists, each naming its file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDeprecate } from '../../../src/commands/deprecate.js';
import { runPromote } from '../../../src/commands/promote.js';
import { runRegister } from '../../../src/commands/register.js';
import { runRegistryVerify } from '../../../src/commands/registry.js';
import {
  clone,
  git,
  gitEnv,
  makeOrigin,
  onnxModel,
  tempDir,
  GIT_TEST_TIMEOUT,
} from './git-fixture.js';

describe('registry verify', { timeout: GIT_TEST_TIMEOUT }, () => {
  it('finds stray files, dangling pointers, deprecated stages, misnamed records and uncommitted changes', async () => {
    const repo = clone(makeOrigin());
    const art = tempDir('modelci-art-');
    const registry = join(repo, 'registry');
    const config = { require_previous_stage: false, require_evaluation: false };
    const base = { registry, model: 'churn', env: gitEnv, config };
    for (const i of [1, 2, 3])
      await runRegister({ ...base, artifact: onnxModel(art, `m${i}.onnx`, i) });
    await runPromote({ ...base, version: '0.1.0', stage: 'staging' });
    await runPromote({ ...base, version: '0.2.0', stage: 'production' });
    await runPromote({ ...base, version: '0.3.0', stage: 'production' });
    await runDeprecate({ ...base, version: '0.1.0' }).catch(() => undefined); // staging holds it
    expect((await runRegistryVerify(registry, { env: gitEnv })).problems).toEqual([]);

    const at = (p: string) => join(registry, 'churn', p);
    // A stray, misnamed version file; a record whose content names another version.
    writeFileSync(at('versions/1.2.yaml'), readFileSync(at('versions/0.1.0.yaml')));
    renameSync(at('versions/0.3.0.yaml'), at('versions/0.4.0.yaml'));
    // Staging at a deprecated version (edited by hand), production's previous now dangling.
    writeFileSync(
      at('versions/0.1.0.yaml'),
      readFileSync(at('versions/0.1.0.yaml'), 'utf8') + 'deprecated:\n  at: t\n  by: me\n',
    );
    writeFileSync(
      at('stages/production.yaml'),
      readFileSync(at('stages/production.yaml'), 'utf8').replace(
        'previous: 0.2.0',
        'previous: 0.0.7',
      ),
    );
    writeFileSync(join(registry, 'notes.txt'), 'hello\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'hand edits');
    mkdirSync(at('profiles'));
    writeFileSync(at('profiles/9.9.9.json'), '{}\n'); // not committed, and of no version

    const { problems } = await runRegistryVerify(registry, {
      env: gitEnv,
      stages: ['staging', 'production'],
    });
    const text = problems.map((p) => `${p.file.replace(/^.*registry\//, '')} | ${p.message}`);
    const expectOne = (re: RegExp) =>
      expect(
        text.filter((t) => re.test(t)),
        text.join('\n'),
      ).toHaveLength(1);
    expectOne(/^notes\.txt \| stray file: notes\.txt is not a model folder/);
    expectOne(
      /^churn\/versions\/1\.2\.yaml \| stray file: 1\.2\.yaml is not named <X\.Y\.Z>\.yaml/,
    );
    expectOne(
      /0\.4\.0\.yaml: version: malformed version record: it says churn@0\.3\.0 but its file is churn@0\.4\.0/,
    );
    expectOne(
      /^churn\/stages\/production\.yaml \| stage production points at 0\.3\.0, which is not registered/,
    );
    expectOne(
      /^churn\/stages\/production\.yaml \| previous names 0\.0\.7, which is not registered/,
    );
    expectOne(/^churn\/stages\/staging\.yaml \| stage staging holds 0\.1\.0, which is deprecated/);
    expectOne(
      /^churn\/profiles\/9\.9\.9\.json \| profiles\/9\.9\.9\.json belongs to no registered version/,
    );
    expectOne(/^churn\/profiles\/9\.9\.9\.json \| not committed: /);
  });
});
