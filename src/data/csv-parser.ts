import { ModelciError } from '../core/errors.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A record as byte ranges into `buf`, valid only during the callback (buffers are reused). */
export interface RawRecord {
  buf: Buffer;
  /** Number of fields in this record. */
  count: number;
  /** Field i spans buf[starts[i], ends[i]); for a quoted field, the bytes inside the quotes. */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when field i was quoted and contains an escaped quote ("") to unescape. */
  escaped: Uint8Array;
  /** 1-based line of the file where the record starts (quoted newlines make lines != records). */
  line: number;
}

export interface CsvParserOptions {
  file: string;
  delimiter?: number;
  /** A record longer than this is a broken file (an unclosed quote, usually), not data. */
  maxRecordBytes?: number;
}

/**
 * RFC 4180 parser over bytes, streaming: feed chunks, get records through a callback. Works on
 * bytes because every structural character is ASCII, so UTF-8 never needs decoding here; fields
 * are decoded only when a consumer asks (the numeric path never makes strings).
 */
export class CsvParser {
  private readonly file: string;
  private readonly delim: number;
  private readonly maxRecordBytes: number;
  private leftover: Buffer | null = null;
  private work: Buffer = Buffer.alloc(0);
  private line = 1;
  private capacity = 64;
  private rec: RawRecord;
  private bomChecked = false;

  constructor(
    opts: CsvParserOptions,
    private readonly onRecord: (r: RawRecord) => void,
  ) {
    this.file = opts.file;
    this.delim = opts.delimiter ?? COMMA;
    this.maxRecordBytes = opts.maxRecordBytes ?? 64 * 1024 * 1024;
    this.rec = {
      buf: Buffer.alloc(0),
      count: 0,
      starts: new Int32Array(this.capacity),
      ends: new Int32Array(this.capacity),
      escaped: new Uint8Array(this.capacity),
      line: 1,
    };
  }

  push(chunk: Buffer): void {
    let buf = this.leftover ? this.joined(this.leftover, chunk) : chunk;
    if (!this.bomChecked && buf.length >= 3) {
      this.bomChecked = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    const consumed = this.parse(buf, false);
    this.leftover = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : null;
    if (this.leftover && this.leftover.length > this.maxRecordBytes)
      throw new ModelciError(
        'DATA',
        `a record longer than ${this.maxRecordBytes} bytes starts here`,
        {
          file: this.file,
          row: this.line,
          hint: 'Look for a quote that is opened and never closed',
        },
      );
  }

  /**
   * The unfinished record and the next chunk in one buffer, reused from chunk to chunk: a fresh
   * Buffer.concat per chunk cost a megabyte of new pages each time (5 % of a large drift check).
   * Safe because a record's bytes are only valid during its callback, and the leftover is copied
   * out before the buffer is written again.
   */
  private joined(leftover: Buffer, chunk: Buffer): Buffer {
    const need = leftover.length + chunk.length;
    if (this.work.length < need)
      this.work = Buffer.allocUnsafe(Math.max(need, 2 * this.work.length));
    leftover.copy(this.work, 0);
    chunk.copy(this.work, leftover.length);
    return this.work.subarray(0, need);
  }

  end(): void {
    const buf = this.leftover;
    this.leftover = null;
    if (buf && buf.length) {
      let b = buf;
      if (!this.bomChecked && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
        b = b.subarray(3);
      this.parse(b, true);
    }
  }

  private grow(): void {
    this.capacity *= 2;
    const { starts, ends, escaped } = this.rec;
    this.rec.starts = new Int32Array(this.capacity);
    this.rec.starts.set(starts);
    this.rec.ends = new Int32Array(this.capacity);
    this.rec.ends.set(ends);
    this.rec.escaped = new Uint8Array(this.capacity);
    this.rec.escaped.set(escaped);
  }

  /** Parses every complete record in buf; returns the offset of the first unconsumed byte. */
  private parse(buf: Buffer, eof: boolean): number {
    const delim = this.delim;
    const n = buf.length;
    const rec = this.rec;
    rec.buf = buf;
    let pos = 0;
    outer: while (pos < n) {
      const recordStart = pos;
      const startLine = this.line;
      let lines = 0;
      let count = 0;
      let i = pos;
      for (;;) {
        if (count === this.capacity) this.grow();
        if (i < n && buf[i] === QUOTE) {
          // Quoted field: runs to the closing quote not followed by another quote.
          let j = i + 1;
          let esc = 0;
          for (;;) {
            if (j >= n) {
              if (!eof) {
                this.line = startLine;
                return recordStart;
              }
              throw new ModelciError('DATA', 'a quoted field is never closed', {
                file: this.file,
                row: startLine,
                hint: 'Close the quote, or double quotes inside a quoted field ("")',
              });
            }
            const c = buf[j]!;
            if (c === QUOTE) {
              if (j + 1 < n && buf[j + 1] === QUOTE) {
                esc = 1;
                j += 2;
                continue;
              }
              if (j + 1 >= n && !eof) {
                this.line = startLine;
                return recordStart;
              }
              break;
            }
            if (c === LF) lines++;
            j++;
          }
          rec.starts[count] = i + 1;
          rec.ends[count] = j;
          rec.escaped[count] = esc;
          count++;
          i = j + 1;
          if (i < n && buf[i] !== delim && buf[i] !== LF && buf[i] !== CR)
            throw new ModelciError('DATA', 'unexpected text after a closing quote', {
              file: this.file,
              row: startLine + lines,
              hint: 'Quote the whole field and double any quote inside it ("")',
            });
        } else {
          let j = i;
          while (j < n) {
            const c = buf[j]!;
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          rec.starts[count] = i;
          rec.ends[count] = j;
          rec.escaped[count] = 0;
          count++;
          i = j;
        }
        if (i >= n) {
          if (!eof) {
            this.line = startLine;
            return recordStart;
          }
          pos = n;
          break;
        }
        const c = buf[i]!;
        if (c === delim) {
          i++;
          if (i >= n && !eof) {
            this.line = startLine;
            return recordStart;
          }
          if (i >= n) {
            // Trailing delimiter at end of file: one more empty field.
            if (count === this.capacity) this.grow();
            rec.starts[count] = i;
            rec.ends[count] = i;
            rec.escaped[count] = 0;
            count++;
            pos = n;
            break;
          }
          continue;
        }
        // End of record: LF, CRLF or a lone CR.
        if (c === CR) {
          if (i + 1 >= n && !eof) {
            this.line = startLine;
            return recordStart;
          }
          i += i + 1 < n && buf[i + 1] === LF ? 2 : 1;
        } else {
          i++;
        }
        lines++;
        pos = i;
        rec.count = count;
        rec.line = startLine;
        this.line = startLine + lines;
        // A blank line is not a record (common at the end of files).
        if (!(count === 1 && rec.ends[0] === rec.starts[0] && buf[recordStart] !== QUOTE))
          this.onRecord(rec);
        continue outer;
      }
      rec.count = count;
      rec.line = startLine;
      this.line = startLine + lines;
      if (!(count === 1 && rec.ends[0] === rec.starts[0] && buf[recordStart] !== QUOTE))
        this.onRecord(rec);
    }
    return pos;
  }
}
