import { stat } from 'node:fs/promises';
import { ModelciError } from '../core/errors.js';

/** Fails with a user-facing error unless `file` is a readable regular file; `kind` names the format. */
export async function assertDataFile(file: string, kind: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(file)).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelciError(
      'FILE',
      code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`,
      {
        file,
        hint: 'Check the path (it is relative to the working directory)',
      },
    );
  }
  if (isDirectory)
    throw new ModelciError('FILE', `is a directory, expected a ${kind} file`, { file });
}
