import { createWriteStream, type WriteStream } from 'node:fs';
import { predictionRows, type PredictionRowsInput } from '../core/serve/prediction-rows.js';

/** Appends prediction rows (see core/serve/prediction-rows.ts) to a JSONL file. */
export class PredictionLog {
  private readonly stream: WriteStream;
  private failed: Error | undefined;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { flags: 'a' });
    // A full disk must not take the server down: remember the error and stop logging.
    this.stream.on('error', (e) => (this.failed = e));
  }

  get error(): Error | undefined {
    return this.failed;
  }

  write(p: Omit<PredictionRowsInput, 'ts'>): void {
    if (this.failed) return;
    const ts = new Date().toISOString();
    const lines = predictionRows({ ...p, ts }).map((r) => JSON.stringify(r));
    this.stream.write(lines.join('\n') + '\n');
  }

  /** Resolves once every row written so far is in the file (writes complete in order). */
  flush(): Promise<void> {
    if (this.failed) return Promise.resolve();
    return new Promise((resolve) => this.stream.write('', () => resolve()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
