/**
 * Label and class logic of an evaluation, apart from inference: which task a model does, which
 * class each probability column means, class indices for the labels and the predictions, and
 * the warnings about classes a reviewer should know of. Plain data in, plain data out.
 */
import { ModelciError } from '../errors.js';
import type { ModelSignature, Task } from '../report/evaluation-report.js';
import type { ClassifierPredictions } from './types.js';

export type ClassValue = number | string;

/** What the task inference reads from a model (an OnnxModel has it). */
export interface ModelTaskHints {
  /** Class labels the graph declares, in probability-column order. */
  classes?: ClassValue[];
  info: { operators: string[] };
  runSignature: Pick<ModelSignature, 'outputs'>;
}

/** Without --task: classifier operators or class labels mean classification, else regression. */
export function inferTask(model: ModelTaskHints): Task {
  const ops = model.info.operators;
  const classifier =
    model.classes !== undefined ||
    ops.some((o) => /Classifier|ZipMap|Softmax|Sigmoid|ArgMax/.test(o)) ||
    model.runSignature.outputs.some((o) => /prob|label/i.test(o.name));
  if (!classifier) return 'regression';
  const k = model.classes?.length ?? probaWidth(model);
  return k !== undefined && k > 2 ? 'multiclass' : 'binary';
}

function probaWidth(model: ModelTaskHints): number | undefined {
  for (const o of model.runSignature.outputs) {
    if ((o.type === 'float' || o.type === 'double') && o.shape.length === 2) {
      const w = o.shape[1];
      if (typeof w === 'number') return w === 1 ? 2 : w;
    }
  }
  return undefined;
}

/** One model's classifier outputs over every row, as the prediction scan collected them. */
export interface ClassifierOutputs {
  /** The model file, for messages. */
  file: string;
  /** Class labels the graph declares, if any. */
  classes?: ClassValue[];
  /** Probabilities per row (0 when the model gives none), and rows × k of them. */
  k: number;
  proba: Float64Array;
  /** Predicted labels as the model returns them (empty when it gives probabilities only). */
  labels: Float64Array | readonly string[] | readonly ClassValue[];
}

/** Where the labels came from, for messages. */
export interface LabelSource {
  data: string;
  label: string;
  /** The task the user asked for, if any (a stricter check than the inferred one). */
  requestedTask?: Task;
}

/** Class labels in probability-column order: the graph's, else 0..k-1, else the values seen. */
export function resolveClasses(
  side: ClassifierOutputs,
  yRaw: readonly ClassValue[],
  task: Task,
  source: LabelSource,
): ClassValue[] {
  if (side.classes) return side.classes;
  if (side.k) {
    if (task === 'binary' && side.k !== 2)
      throw new ModelciError(
        'MODEL',
        `--task binary but the model gives ${side.k} probabilities per row`,
        {
          file: side.file,
          hint: 'Use --task multiclass',
        },
      );
    return Array.from({ length: side.k }, (_, i) => i);
  }
  const seen = new Set<ClassValue>(yRaw);
  for (const v of side.labels) seen.add(v);
  const all = [...seen];
  if (source.requestedTask === 'binary' && all.length > 2)
    throw new ModelciError('DATA', `--task binary but the labels have ${all.length} values`, {
      file: source.data,
      column: source.label,
    });
  return all.every((v) => typeof v === 'number')
    ? (all as number[]).sort((a, b) => a - b)
    : all.map(String).sort();
}

/** Index of a class value (numbers and their text match: a CSV label "1" is class 1). */
export function classIndex(classes: readonly ClassValue[]): (v: ClassValue) => number | undefined {
  const map = new Map<string, number>();
  classes.forEach((c, i) => map.set(String(c), i));
  return (v) => map.get(String(v));
}

/** Class index per row of the true labels; a label the model does not know is an error. */
export function labelIndices(
  yRaw: readonly ClassValue[],
  classes: readonly ClassValue[],
  source: LabelSource,
): Int32Array {
  const index = classIndex(classes);
  const yTrue = new Int32Array(yRaw.length);
  for (let i = 0; i < yRaw.length; i++) {
    const c = index(yRaw[i]!);
    if (c === undefined)
      throw new ModelciError(
        'DATA',
        `label ${JSON.stringify(yRaw[i])} is not a class the model knows (classes: ${classes.join(', ')})`,
        {
          file: source.data,
          column: source.label,
          hint: 'Evaluate on data with the classes the model was trained on, or check --label',
        },
      );
    yTrue[i] = c;
  }
  return yTrue;
}

/** The baseline must know the candidate's classes (in any order): else the comparison is moot. */
export function assertSameClasses(
  classes: readonly ClassValue[],
  baselineClasses: readonly ClassValue[],
  baselineFile: string,
): void {
  const index = classIndex(classes);
  if (
    baselineClasses.length !== classes.length ||
    baselineClasses.some((c) => index(c) === undefined)
  )
    throw new ModelciError(
      'MODEL',
      `the baseline's classes (${baselineClasses.join(', ')}) differ from the candidate's (${classes.join(', ')})`,
      { file: baselineFile, hint: 'Compare models trained for the same classes' },
    );
}

/**
 * Predictions in the evaluation's class order: probability columns moved from the model's own
 * order (`ownClasses`) to `classes`, labels as class indices (argmax when the model gives none).
 */
export function classifierPredictions(
  side: ClassifierOutputs,
  classes: ClassValue[],
  rows: number,
  ownClasses: readonly ClassValue[] = classes,
): ClassifierPredictions {
  const index = classIndex(classes);
  const k = classes.length;
  const label = new Int32Array(rows);
  let proba: Float64Array | undefined;
  if (side.k) {
    if (side.k !== ownClasses.length)
      throw new ModelciError(
        'MODEL',
        `the model gives ${side.k} probabilities per row but declares ${ownClasses.length} classes`,
        { file: side.file },
      );
    const src = side.proba;
    const cols = ownClasses.map((c) => index(c)!);
    proba = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < k; j++) proba[i * k + cols[j]!] = src[i * k + j]!;
  }
  const raw = side.labels;
  // index() matches by text (a CSV label "1" is class 1): memoised per distinct value, since
  // String() of a million predictions is most of this loop's time
  const memo = new Map<ClassValue, number | undefined>();
  const indexOf = (v: ClassValue): number | undefined => {
    if (memo.has(v)) return memo.get(v);
    const c = index(v);
    memo.set(v, c);
    return c;
  };
  for (let i = 0; i < rows; i++) {
    if (raw.length) {
      const c = indexOf(raw[i]!);
      if (c === undefined)
        throw new ModelciError(
          'MODEL',
          `the model predicted ${JSON.stringify(raw[i])}, which is not one of its classes`,
          {
            file: side.file,
          },
        );
      label[i] = c;
    } else {
      let best = 0;
      for (let j = 1; j < k; j++) if (proba![i * k + j]! > proba![i * k + best]!) best = j;
      label[i] = best;
    }
  }
  return { kind: 'classification', classes, label, ...(proba ? { proba } : {}) };
}

/** Classes the candidate never predicts, and classes with no rows: numbers a reader must not misread. */
export function classWarnings(
  classes: readonly ClassValue[],
  yTrue: Int32Array,
  predicted: Int32Array,
): string[] {
  const warnings: string[] = [];
  const seen = new Set(predicted);
  const never = classes.filter((_, c) => !seen.has(c));
  if (never.length)
    warnings.push(
      `the candidate never predicts class ${never.map((c) => JSON.stringify(c)).join(', ')} on this data: per-class precision for it is 0 by convention (as scikit-learn's zero_division=0)`,
    );
  const present = new Set(yTrue);
  const absent = classes.filter((_, c) => !present.has(c));
  if (absent.length)
    warnings.push(
      `class ${absent.map((c) => JSON.stringify(c)).join(', ')} has no rows in the data: its recall is undefined and counts as 0 in macro averages`,
    );
  return warnings;
}
