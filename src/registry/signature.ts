import type { EvaluationReport, ModelSignature } from '../core/report/evaluation-report.js';

/** The model's signature: read from the ONNX file itself, else taken from the evaluation report. */
export async function signatureOf(
  file: string,
  report: EvaluationReport | undefined,
): Promise<ModelSignature | undefined> {
  if (/\.onnx$/i.test(file)) {
    // protobufjs and the ONNX message types (~400 KB of bundle) load only for an ONNX artifact.
    const { readOnnxSignature } = await import(
      /* webpackChunkName: "onnx-signature" */ '../onnx/signature.js'
    );
    return readOnnxSignature(file);
  }
  return report?.candidate.signature;
}
