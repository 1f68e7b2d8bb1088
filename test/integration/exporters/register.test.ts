// register on the exporter corpus: the signature read from each file as the exporter wrote it, and
// models onnxruntime cannot load refused before anything is written.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { runRegister } from '../../../src/commands/register.js';
import { ModelciError } from '../../../src/core/errors.js';
import { openRegistry } from '../../../src/registry/index.js';
import { BROKEN_MODELS, corpusModels, corpusPath } from '../../harness/exporter-corpus.js';
import { clone, git, gitEnv, makeOrigin } from '../registry/git-fixture.js';

const origin = makeOrigin();
const repo = clone(origin);
const registry = join(repo, 'registry');
afterAll(() => {
  rmSync(dirname(origin), { recursive: true, force: true });
  rmSync(dirname(repo), { recursive: true, force: true });
});

const modelName = (file: string): string => file.replace(/\.onnx$/, '').replace(/_/g, '-');

describe('register reads the signature each exporter wrote', () => {
  it('registers every corpus model with its inputs and outputs as declared', async () => {
    for (const m of corpusModels) {
      const r = await runRegister({
        registry,
        model: modelName(m.name),
        artifact: corpusPath(m.name),
        env: gitEnv,
      });
      expect(r.status).toBe('registered');
      const record = openRegistry(registry).getVersion(modelName(m.name), r.version);
      expect(record.signature!.inputs.length, m.name).toBeGreaterThan(0);
    }
    const reg = openRegistry(registry);
    const sig = (file: string) => reg.getVersion(modelName(file), '0.1.0').signature;
    // skl2onnx's DataFrame input: one [None, 1] tensor per column, each with its own type.
    expect(sig('wine_columns_pipeline.onnx')).toEqual({
      inputs: [
        { name: 'alcohol', type: 'float', shape: [null, 1] },
        { name: 'malic_acid', type: 'float', shape: [null, 1] },
        { name: 'magnesium', type: 'int64', shape: [null, 1] },
        { name: 'color_band', type: 'string', shape: [null, 1] },
        { name: 'hue', type: 'float', shape: [null, 1] },
      ],
      outputs: [
        { name: 'output_label', type: 'int64', shape: [null] },
        { name: 'output_probability', type: 'sequence<map<int64,float>>', shape: [] },
      ],
    });
    // String class labels: a string label tensor, and ZipMap keyed by string.
    expect(sig('wine_extra_trees_strings.onnx')!.outputs).toEqual([
      { name: 'output_label', type: 'string', shape: [null] },
      { name: 'output_probability', type: 'sequence<map<string,float>>', shape: [] },
    ]);
    expect(sig('bc_extra_trees_strings.onnx')!.outputs).toEqual([
      { name: 'label', type: 'string', shape: [null] },
      { name: 'probabilities', type: 'float', shape: [null, 2] },
    ]);
    expect(sig('bc_logreg_double.onnx')!.inputs).toEqual([
      { name: 'float_input', type: 'double', shape: [null, 30] },
    ]);
    // torch.onnx.export's dynamic axis keeps the name given in dynamic_axes.
    expect(sig('wine_torch_mlp.onnx')).toEqual({
      inputs: [{ name: 'input', type: 'float', shape: ['batch', 13] }],
      outputs: [{ name: 'probabilities', type: 'float', shape: ['batch', 3] }],
    });
    expect(sig('wine_gradient_boosting_regressor.onnx')!.outputs).toEqual([
      { name: 'variable', type: 'float', shape: [null, 1] },
    ]);
  });
});

describe('register refuses a model onnxruntime cannot load, and writes nothing', () => {
  for (const [file, reason] of Object.entries(BROKEN_MODELS))
    it(file, async () => {
      const head = git(repo, 'rev-parse', 'HEAD');
      const artifact = corpusPath(join('broken', file));
      let error: unknown;
      try {
        await runRegister({ registry, model: 'broken', artifact, env: gitEnv });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ModelciError);
      const e = error as ModelciError;
      expect(e.where.file).toBe(artifact);
      expect(e.message).toMatch(/^onnxruntime cannot load the model: /);
      expect(e.message).toMatch(reason);
      // One readable sentence: no C++ source location or signature, no dumped node.
      expect(e.format()).not.toMatch(/onnxruntime_src|::|\.cc:|\.h:|\n|tensor\(float\)/);
      expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
      expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
      expect(existsSync(join(registry, 'broken'))).toBe(false);
    });

  it('the CLI says it on one line and exits 1', async () => {
    let stderr = '';
    const code = await main(
      [
        'register',
        '--registry',
        registry,
        '--model',
        'broken',
        '--artifact',
        corpusPath('broken/future_opset.onnx'),
      ],
      { stdout: () => undefined, stderr: (t) => (stderr += t), isTTY: false, env: gitEnv },
    );
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^modelci register: error: test\/fixtures\/onnx\/exporters\/broken\/future_opset\.onnx: onnxruntime cannot load the model: it uses opset 99 of the ai\.onnx domain; this onnxruntime supports up to opset \d+\. Export with a released opset/,
    );
  });
});
