import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinTrainer } from '../config/schema/train.js';
import { ModelciError } from '../core/errors.js';
import { fitLinear } from '../core/train/linear.js';
import { fitLogistic, predictLogistic } from '../core/train/logistic.js';
import { openTable } from '../data/open-table.js';
import { scanTable } from '../data/scan.js';
import { linearClassifierModel, linearRegressorModel } from '../onnx/build.js';

/** Trains a built-in model on a CSV file and writes `model.onnx`, `metrics.json`, `params.json`. */
export interface BuiltinTrainOptions {
  trainer: BuiltinTrainer;
  data: string;
  label: string;
  features?: string[];
  params?: Record<string, unknown>;
  seed?: number;
  outputDir: string;
}

export interface BuiltinTrainResult {
  model: string;
  metrics: Record<string, number>;
  params: Record<string, unknown>;
  rows: number;
  features: string[];
  classes?: (number | string)[];
}

function numberParam(params: Record<string, unknown>, name: string, fallback: number): number {
  const v = params[name] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new ModelciError(
      'CONFIG',
      `train.params.${name} must be a non-negative number (got ${JSON.stringify(v)})`,
    );
  return v;
}

export async function trainBuiltin(opts: BuiltinTrainOptions): Promise<BuiltinTrainResult> {
  const source = await openTable(opts.data);
  if (!source.columns.includes(opts.label))
    throw new ModelciError('DATA', `no label column "${opts.label}"`, {
      file: opts.data,
      hint: `Columns are: ${source.columns.slice(0, 20).join(', ')}`,
    });
  const features = opts.features ?? source.columns.filter((c) => c !== opts.label);
  const classify = opts.trainer === 'logistic-regression';
  const xs: Float64Array[][] = [];
  const yNum: Float64Array[] = [];
  const yStr: string[] = [];
  let n = 0;
  for await (const b of scanTable(source, {
    numeric: classify ? features : [...features, opts.label],
    strings: classify ? [opts.label] : [],
  })) {
    for (let r = 0; r < b.length; r++) {
      const bad = features.findIndex((_, j) => Number.isNaN(b.numeric[j]![r]));
      const badLabel = classify
        ? b.strings[0]![r]!.trim() === ''
        : Number.isNaN(b.numeric[features.length]![r]);
      if (bad >= 0 || badLabel)
        throw new ModelciError('DATA', 'missing value in the training data', {
          file: opts.data,
          row: b.lines[r]!,
          column: bad >= 0 ? features[bad]! : opts.label,
          hint: 'The built-in trainers need complete rows: impute or drop them first',
        });
    }
    xs.push(b.numeric.slice(0, features.length));
    if (classify) yStr.push(...b.strings[0]!);
    else yNum.push(b.numeric[features.length]!);
    n += b.length;
  }
  if (n === 0) throw new ModelciError('DATA', 'the training data has no rows', { file: opts.data });
  const d = features.length;
  const x = new Float64Array(n * d);
  let row = 0;
  for (const batch of xs) {
    const len = batch[0]?.length ?? 0;
    for (let r = 0; r < len; r++, row++) for (let j = 0; j < d; j++) x[row * d + j] = batch[j]![r]!;
  }
  const params = { ...(opts.params ?? {}) };
  const metadata = {
    'modelci.trainer': opts.trainer,
    'modelci.features': JSON.stringify(features),
    'modelci.label': opts.label,
  };
  mkdirSync(opts.outputDir, { recursive: true });
  const modelFile = join(opts.outputDir, 'model.onnx');
  let metrics: Record<string, number>;
  let classes: (number | string)[] | undefined;
  if (classify) {
    const numeric = yStr.every((v) => v.trim() !== '' && Number.isInteger(Number(v)));
    classes = numeric
      ? [...new Set(yStr.map(Number))].sort((a, b) => a - b)
      : [...new Set(yStr)].sort();
    if (classes.length < 2)
      throw new ModelciError(
        'DATA',
        `the label "${opts.label}" has only one value; a classifier needs two or more`,
        {
          file: opts.data,
        },
      );
    const index = new Map(classes.map((c, i) => [String(c), i]));
    const y = Int32Array.from(yStr, (v) => index.get(String(numeric ? Number(v) : v))!);
    params.C = numberParam(params, 'C', 1);
    params.max_iter = numberParam(params, 'max_iter', 100);
    const fit = fitLogistic(x, y, n, d, classes.length, {
      C: params.C as number,
      maxIter: params.max_iter as number,
    });
    const k = classes.length;
    const proba = predictLogistic(fit, x, n, d);
    let correct = 0;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let a = 1; a < k; a++) if (proba[i * k + a]! > proba[i * k + best]!) best = a;
      if (best === y[i]) correct++;
      loss -= Math.log(Math.max(proba[i * k + y[i]!]!, 1e-15));
    }
    metrics = { train_accuracy: correct / n, train_log_loss: loss / n, iterations: fit.iterations };
    if (!fit.converged) metrics.converged = 0;
    writeFileSync(
      modelFile,
      linearClassifierModel({
        coef: fit.coef,
        intercept: fit.intercept,
        classes: numeric ? (classes as number[]) : (classes as string[]),
        metadata,
      }),
    );
  } else {
    const y = new Float64Array(n);
    let off = 0;
    for (const b of yNum) {
      y.set(b, off);
      off += b.length;
    }
    const alpha = opts.trainer === 'ridge' ? numberParam(params, 'alpha', 1) : 0;
    if (opts.trainer === 'ridge') params.alpha = alpha;
    const fit = fitLinear(x, y, n, d, alpha);
    let ss = 0;
    let tot = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i]! / n;
    for (let i = 0; i < n; i++) {
      let p = fit.intercept;
      for (let j = 0; j < d; j++) p += fit.coef[j]! * x[i * d + j]!;
      ss += (y[i]! - p) ** 2;
      tot += (y[i]! - mean) ** 2;
    }
    metrics = { train_rmse: Math.sqrt(ss / n), train_r2: tot > 0 ? 1 - ss / tot : 0 };
    writeFileSync(
      modelFile,
      linearRegressorModel({ coef: fit.coef, intercept: fit.intercept, metadata }),
    );
  }
  writeFileSync(join(opts.outputDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(join(opts.outputDir, 'params.json'), JSON.stringify(params, null, 2) + '\n');
  return { model: modelFile, metrics, params, rows: n, features, ...(classes ? { classes } : {}) };
}
