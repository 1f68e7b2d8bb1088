import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { ModelciError } from '../core/errors.js';
import type { Git } from './git.js';

/** One object as `git cat-file --batch` answers: its id, type and bytes; undefined when missing. */
export interface BatchObject {
  sha: string;
  type: string;
  body: Buffer;
}

/** Called with each object as soon as its bytes have arrived (its place in the request, the object). */
export type OnObject = (index: number, object: BatchObject | undefined) => void;

interface Request {
  count: number;
  results: (BatchObject | undefined)[];
  onObject: OnObject | undefined;
  /** What onObject threw: the request's other objects are still taken off the pipe, then it fails. */
  error?: unknown;
  resolve: (objects: (BatchObject | undefined)[]) => void;
  reject: (e: unknown) => void;
}

/**
 * A `git cat-file --batch` process that answers request after request (the index's trees, then
 * its shards: one process, not one each). Objects are parsed as git writes them, straight from
 * the pipe's chunks: a body inside one chunk is a view of it, not a copy. Listing 10,000 runs
 * reads ~8 MB of shards, and on a virtual machine every fresh megabyte costs milliseconds of page
 * faults: collecting the whole output and copying it again cost more than reading it.
 */
export class CatFile {
  private readonly queue: Request[] = [];
  private readonly exited: Promise<void>;
  private failure: Error | undefined;
  /** The bytes of a header line or body that began in an earlier chunk. */
  private parts: Buffer[] = [];
  private partBytes = 0;
  /** The header of the object whose body is arriving; undefined while a header line is. */
  private pending: { sha: string; type: string; size: number } | undefined;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.take(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    // A closed pipe (git died) surfaces through the exit below, not as an unhandled error.
    child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      child.on('error', (e: NodeJS.ErrnoException) => {
        this.fail(
          e.code === 'ENOENT'
            ? new ModelciError('GIT', 'git is not installed or not on PATH', {
                hint: 'Install git',
              })
            : e,
        );
        resolve();
      });
      child.on('close', (code) => {
        // Whatever is asked from now on fails too, with what git said.
        this.fail(
          new ModelciError(
            'GIT',
            `git cat-file --batch exited with ${code}: ${this.stderr.trim() || 'no message'}`,
          ),
        );
        resolve();
      });
    });
  }

  static open(git: Git): CatFile {
    return new CatFile(git.spawnStream(['cat-file', '--batch']));
  }

  /**
   * The objects named by `specs` (`<sha>`, `<commit>:<path>`, `<rev>^{tree}`), in order; a name
   * git cannot resolve is undefined. `onObject` sees each one as it arrives.
   */
  read(specs: readonly string[], onObject?: OnObject): Promise<(BatchObject | undefined)[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (!specs.length) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ count: specs.length, results: [], onObject, resolve, reject });
      this.child.stdin.write(specs.map((s) => `${s}\n`).join(''));
    });
  }

  /** Ends the process (after what was asked has been answered). */
  async close(): Promise<void> {
    this.failure ??= new Error('git cat-file --batch was closed');
    this.child.stdin.end();
    await this.exited;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const r of this.queue.splice(0)) r.reject(this.failure);
  }

  private take(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && this.queue.length) {
      if (!this.pending) {
        const nl = chunk.indexOf(10, at);
        if (nl < 0) {
          this.keep(chunk.subarray(at));
          return;
        }
        const line = this.joined(chunk.subarray(at, nl)).toString('utf8');
        at = nl + 1;
        const m = /^([0-9a-f]+) (\S+) (\d+)$/.exec(line);
        // `<spec> missing` (or ambiguous): a header line and nothing else.
        if (!m) this.deliver(undefined);
        else this.pending = { sha: m[1]!, type: m[2]!, size: Number(m[3]) };
        continue;
      }
      // The body and the newline git writes after it.
      const need = this.pending.size + 1 - this.partBytes;
      if (chunk.length - at < need) {
        this.keep(chunk.subarray(at));
        return;
      }
      const body = this.joined(chunk.subarray(at, at + need - 1));
      at += need;
      const { sha, type } = this.pending;
      this.pending = undefined;
      this.deliver({ sha, type, body });
    }
  }

  /** Keeps bytes for the next chunk (copied: the pipe may reuse its buffer). */
  private keep(bytes: Buffer): void {
    this.parts.push(Buffer.from(bytes));
    this.partBytes += bytes.length;
  }

  /** `tail` after the kept bytes, as one buffer; the kept bytes are cleared. */
  private joined(tail: Buffer): Buffer {
    if (!this.parts.length) return tail;
    const all = Buffer.concat([...this.parts, tail]);
    this.parts = [];
    this.partBytes = 0;
    return all;
  }

  private deliver(o: BatchObject | undefined): void {
    const r = this.queue[0]!;
    const i = r.results.length;
    r.results.push(o);
    if (r.error === undefined)
      try {
        r.onObject?.(i, o);
      } catch (e) {
        r.error = e;
      }
    if (r.results.length === r.count) {
      this.queue.shift();
      if (r.error !== undefined) r.reject(r.error);
      else r.resolve(r.results);
    }
  }
}

/**
 * Reads objects named by `specs` with one `git cat-file --batch`, in order; a name git cannot
 * resolve is undefined.
 */
export async function catFileBatch(
  git: Git,
  specs: readonly string[],
  onObject?: OnObject,
): Promise<(BatchObject | undefined)[]> {
  if (!specs.length) return [];
  const cat = CatFile.open(git);
  try {
    return await cat.read(specs, onObject);
  } finally {
    await cat.close();
  }
}
