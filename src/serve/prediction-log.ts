import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { predictionRows, type PredictionRowsInput } from '../core/serve/prediction-rows.js';

/** Per request: 1 MiB of log lines; a 10,000-row request of 30 features fits ~1,700 rows. */
export const DEFAULT_MAX_LOG_BYTES_PER_REQUEST = 1 << 20;

export interface LoggedCount {
  /** The request's key in the log (`_req`): a shadow run of the same request logs under it. */
  request: string;
  rows: number;
  /** Rows left out because the request's lines went over the byte cap. */
  dropped: number;
}

/**
 * Appends prediction rows (see core/serve/prediction-rows.ts) to a JSONL file. Each request gets a
 * key `<process>-<n>` that its rows share; the bytes one request can write are capped, so a client
 * cannot fill the disk through the log.
 */
export class PredictionLog {
  private readonly stream: WriteStream;
  private failed: Error | undefined;
  // Unique per server process, so keys stay unique in a log appended to across restarts.
  private readonly prefix = randomBytes(4).toString('hex');
  private sequence = 0;

  constructor(
    readonly file: string,
    readonly maxBytesPerRequest = DEFAULT_MAX_LOG_BYTES_PER_REQUEST,
  ) {
    this.stream = createWriteStream(file, { flags: 'a' });
    // A full disk must not take the server down: remember the error and stop logging.
    this.stream.on('error', (e) => (this.failed = e));
  }

  get error(): Error | undefined {
    return this.failed;
  }

  /** A new request key, unique in this log. */
  nextRequest(): string {
    return `${this.prefix}-${(this.sequence++).toString(36)}`;
  }

  /** Appends one request's rows: under `request` when given (a shadow run), else a new key. */
  write(p: Omit<PredictionRowsInput, 'ts' | 'request'> & { request?: string }): LoggedCount {
    const request = p.request ?? this.nextRequest();
    if (this.failed) return { request, rows: 0, dropped: 0 };
    const ts = new Date().toISOString();
    const rows = predictionRows({ ...p, ts, request });
    let text = '';
    let bytes = 0;
    let written = 0;
    for (const row of rows) {
      const line = JSON.stringify(row) + '\n';
      const size = Buffer.byteLength(line);
      if (bytes + size > this.maxBytesPerRequest) break;
      text += line;
      bytes += size;
      written++;
    }
    if (text) this.stream.write(text);
    return { request, rows: written, dropped: rows.length - written };
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
