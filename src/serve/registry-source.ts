import { ModelciError } from '../core/errors.js';
import type { ModelSource } from './loaded-model.js';

/**
 * What a registry stage names: one model source per model with a pointer for the stage, and a
 * reload that re-reads the pointer (for hot swaps after a promotion).
 */
export async function registrySources(
  _dir: string,
  _stage: string,
): Promise<{ models: ModelSource[]; reload: (name: string) => Promise<ModelSource> }> {
  // Filled in once the registry read API (src/registry/) lands on main.
  throw new ModelciError('USAGE', 'serving from a registry is not available yet', {
    hint: 'Serve files with --model <name>=<file.onnx>',
  });
}
