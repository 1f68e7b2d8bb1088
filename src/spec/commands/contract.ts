import { defineCommand } from '../option-spec.js';
import { configOption, jsonOption, modelNameOption, registryOption } from './common.js';

export const contractSpec = defineCommand({
  name: 'contract',
  summary: 'Infer a data contract from data, a profile, or a registered version',
  description:
    "Infer a data contract, as TensorFlow Data Validation infers a schema from statistics: per column the type, the share of missing values allowed, the numeric range widened by a margin, the allowed categories and the id column's uniqueness; for the table a row-count band. Written as commented YAML (with a JSON Schema, schema/contract.schema.json) for the team to edit and commit; add patterns, allowed sets, relations such as `start <= end` and freshness by hand. `modelci validate` checks data against it.",
  usage: [
    'contract infer --data train.csv --out contract.yaml',
    "contract infer --model churn [--version #production]   (the version's stored profile -> registry/churn/contract.yaml)",
  ],
  positionals: [{ name: 'subcommand', description: 'infer.', required: true }],
  options: {
    data: {
      type: 'string',
      placeholder: 'file',
      description:
        'Data (CSV, TSV, JSONL, Parquet) or a profile JSON (`modelci profile`). Default, the profile stored with `version` in the registry.',
    },
    model: modelNameOption,
    version: {
      type: 'string',
      placeholder: 'ref',
      description:
        'Registry version whose stored profile is used when `data` is not given (X.Y.Z, `#production`, `latest`). Default, latest.',
    },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'file',
      description:
        "Where the contract goes. Default, the model's contract file (`models.<model>.contract`, else `<registry>/<model>/contract.yaml`).",
    },
    force: {
      type: 'boolean',
      description: 'Replace an existing contract (it may hold the team’s edits).',
    },
    label: {
      type: 'string',
      placeholder: 'column',
      description: "The label column, checked for leakage. Default, the model's `data.label`.",
    },
    id: {
      type: 'string',
      placeholder: 'column',
      description: 'The id column (unique values). Default, a unique column named like an id.',
    },
    margin: {
      type: 'number',
      min: 0,
      default: 0.1,
      placeholder: 'share',
      description: 'Share of the observed spread added below and above numeric ranges.',
    },
    registry: registryOption,
    config: configOption,
    json: jsonOption,
  },
});
