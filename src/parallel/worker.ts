/**
 * The one worker-thread entry (bundled as modelci-worker.js): runs the task named in workerData
 * and posts `{ ok, value | error }` back. Tasks import only pure code, so the script stays small.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { bootstrapTask, type BootstrapTask } from './bootstrap-task.js';
import { errorShapeOf, type WorkerTask } from './threads.js';

const task = workerData as WorkerTask;
try {
  if (task.task !== 'bootstrap') throw new Error(`unknown worker task "${task.task}"`);
  const value = bootstrapTask(task as unknown as BootstrapTask);
  parentPort!.postMessage(
    { ok: true, value },
    value.map((m) => m.buffer as ArrayBuffer),
  );
} catch (e) {
  parentPort!.postMessage({ ok: false, error: errorShapeOf(e) });
}
