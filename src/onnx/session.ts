import { readModelFile } from './model-file.js';
import type { InferenceSession } from 'onnxruntime-node';
import { ModelciError } from '../core/errors.js';
import { loaderMessage, ONNX_LOAD_HINT } from './load-error.js';
import { loadOnnxRuntime } from './runtime.js';

/**
 * Opens an onnxruntime session; a model onnxruntime refuses (unknown operator, future opset or
 * IR version, broken graph) is a ModelciError naming the file, with the loader's reason in one
 * sentence.
 */
export async function createSession(
  bytes: Uint8Array,
  file: string,
  options: InferenceSession.SessionOptions = {},
): Promise<InferenceSession> {
  const ort = await loadOnnxRuntime();
  try {
    return await ort.InferenceSession.create(bytes, options);
  } catch (e) {
    throw new ModelciError('MODEL', `onnxruntime cannot load the model: ${loaderMessage(e)}`, {
      file,
      hint: ONNX_LOAD_HINT,
    });
  }
}

/** Loads a model file with onnxruntime and releases it: what register checks before it writes. */
export async function checkOnnxLoads(file: string): Promise<void> {
  const bytes = readModelFile(file);
  const session = await createSession(bytes, file);
  await session.release();
}
