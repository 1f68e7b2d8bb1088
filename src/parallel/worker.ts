/**
 * The one worker-thread entry (bundled as modelci-worker.js): runs the task named in workerData,
 * posts `{ event }` messages while it works (progress) and `{ ok, value | error }` at the end.
 * Tasks import core code and the data readers only, so the script stays small.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { bootstrapTask, type BootstrapTask } from './bootstrap-task.js';
import { profileTask, type ProfileTask } from './profile-task.js';
import { errorShapeOf, type WorkerTask } from './threads.js';

const task = workerData as WorkerTask;

async function run(): Promise<void> {
  if (task.task === 'bootstrap') {
    const value = bootstrapTask(task as unknown as BootstrapTask);
    parentPort!.postMessage(
      { ok: true, value },
      value.map((m) => m.buffer as ArrayBuffer),
    );
    return;
  }
  if (task.task === 'profile') {
    const value = await profileTask(task as unknown as ProfileTask, (event) =>
      parentPort!.postMessage({ event }),
    );
    parentPort!.postMessage({ ok: true, value });
    return;
  }
  throw new Error(`unknown worker task "${task.task}"`);
}

run().catch((e: unknown) => parentPort!.postMessage({ ok: false, error: errorShapeOf(e) }));
