import { ModelciError } from '../core/errors.js';
import type { ModelSignature, Task, TensorSpec } from '../core/report/evaluation-report.js';

/**
 * How data columns feed a model's inputs and how its outputs become predictions. Pure planning
 * from the signature and the column names, so every mismatch is reported before inference starts.
 */
export type InputKind = 'float' | 'double' | 'int64' | 'int32' | 'string';

export interface InputPlan {
  input: string;
  kind: InputKind;
  /** Columns in the order they fill the input's second dimension (one for per-column inputs). */
  columns: string[];
  /** True when the input is rank 1 ([N]) instead of [N, k]. */
  rank1: boolean;
}

export type OutputPlan =
  | {
      kind: 'classification';
      /** Output with the predicted class value per row (skl2onnx `label`). */
      label?: string;
      /** Output with class probabilities [N, k], or one column [N, 1]/[N] = P(positive class). */
      proba?: string;
      /** Probability output has one column: P(class 1). */
      positiveOnly: boolean;
    }
  | { kind: 'regression'; value: string };

const KINDS: Record<string, InputKind> = {
  float: 'float',
  double: 'double',
  int64: 'int64',
  int32: 'int32',
  string: 'string',
};

/**
 * The largest magnitude a float32 input can take from a float64 value: anything above rounds to
 * ±Infinity in a Float32Array (what onnxruntime is given), so the model would never see the number.
 */
export const FLOAT32_LIMIT = 3.4028235677973362e38;

/**
 * Why a number from the data cannot feed an input of this kind, or undefined when it can: NaN
 * (missing), ±Infinity, a float32 overflow, a fraction or an out-of-range value for an integer input.
 */
export function featureValueProblem(v: number, kind: InputKind): string | undefined {
  if (Number.isNaN(v)) return 'missing or invalid value';
  if (!Number.isFinite(v)) return `${v} is not a finite number`;
  if (kind === 'float' && Math.abs(v) > FLOAT32_LIMIT)
    return `${v} overflows float32 (larger than 3.4028235e38), the model input's type`;
  if (kind === 'int64' && !Number.isSafeInteger(v))
    return `${v} is not a whole number within ±2^53 for the model's int64 input`;
  if (kind === 'int32' && !(Number.isInteger(v) && v >= -2147483648 && v <= 2147483647))
    return `${v} is not a whole number in the int32 range of the model's input`;
  return undefined;
}

export interface BindContext {
  /** The model file and the data file, for error messages. */
  model: string;
  data: string;
  label: string;
  /** Feature columns in model order (config `data.features`, CLI `--features`). */
  features?: string[];
}

function width(spec: TensorSpec): number | undefined {
  const d = spec.shape[1];
  return typeof d === 'number' ? d : undefined;
}

/** Maps data columns to model inputs: by name (one column per input) or in order (one wide input). */
export function planInputs(
  signature: ModelSignature,
  columns: string[],
  ctx: BindContext,
): InputPlan[] {
  const inputs = signature.inputs;
  if (inputs.length === 0)
    throw new ModelciError('MODEL', 'the model has no inputs', { file: ctx.model });
  const kindOf = (spec: TensorSpec): InputKind => {
    const kind = KINDS[spec.type];
    if (!kind)
      throw new ModelciError(
        'MODEL',
        `model input "${spec.name}" has element type ${spec.type}, which tabular data cannot feed`,
        { file: ctx.model, hint: 'Export the model with float, double, int64 or string inputs' },
      );
    return kind;
  };
  const has = new Set(columns);
  const byName = inputs.every((i) => has.has(i.name));
  if (inputs.length > 1 || (byName && width(inputs[0]!) === 1)) {
    return inputs.map((spec) => {
      if (!has.has(spec.name))
        throw new ModelciError(
          'DATA',
          `model input "${spec.name}" has no column of that name in the data`,
          {
            file: ctx.data,
            hint: `A model with several inputs is fed one column per input, by name. Model inputs: ${inputs.map((i) => i.name).join(', ')}; data columns: ${preview(columns)}`,
          },
        );
      if (spec.name === ctx.label)
        throw new ModelciError('DATA', `model input "${spec.name}" is the label column`, {
          file: ctx.data,
          hint: 'The label must not be a model input; check --label',
        });
      const w = width(spec);
      if (spec.shape.length > 2 || (w !== undefined && w !== 1))
        throw new ModelciError(
          'MODEL',
          `model input "${spec.name}" has shape [${spec.shape.map(String).join(', ')}]; a per-column input must be [N] or [N, 1]`,
          { file: ctx.model },
        );
      return {
        input: spec.name,
        kind: kindOf(spec),
        columns: [spec.name],
        rank1: spec.shape.length === 1,
      };
    });
  }
  const spec = inputs[0]!;
  const features = ctx.features ?? columns.filter((c) => c !== ctx.label);
  for (const f of features)
    if (!has.has(f))
      throw new ModelciError('DATA', `feature column "${f}" is not in the data`, {
        file: ctx.data,
        hint: `Data columns: ${preview(columns)}`,
      });
  if (features.includes(ctx.label))
    throw new ModelciError('DATA', `the label column "${ctx.label}" is listed as a feature`, {
      file: ctx.data,
      hint: 'Remove it from the features',
    });
  const w = width(spec);
  if (spec.shape.length !== 2 && spec.shape.length !== 0)
    throw new ModelciError(
      'MODEL',
      `model input "${spec.name}" has shape [${spec.shape.map(String).join(', ')}]; tabular data feeds [N, features]`,
      { file: ctx.model },
    );
  if (w !== undefined && w !== features.length)
    throw new ModelciError(
      'DATA',
      `model input "${spec.name}" takes ${w} values per row but the data has ${features.length} feature columns${ctx.features ? '' : ` (every column but the label "${ctx.label}")`}`,
      {
        file: ctx.data,
        hint: `Name the ${w} feature columns in model order (modelci.yaml data.features, or --features a,b,c)`,
      },
    );
  return [{ input: spec.name, kind: kindOf(spec), columns: features, rank1: false }];
}

function preview(columns: string[]): string {
  return columns.length > 20 ? `${columns.slice(0, 20).join(', ')}, ...` : columns.join(', ');
}

const isTensor = (t: TensorSpec): boolean => KINDS[t.type] !== undefined || t.type === 'bool';
const isFloat = (t: TensorSpec): boolean => t.type === 'float' || t.type === 'double';

/** Picks the outputs that carry predictions for the task. */
export function planOutputs(signature: ModelSignature, task: Task, model: string): OutputPlan {
  const outs = signature.outputs;
  const listed = outs
    .map((o) => `${o.name} (${o.type} [${o.shape.map(String).join(', ')}])`)
    .join(', ');
  const nonTensor = outs.find((o) => !isTensor(o));
  if (nonTensor && outs.every((o) => !isTensor(o) || !isFloat(o)))
    throw new ModelciError(
      'MODEL',
      `model output "${nonTensor.name}" is a ${nonTensor.type}, which onnxruntime-node cannot return`,
      {
        file: model,
        hint: "Export probabilities as a tensor: skl2onnx convert_sklearn(..., options={id(model): {'zipmap': False}})",
      },
    );
  const floats = outs.filter((o) => isFloat(o) && o.shape.length <= 2);
  if (task === 'regression') {
    const value =
      floats.find((o) => /variable|predict|output|value|score/i.test(o.name)) ?? floats[0];
    if (
      !value ||
      (value.shape.length === 2 && typeof value.shape[1] === 'number' && value.shape[1] !== 1)
    )
      throw new ModelciError(
        'MODEL',
        `no regression output of shape [N] or [N, 1] among: ${listed}`,
        {
          file: model,
        },
      );
    return { kind: 'regression', value: value.name };
  }
  const labels = outs.filter(
    (o) => (o.type === 'int64' || o.type === 'int32' || o.type === 'string') && o.shape.length <= 2,
  );
  const label =
    labels.find((o) => /label/i.test(o.name)) ?? (labels.length === 1 ? labels[0] : undefined);
  const probs = floats.filter((o) => o.shape.length === 2 || o.shape.length === 1);
  const proba =
    probs.find((o) => /prob/i.test(o.name)) ??
    (probs.length === 1 ? probs[0] : probs.find((o) => o.shape.length === 2));
  if (!label && !proba)
    throw new ModelciError(
      'MODEL',
      `no classifier output (labels or probabilities) among: ${listed}`,
      {
        file: model,
        hint: 'A classifier needs a probability tensor [N, classes] or a label tensor [N]',
      },
    );
  const positiveOnly =
    !!proba && (proba.shape.length === 1 || (proba.shape.length === 2 && proba.shape[1] === 1));
  if (positiveOnly && task === 'multiclass')
    throw new ModelciError(
      'MODEL',
      `model output "${proba!.name}" has one column; a multiclass model needs one probability per class`,
      { file: model },
    );
  return {
    kind: 'classification',
    ...(label ? { label: label.name } : {}),
    ...(proba ? { proba: proba.name } : {}),
    positiveOnly,
  };
}
