import type { ColumnChunk, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convertWithDictionary } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';

/**
 * A flat numeric Parquet column of one row group straight into a Float64Array (null -> NaN).
 *
 * Why not hyparquet's own read: it assembles every OPTIONAL column (what pandas and pyarrow write)
 * through its general nested-list (Dremel) assembly, value by value into a JS array, which costs
 * ~250 ns a value, slower than parsing the same numbers from CSV text. A flat column needs no
 * assembly: a definition level of max means "next value", anything lower means null. Pages are
 * still decompressed and decoded by hyparquet's own functions (all its encodings and codecs).
 */
const NUMBER_TYPES = new Set(['DOUBLE', 'FLOAT', 'INT32', 'INT64']);

/** Whether `readNumberColumn` can read this column (else the general reader does). */
export function isFlatNumberColumn(node: SchemaTree): boolean {
  const e = node.element;
  if (node.children.length || e.repetition_type === 'REPEATED') return false;
  if (!e.type || !NUMBER_TYPES.has(e.type)) return false;
  // Plain numbers only: decimals, dates and timestamps need hyparquet's conversions.
  const ctype = e.converted_type;
  if (ctype && !/^U?INT_(8|16|32|64)$/.test(ctype)) return false;
  const ltype = e.logical_type?.type;
  return !ltype || ltype === 'INTEGER';
}

/** Reads `length` bytes at `position` of the file. */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

export interface NumberColumnRead {
  readAt: ReadAt;
  node: SchemaTree;
  chunk: ColumnChunk;
  rows: number;
}

/** Bytes read ahead for a page header (and, when it fits, the page itself). */
const HEADER_WINDOW = 64 * 1024;

/**
 * One flat numeric column chunk, decoded page by page as rows are asked for: memory is one page
 * (pyarrow's default: 1 MiB) per column, not the row group (a 1M-row group of 30 DOUBLE columns
 * is 240 MB decoded), and the file is read a page at a time with positioned reads.
 */
export class NumberColumnCursor {
  private offset: number;
  private readonly end: number;
  private row = 0;
  private page: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private at = 0;
  private dictionary: ArrayLike<unknown> | undefined;
  private readonly decoder;
  private readonly maxDef: number;

  constructor(private readonly read: NumberColumnRead) {
    const meta = read.chunk.meta_data;
    if (!meta) throw new Error('column chunk has no metadata');
    const dict = meta.dictionary_page_offset;
    this.offset = Number(dict !== undefined && dict > 0n ? dict : meta.data_page_offset);
    this.end = this.offset + Number(meta.total_compressed_size);
    const node = read.node;
    const schemaPath = [{ element: { name: 'root' }, children: [node], count: 1, path: [] }, node];
    this.decoder = {
      pathInSchema: meta.path_in_schema,
      type: meta.type,
      element: node.element,
      schemaPath: schemaPath as unknown as SchemaTree[],
      codec: meta.codec,
      parsers: {} as never,
    };
    this.maxDef = node.element.repetition_type === 'REQUIRED' ? 0 : 1;
  }

  /** Writes the next `n` values of the column into `out[at..at+n)` (null -> NaN). */
  async fill(out: Float64Array, at: number, n: number): Promise<void> {
    let done = 0;
    while (done < n) {
      if (this.at === this.page.length) {
        const page = await this.nextPage();
        if (!page) {
          const path = this.decoder.pathInSchema.join('.');
          throw new Error(`column ${path} holds ${this.row} of ${this.read.rows} rows`);
        }
        this.page = page;
        this.at = 0;
      }
      const k = Math.min(n - done, this.page.length - this.at);
      out.set(this.page.subarray(this.at, this.at + k), at + done);
      this.at += k;
      done += k;
    }
  }

  /** The next data page's values (null -> NaN), or undefined past the chunk's end. */
  private async nextPage(): Promise<Float64Array | undefined> {
    const meta = this.read.chunk.meta_data!;
    while (this.row < this.read.rows && this.offset < this.end) {
      const { header, compressed } = await this.readPage();
      const size = Number(header.uncompressed_page_size);
      if (header.type === 'DICTIONARY_PAGE') {
        const page = decompressPage(compressed, size, meta.codec, undefined);
        const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
        this.dictionary = readPlain(
          { view, offset: 0 },
          meta.type,
          header.dictionary_page_header!.num_values,
          this.read.node.element.type_length,
        );
        continue;
      }
      const maxDef = this.maxDef;
      let levels: Uint8Array | undefined;
      let values: ArrayLike<unknown>;
      let n: number;
      if (header.type === 'DATA_PAGE') {
        const daph = header.data_page_header!;
        n = daph.num_values;
        const page = decompressPage(compressed, size, meta.codec, undefined);
        const at = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
        if (maxDef) readRleBitPackedHybrid(at, 1, (levels = new Uint8Array(n)));
        if (daph.encoding === 'PLAIN')
          values = plainNumbers(page, at.offset, meta.type, present(levels, n));
        else {
          const p = readDataPage(page, daph, this.decoder);
          values = convertWithDictionary(
            p.dataPage,
            this.dictionary as never,
            daph.encoding,
            this.decoder,
          );
        }
      } else if (header.type === 'DATA_PAGE_V2') {
        const daph2 = header.data_page_header_v2!;
        n = daph2.num_values;
        const rl = daph2.repetition_levels_byte_length;
        const dl = daph2.definition_levels_byte_length;
        if (maxDef) {
          const view = new DataView(compressed.buffer, compressed.byteOffset + rl, dl);
          readRleBitPackedHybrid({ view, offset: 0 }, 1, (levels = new Uint8Array(n)), dl);
        }
        if (daph2.encoding === 'PLAIN') {
          let page: Uint8Array = compressed.subarray(rl + dl);
          if (daph2.is_compressed !== false)
            page = decompressPage(page, size - rl - dl, meta.codec, undefined);
          values = plainNumbers(page, 0, meta.type, n - daph2.num_nulls);
        } else {
          const p = readDataPageV2(compressed, header, this.decoder);
          values = convertWithDictionary(
            p.dataPage,
            this.dictionary as never,
            daph2.encoding,
            this.decoder,
          );
        }
      } else continue; // index pages carry no values
      n = Math.min(n, this.read.rows - this.row);
      const out = new Float64Array(n);
      if (levels && present(levels, n) < n) {
        let v = 0;
        for (let i = 0; i < n; i++) out[i] = levels[i] === maxDef ? Number(values[v++]) : NaN;
      } else if (
        values instanceof Float64Array ||
        values instanceof Float32Array ||
        values instanceof Int32Array
      ) {
        out.set(n === values.length ? values : values.subarray(0, n));
      } else for (let i = 0; i < n; i++) out[i] = Number(values[i]);
      this.row += n;
      return out;
    }
    return undefined;
  }

  /** The page at `offset`: its header, and its (compressed) bytes. */
  private async readPage(): Promise<{ header: PageHeader; compressed: Uint8Array }> {
    let window = Math.min(HEADER_WINDOW, this.end - this.offset);
    for (;;) {
      const bytes = await this.read.readAt(this.offset, window);
      const reader = {
        view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        offset: 0,
      };
      let header: PageHeader;
      try {
        header = parquetHeader(reader);
      } catch (e) {
        // a header (with its statistics) longer than the window: read more
        if (window < this.end - this.offset && e instanceof RangeError) {
          window = Math.min(window * 4, this.end - this.offset);
          continue;
        }
        throw e;
      }
      const start = reader.offset;
      const stop = start + header.compressed_page_size;
      if (this.offset + stop > this.end) throw new Error('page runs past its column chunk');
      const compressed =
        stop <= bytes.byteLength
          ? bytes.subarray(start, stop)
          : await this.read.readAt(this.offset + start, header.compressed_page_size);
      this.offset += stop;
      return { header, compressed };
    }
  }
}

type PageHeader = ReturnType<typeof parquetHeader>;

/** Values present in a page: definition levels at max (1 for a flat OPTIONAL column). */
function present(levels: Uint8Array | undefined, n: number): number {
  if (!levels) return n;
  let k = 0;
  for (let i = 0; i < n; i++) k += levels[i]!;
  return k;
}

/** PLAIN-encoded numbers as a typed array over the page's bytes (copied when not aligned). */
function plainNumbers(
  page: Uint8Array,
  offset: number,
  type: string,
  count: number,
): ArrayLike<unknown> {
  const width = type === 'DOUBLE' || type === 'INT64' ? 8 : 4;
  const at = page.byteOffset + offset;
  const buffer = at % width === 0 ? page.buffer : page.slice(offset, offset + count * width).buffer;
  const start = at % width === 0 ? at : 0;
  if (type === 'DOUBLE') return new Float64Array(buffer, start, count);
  if (type === 'FLOAT') return new Float32Array(buffer, start, count);
  if (type === 'INT32') return new Int32Array(buffer, start, count);
  return new BigInt64Array(buffer, start, count);
}
