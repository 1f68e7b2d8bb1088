/**
 * A data file profiled on another thread: drift reads its two sides at once, one here and one on
 * the main thread, so a check uses both cores. The profile comes back as its JSON form (plain data
 * crosses the thread boundary) and is loaded as a stored profile would be: the same numbers, so
 * the drift result is the single-threaded one exactly (test/unit/parallel/drift-threads.test.ts).
 */
import { TableProfile, type TableProfileJson } from '../core/profile/table-profile.js';
import {
  profileFile,
  type ProfileFileOptions,
  type ProfileProgress,
  type ReadNotes,
} from '../data/profile-file.js';
import { runInWorker } from './threads.js';

export interface ProfileTask {
  task: 'profile';
  file: string;
  options: Omit<ProfileFileOptions, 'onProgress'>;
  /** Post progress events (only when someone shows them). */
  progress: boolean;
}

export interface ProfiledFile {
  profile: TableProfileJson;
  notes: ReadNotes;
}

/** Runs in the worker: the profile, with progress posted as events. */
export async function profileTask(
  t: ProfileTask,
  onProgress: (p: ProfileProgress) => void,
): Promise<ProfiledFile> {
  const opts: ProfileFileOptions = t.progress ? { ...t.options, onProgress } : t.options;
  const { profile, notes } = await profileFile(t.file, opts);
  return { profile: profile.toJSON(), notes };
}

/** profileFile on a worker thread: the same profile, built while this thread does other work. */
export async function profileFileOnThread(
  file: string,
  opts: ProfileFileOptions = {},
): Promise<{ profile: TableProfile; notes: ReadNotes }> {
  const { onProgress, ...options } = opts;
  const task: ProfileTask = { task: 'profile', file, options, progress: onProgress !== undefined };
  const done = await runInWorker<ProfiledFile, ProfileTask>(
    task,
    [],
    onProgress ? (e) => onProgress(e as ProfileProgress) : undefined,
  );
  return { profile: TableProfile.fromJSON(done.profile, file), notes: done.notes };
}
