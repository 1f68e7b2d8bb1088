import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { runTrain } from '../../../src/commands/train.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

const dir = tempDir('modelci-train-cmd-');
const DATA = join(process.cwd(), 'test/fixtures/data');

describe('runTrain with a training command', () => {
  it('passes the MODELCI_* environment, streams the log, collects model, metrics and fingerprints', async () => {
    // The "training script" copies a fixture model and records its environment.
    const script = join(dir, 'train.sh');
    writeFileSync(
      script,
      [
        'echo "training $MODELCI_MODEL_NAME seed=$MODELCI_SEED"',
        'echo "to stderr" >&2',
        `cp ${process.cwd()}/test/fixtures/onnx/bc_logreg_c001.onnx "$MODELCI_MODEL_FILE"`,
        'printf \'{"accuracy": 0.95, "params_file": "%s", "train": "%s", "out": "%s"}\' "$MODELCI_PARAMS_FILE" "$MODELCI_TRAIN_DATA" "$MODELCI_OUTPUT_DIR" > "$MODELCI_METRICS_FILE"',
      ].join('\n'),
    );
    const lines: string[] = [];
    const out = join(dir, 'out1');
    const record = await runTrain({
      modelName: 'cancer',
      train: { command: `sh ${script}`, seed: 7, params: { C: 0.01 } },
      data: { train: `${DATA}/breast_cancer.csv`, label: 'malignant' },
      outputDir: out,
      log: (l) => lines.push(l),
    });
    expect(lines).toContain('training cancer seed=7');
    expect(lines).toContain('to stderr');
    expect(record.trainer).toBe('command');
    expect(record.metrics).toEqual({
      accuracy: 0.95,
      params_file: join(out, 'params.json'),
      train: `${DATA}/breast_cancer.csv`,
      out,
    });
    expect(JSON.parse(readFileSync(join(out, 'params.json'), 'utf8'))).toEqual({ C: 0.01 });
    expect(record.data.train).toMatchObject({
      rows: 569,
      bytes: readFileSync(`${DATA}/breast_cancer.csv`).length,
    });
    expect(record.model.bytes).toBe(readFileSync('test/fixtures/onnx/bc_logreg_c001.onnx').length);
    expect(record.model.signature.inputs[0]!.name).toBe('float_input');
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toEqual(record);
  });

  it('kills the whole process group on timeout', async () => {
    const marker = join(dir, 'child-survived');
    const e = await errorOf(
      runTrain({
        modelName: 'slow',
        // The grandchild would write the marker after 2 s if it outlived the kill.
        train: { command: `(sleep 2; touch ${marker}) & sleep 30` },
        data: {},
        outputDir: join(dir, 'out2'),
        timeoutMs: 300,
      }),
    );
    expect(e.message).toBe('the training command ran over its 0.3 s timeout and was killed');
    await new Promise((r) => setTimeout(r, 2500));
    expect(() => readFileSync(marker)).toThrow();
  });

  it('a failing command and a command that writes no model', async () => {
    expect(
      (
        await errorOf(
          runTrain({
            modelName: 'm',
            train: { command: 'exit 3' },
            data: {},
            outputDir: join(dir, 'o3'),
          }),
        )
      ).message,
    ).toBe('the training command failed (exit code 3)');
    const e = await errorOf(
      runTrain({
        modelName: 'm',
        train: { command: 'true' },
        data: {},
        outputDir: join(dir, 'o4'),
      }),
    );
    expect(e.message).toBe(
      `the training command finished but wrote no model at ${join(dir, 'o4', 'model.onnx')}`,
    );
  });
});

describe('modelci train with a built-in trainer', () => {
  it('trains, writes run.json and prints the record', async () => {
    const config = join(dir, 'modelci.yaml');
    writeFileSync(
      config,
      `version: 1\nmodels:\n  wine:\n    task: multiclass\n    data:\n      train: ${DATA}/wine.csv\n      label: cultivar\n    train:\n      trainer: logistic-regression\n      params:\n        C: 0.5\n`,
    );
    let stdout = '';
    const code = await main(
      ['train', '--config', config, '--output-dir', join(dir, 'wine'), '--json', '--no-record'],
      {
        stdout: (t) => (stdout += t),
        stderr: () => undefined,
        isTTY: false,
        env: {},
      },
    );
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record).toMatchObject({
      model_name: 'wine',
      trainer: 'logistic-regression',
      params: { C: 0.5, max_iter: 100 },
    });
    expect(record.data.train.rows).toBe(178);
    expect(record.model.signature.outputs.map((o: { name: string }) => o.name)).toEqual([
      'label',
      'probabilities',
    ]);
  });
});
