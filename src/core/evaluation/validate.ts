/** Checks of EvaluationInput that a user can cause (through data or model outputs). */
import { ModelciError } from '../errors.js';
import type { EvaluationInput, Predictions } from './types.js';

/** Number of classes (classification) after validating every array against the rows. */
export function validateInput(input: EvaluationInput): number {
  const n = input.yTrue.length;
  if (n === 0) {
    throw new ModelciError('DATA', 'no rows to evaluate', {
      hint: 'Check the data file and any row filters',
    });
  }
  const check = (p: Predictions, who: string): number => {
    if (input.task === 'regression') {
      if (p.kind !== 'regression') throw kindError(who, 'regression', p.kind);
      if (p.value.length !== n) throw lengthError(who, p.value.length, n);
      const bad = firstNonFinite(p.value);
      if (bad >= 0) throw rowError(`${who} model predicted ${p.value[bad]}`, bad);
      return 0;
    }
    if (p.kind !== 'classification') throw kindError(who, 'classification', p.kind);
    const k = p.classes.length;
    if (k < 2) throw new ModelciError('MODEL', `${who} model has ${k} class(es); need at least 2`);
    if (input.task === 'binary' && k !== 2) {
      throw new ModelciError('MODEL', `${who} model has ${k} classes but the task is binary`, {
        hint: 'Set task: multiclass for this model',
      });
    }
    if (p.label.length !== n) throw lengthError(who, p.label.length, n);
    for (let i = 0; i < n; i++) {
      const c = p.label[i] as number;
      if (c < 0 || c >= k) throw rowError(`${who} model predicted class index ${c} of ${k}`, i);
    }
    if (p.proba) {
      if (p.proba.length !== n * k) {
        throw new ModelciError(
          'MODEL',
          `${who} model gave ${p.proba.length} probabilities for ${n} rows × ${k} classes`,
        );
      }
      for (let i = 0; i < p.proba.length; i++) {
        const v = p.proba[i] as number;
        if (!(v >= 0 && v <= 1)) {
          throw rowError(
            `${who} model gave probability ${v} for class ${String(p.classes[i % k])}`,
            Math.floor(i / k),
          );
        }
      }
    }
    return k;
  };
  const k = check(input.candidate, 'candidate');
  if (input.baseline) {
    const kb = check(input.baseline, 'baseline');
    if (kb !== k) {
      throw new ModelciError('MODEL', `baseline model has ${kb} classes, candidate has ${k}`, {
        hint: 'Both models must be trained on the same label set',
      });
    }
  }
  if (input.task === 'regression') {
    const bad = firstNonFinite(input.yTrue);
    if (bad >= 0) throw rowError(`label is ${input.yTrue[bad]}`, bad);
  } else {
    for (let i = 0; i < n; i++) {
      const c = input.yTrue[i] as number;
      if (!Number.isInteger(c) || c < 0 || c >= k) {
        throw rowError(`label index ${c} is not one of the model's ${k} classes`, i);
      }
    }
    const pos = input.positiveClass ?? 1;
    if (input.task === 'binary' && pos !== 0 && pos !== 1) {
      throw new ModelciError('INPUT', `positive class index must be 0 or 1 (got ${pos})`);
    }
  }
  for (const [column, values] of Object.entries(input.slices ?? {})) {
    if (values.length !== n) {
      throw new ModelciError('DATA', `slice column has ${values.length} values for ${n} rows`, {
        column,
      });
    }
  }
  const { resamples, confidence, seed } = input.bootstrap;
  if (!Number.isInteger(resamples) || resamples < 0) {
    throw new ModelciError(
      'INPUT',
      `bootstrap resamples must be a non-negative integer (got ${resamples})`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new ModelciError('INPUT', `bootstrap confidence must be in (0, 1) (got ${confidence})`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new ModelciError('INPUT', `bootstrap seed must be a non-negative integer (got ${seed})`);
  }
  return k;
}

function firstNonFinite(values: Float64Array | Int32Array): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

function kindError(who: string, want: string, got: string): ModelciError {
  return new ModelciError('MODEL', `${who} model gives ${got} outputs but the task needs ${want}`);
}

function lengthError(who: string, got: number, n: number): ModelciError {
  return new ModelciError('MODEL', `${who} model gave ${got} predictions for ${n} rows`);
}

/** `row` is 0-based here; errors carry the 1-based data row (header excluded). */
function rowError(message: string, row: number): ModelciError {
  return new ModelciError('DATA', message, { row: row + 1 });
}
