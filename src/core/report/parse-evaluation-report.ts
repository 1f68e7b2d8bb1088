import { validationReportProblem } from '../contract/report.js';
import { ModelciError } from '../errors.js';
import { EVALUATION_REPORT_SCHEMA, type EvaluationReport } from './evaluation-report.js';

type Check = [path: string, ok: (v: unknown) => boolean, expected: string];

const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function at(data: unknown, path: string): unknown {
  let cur = data;
  for (const k of path.split('.'))
    cur = isObject(cur) ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

/** The fields the renderer reads; a report missing one is refused with its key path. */
const CHECKS: Check[] = [
  ['model_name', (v) => typeof v === 'string', 'a string'],
  ['metrics', isObject, 'a mapping of metric name to {value, ci}'],
  ['candidate.model.bytes', isNum, 'a number'],
  ['candidate.model.sha256', (v) => typeof v === 'string', 'a string'],
  ['candidate.signature.inputs', Array.isArray, 'a list'],
  ['candidate.signature.outputs', Array.isArray, 'a list'],
  ['dataset.path', (v) => typeof v === 'string', 'a string'],
  ['dataset.sha256', (v) => typeof v === 'string', 'a string'],
  ['bootstrap.resamples', isNum, 'a number'],
  ['bootstrap.confidence', isNum, 'a number'],
];

/** Checks that parsed JSON is an evaluation report this version can render. */
export function parseEvaluationReport(data: unknown, file: string): EvaluationReport {
  const hint =
    "Pass the JSON written by `modelci evaluate --json` (or the evaluate action's report)";
  if (!isObject(data))
    throw new ModelciError('DATA', 'evaluation report must be a JSON object', { file, hint });
  const schema = (data as Record<string, unknown>).schema;
  if (schema !== EVALUATION_REPORT_SCHEMA)
    throw new ModelciError(
      'DATA',
      `unsupported report schema ${JSON.stringify(schema)}, expected "${EVALUATION_REPORT_SCHEMA}"`,
      {
        file,
        path: 'schema',
        hint,
      },
    );
  for (const [path, ok, expected] of CHECKS)
    if (!ok(at(data, path)))
      throw new ModelciError('DATA', `must be ${expected}`, { file, path, hint });
  const r = data as unknown as EvaluationReport;
  for (const [name, m] of Object.entries(r.metrics))
    if (!isObject(m) || !isNum(m.value))
      throw new ModelciError('DATA', 'must be {value: <number>, ci?: [low, high]}', {
        file,
        path: `metrics.${name}`,
        hint,
      });
  if (r.data_checks !== undefined) {
    const problem = validationReportProblem(r.data_checks);
    if (problem)
      throw new ModelciError('DATA', `must be ${problem.expected}`, {
        file,
        path: `data_checks${problem.path ? `.${problem.path}`.replace('.[', '[') : ''}`,
        hint,
      });
  }
  if (r.baseline && !(isObject(r.baseline.model) && isObject(r.baseline.signature)))
    throw new ModelciError('DATA', 'must have model and signature', {
      file,
      path: 'baseline',
      hint,
    });
  return r;
}
