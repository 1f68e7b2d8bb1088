import { loadConfig, resolveModel } from '../config/load.js';
import { runTrain } from '../commands/train.js';
import { ModelciError } from '../core/errors.js';
import { flagOpt, stringOpt, type Command } from './command.js';

export const trainCommand: Command = {
  name: 'train',
  summary: 'Train a model: its training command from modelci.yaml, or a built-in trainer',
  usage: [
    'Usage: modelci train [--name <model>] [--config modelci.yaml] [--output-dir <dir>] [--json]',
    '',
    'Runs models.<name>.train.command with MODELCI_OUTPUT_DIR, MODELCI_MODEL_FILE, MODELCI_PARAMS_FILE,',
    'MODELCI_METRICS_FILE, MODELCI_SEED, MODELCI_TRAIN_DATA, MODELCI_HOLDOUT_DATA, MODELCI_LABEL,',
    'MODELCI_FEATURES and MODELCI_MODEL_NAME set, or the built-in train.trainer; writes the model,',
    'params.json, metrics.json and run.json (fingerprints of data and model) into the output dir.',
    '',
    'Options:',
    '  --output-dir <dir>       default: modelci-train/<model>',
    '  --timeout-minutes <n>    overrides train.timeout_minutes (default 60)',
    '  --json                   print the run record as JSON',
  ].join('\n'),
  options: {
    name: { type: 'string' },
    config: { type: 'string' },
    'output-dir': { type: 'string' },
    'timeout-minutes': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const configFile = stringOpt(args, 'config');
    const loaded = loadConfig(configFile, { explicit: configFile !== undefined });
    const { name, model } = resolveModel(loaded, stringOpt(args, 'name'));
    const t = stringOpt(args, 'timeout-minutes');
    if (t !== undefined && !(Number(t) > 0))
      throw new ModelciError('USAGE', `--timeout-minutes must be a positive number (got "${t}")`);
    const record = await runTrain({
      modelName: name,
      train: model.train ?? {},
      data: model.data ?? {},
      outputDir: stringOpt(args, 'output-dir') ?? `modelci-train/${name}`,
      ...(t !== undefined ? { timeoutMs: Number(t) * 60_000 } : {}),
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(
      flagOpt(args, 'json')
        ? JSON.stringify(record) + '\n'
        : `trained ${name} (${record.trainer}) in ${(record.duration_ms / 1000).toFixed(1)} s: ${record.files.model} (${record.model.bytes} bytes, sha256 ${record.model.sha256.slice(0, 12)})\n`,
    );
    return 0;
  },
};
