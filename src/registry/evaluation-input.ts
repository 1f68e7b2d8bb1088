import { ModelciError } from '../core/errors.js';
import {
  EVALUATION_REPORT_SCHEMA,
  type EvaluationReport,
} from '../core/report/evaluation-report.js';
import { readStructuredFile } from '../data/structured-file.js';

/** Reads an evaluation report for register: only the parts the version record keeps are checked. */
export function readEvaluationReport(file: string): EvaluationReport {
  const data = readStructuredFile(file, 64 * 1024 * 1024) as Partial<EvaluationReport> | undefined;
  if (!data || typeof data !== 'object')
    throw new ModelciError('INPUT', 'not an evaluation report (expected a JSON object)', { file });
  if (data.schema !== EVALUATION_REPORT_SCHEMA)
    throw new ModelciError(
      'INPUT',
      `not an evaluation report: schema is ${JSON.stringify(data.schema)}, expected "${EVALUATION_REPORT_SCHEMA}"`,
      { file, path: 'schema', hint: 'Pass the report written by `modelci evaluate --json`' },
    );
  if (!data.candidate?.model?.sha256)
    throw new ModelciError('INPUT', 'evaluation report has no candidate model fingerprint', {
      file,
      path: 'candidate.model.sha256',
    });
  return data as EvaluationReport;
}
