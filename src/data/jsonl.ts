import { open } from 'node:fs/promises';
import { ModelciError } from '../core/errors.js';
import { assertDataFile } from './data-file.js';
import type { Cell, RecordBatch, TableSource } from './table.js';

/**
 * JSON Lines reader: one JSON object per line, streamed in byte chunks (no whole-file read).
 * Keys become columns in order of first appearance; a key absent from a line is missing there.
 * Nested values are kept as their JSON text. Invalid UTF-8 and invalid JSON name the line.
 */
export interface JsonlOptions {
  /** Invalid UTF-8 on a line: stop with an error naming the line (default), or replace with U+FFFD and count. */
  invalidUtf8?: 'error' | 'replace';
  chunkBytes?: number;
}

export interface JsonlSource extends TableSource {
  format: 'jsonl';
  readonly invalidUtf8Lines: number;
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export async function openJsonl(file: string, opts: JsonlOptions = {}): Promise<JsonlSource> {
  await assertDataFile(file, 'JSONL');
  const source = new JsonlReader(file, opts);
  // Columns of the first object; later lines may add more (batches carry their own list).
  for await (const batch of source.batches(1)) {
    source.columns = [...batch.columns];
    break;
  }
  return source;
}

class JsonlReader implements JsonlSource {
  readonly format = 'jsonl' as const;
  columns: string[] = [];
  invalidUtf8Lines = 0;
  constructor(
    readonly file: string,
    private readonly opts: JsonlOptions,
  ) {}

  private async *lines(): AsyncGenerator<{ line: number; bytes: Uint8Array }> {
    const handle = await open(this.file, 'r');
    try {
      const size = this.opts.chunkBytes ?? 1 << 20;
      let carry: Uint8Array = new Uint8Array(0);
      let line = 0;
      for (;;) {
        const buf = new Uint8Array(size);
        const { bytesRead } = await handle.read(buf, 0, size, null);
        if (bytesRead === 0) break;
        let chunk: Uint8Array = buf.subarray(0, bytesRead);
        if (carry.length) {
          const joined = new Uint8Array(carry.length + chunk.length);
          joined.set(carry);
          joined.set(chunk, carry.length);
          chunk = joined;
        }
        let start = 0;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
          line++;
          yield { line, bytes: chunk.subarray(start, i) };
          start = i + 1;
        }
        carry = chunk.slice(start);
      }
      if (carry.length) yield { line: line + 1, bytes: carry };
    } finally {
      await handle.close();
    }
  }

  async *batches(batchSize = 65536): AsyncIterable<RecordBatch> {
    const index = new Map<string, number>();
    const columns: string[] = [];
    let rows: Record<string, unknown>[] = [];
    let firstRow = 1;
    let row = 0;
    const flush = (): RecordBatch => {
      const values: Cell[][] = columns.map((name) => rows.map((r) => toCell(r[name])));
      const batch = { columns: [...columns], firstRow, length: rows.length, values };
      firstRow += rows.length;
      rows = [];
      return batch;
    };
    for await (const { line, bytes } of this.lines()) {
      let text: string;
      try {
        text = fatal.decode(bytes);
      } catch {
        if (this.opts.invalidUtf8 !== 'replace') {
          throw new ModelciError('DATA', 'the text is not valid UTF-8', {
            file: this.file,
            row: line,
            hint: 'Re-encode the file as UTF-8',
          });
        }
        this.invalidUtf8Lines++;
        text = lenient.decode(bytes);
      }
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new ModelciError(
          'PARSE',
          `line ${line} is not valid JSON (${(e as Error).message})`,
          {
            file: this.file,
            row: line,
            hint: 'Each line must be one JSON object',
          },
        );
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ModelciError('PARSE', `line ${line} is not a JSON object`, {
          file: this.file,
          row: line,
          hint: 'Each line must be one JSON object',
        });
      }
      row++;
      for (const key of Object.keys(value)) {
        if (!index.has(key)) {
          index.set(key, columns.length);
          columns.push(key);
        }
      }
      rows.push(value as Record<string, unknown>);
      if (rows.length >= batchSize) yield flush();
    }
    if (rows.length) yield flush();
    void row;
  }
}

function toCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
