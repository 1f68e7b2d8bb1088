// The exporter corpus (test/fixtures/onnx/exporters, made by make_corpus.py): models as
// skl2onnx and torch.onnx.export write them, their holdout CSVs and what scikit-learn / PyTorch
// computes on those rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Datatype, MetadataTensor, RequestInput } from '../../src/core/serve/protocol.js';

export const CORPUS = 'test/fixtures/onnx/exporters';

export interface CorpusModel {
  /** File name under CORPUS, e.g. `bc_random_forest.onnx`. */
  name: string;
  /** Holdout CSV under CORPUS. */
  data: string;
  label: string;
  task: 'binary' | 'multiclass' | 'regression';
  /** Class labels in probability-column order (classifiers). */
  classes?: (number | string)[];
  /** One input per column: the columns in model input order. */
  features?: string[];
  exercises: string;
  /** Per holdout row: scikit-learn's / PyTorch's predicted class. */
  predictions?: (number | string)[];
  probabilities?: number[][];
  /** Regression: the predicted value per row. */
  values?: number[];
  /** sklearn.metrics on those predictions. */
  metrics: Record<string, number>;
}

interface Reference {
  meta: Record<string, string>;
  models: Record<string, Omit<CorpusModel, 'name'>>;
}

const reference = JSON.parse(readFileSync(join(CORPUS, 'reference.json'), 'utf8')) as Reference;

export const corpusModels: CorpusModel[] = Object.entries(reference.models).map(([name, m]) => ({
  name,
  ...m,
}));

export function corpusModel(name: string): CorpusModel {
  const m = corpusModels.find((c) => c.name === name);
  if (!m) throw new Error(`no corpus model ${name}`);
  return m;
}

export const corpusPath = (file: string): string => join(CORPUS, file);

/**
 * How far an answer computed in float32 may be from scikit-learn's / PyTorch's float64 one: 1e-6,
 * relative for values beyond 1 (a float32 near 8 is only exact to 4.8e-7, and the regressor's sums
 * of 40 float32 leaves to 1.3e-6). The corpus stays within 3.6e-7 on probabilities.
 */
export function offReference(got: number, want: number): number {
  return Math.abs(got - want) / Math.max(1, Math.abs(want));
}
export const REFERENCE_TOLERANCE = 1e-6;

/** Broken models onnxruntime refuses, with what its loader says, in one sentence. */
export const BROKEN_MODELS = {
  'unknown_op.onnx': /it uses operator Gelu, which opset 17 of the ai\.onnx domain does not have/,
  'future_opset.onnx':
    /it uses opset 99 of the ai\.onnx domain; this onnxruntime supports up to opset \d+/,
  'custom_op.onnx':
    /it uses operator FastGelu of domain com\.acme, which onnxruntime does not know/,
} as const;

/** A holdout CSV as columns of text (the corpus CSVs hold no quotes or commas in cells). */
export function readHoldout(file: string): { columns: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(corpusPath(file), 'utf8').trim().split('\n');
  return { columns: head!.split(','), rows: lines.map((l) => l.split(',')) };
}

function cell(text: string, datatype: Datatype): number | string {
  return datatype === 'BYTES' ? text : Number(text);
}

/**
 * The Open Inference Protocol inputs for holdout rows `from..to`, shaped by the served model's
 * metadata: one [n, 1] (or [n]) tensor per column for per-column models, else one [n, features]
 * tensor of every column but the label, in CSV order.
 */
export function holdoutRequest(
  model: CorpusModel,
  inputs: MetadataTensor[],
  from = 0,
  to?: number,
): RequestInput[] {
  const { columns, rows } = readHoldout(model.data);
  const part = rows.slice(from, to);
  const n = part.length;
  if (inputs.length > 1)
    return inputs.map((t) => {
      const j = columns.indexOf(t.name);
      return {
        name: t.name,
        datatype: t.datatype,
        shape: t.shape.length === 1 ? [n] : [n, 1],
        data: part.map((r) => cell(r[j]!, t.datatype)),
      };
    });
  const features = columns.map((_, j) => j).filter((j) => columns[j] !== model.label);
  const t = inputs[0]!;
  return [
    {
      name: t.name,
      datatype: t.datatype,
      shape: [n, features.length],
      data: part.flatMap((r) => features.map((j) => cell(r[j]!, t.datatype))),
    },
  ];
}

/** Labels of the holdout rows as the CSV holds them (numbers for numeric labels). */
export function holdoutLabels(model: CorpusModel): (number | string)[] {
  const { columns, rows } = readHoldout(model.data);
  const j = columns.indexOf(model.label);
  return rows.map((r) => (typeof model.classes?.[0] === 'string' ? r[j]! : Number(r[j]!)));
}
