// onnxruntime-node's native library (~46 MB) is not bundled into dist/: it is loaded at run time.
// The CLI gets it from the package's node_modules; the evaluate issue adds the runner tool-cache
// path for actions.
import type * as Ort from 'onnxruntime-node';

export type OnnxRuntime = typeof Ort;

let cached: Promise<OnnxRuntime> | undefined;

export function loadOnnxRuntime(): Promise<OnnxRuntime> {
  cached ??= import('onnxruntime-node') as Promise<OnnxRuntime>;
  return cached;
}
