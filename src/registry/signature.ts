import type { EvaluationReport, ModelSignature } from '../core/report/evaluation-report.js';
import { readOnnxSignature } from '../onnx/signature.js';

/** The model's signature: read from the ONNX file itself, else taken from the evaluation report. */
export async function signatureOf(
  file: string,
  report: EvaluationReport | undefined,
): Promise<ModelSignature | undefined> {
  if (/\.onnx$/i.test(file)) return readOnnxSignature(file);
  return report?.candidate.signature;
}
