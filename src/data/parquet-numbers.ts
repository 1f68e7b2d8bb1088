import type { ColumnChunk, FileMetaData, SchemaTree } from 'hyparquet';
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

export interface NumberColumnRead {
  /** Bytes of the file (hyparquet's AsyncBuffer). */
  file: { slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer> };
  metadata: FileMetaData;
  node: SchemaTree;
  chunk: ColumnChunk;
  rows: number;
}

export async function readNumberColumn(read: NumberColumnRead): Promise<Float64Array> {
  const { node, rows } = read;
  const meta = read.chunk.meta_data;
  if (!meta) throw new Error('column chunk has no metadata');
  const dict = meta.dictionary_page_offset;
  const start = Number(dict !== undefined && dict > 0n ? dict : meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  const bytes = await read.file.slice(start, end);
  const reader = { view: new DataView(bytes), offset: 0 };
  const schemaPath = [{ element: { name: 'root' }, children: [node], count: 1, path: [] }, node];
  const decoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element: node.element,
    schemaPath: schemaPath as unknown as SchemaTree[],
    codec: meta.codec,
    parsers: {} as never,
  };
  const maxDef = node.element.repetition_type === 'REQUIRED' ? 0 : 1;
  const out = new Float64Array(rows);
  let row = 0;
  let dictionary: ArrayLike<unknown> | undefined;
  while (row < rows && reader.offset < bytes.byteLength) {
    const header = parquetHeader(reader);
    const compressed = new Uint8Array(bytes, reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    const size = Number(header.uncompressed_page_size);
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(compressed, size, meta.codec, undefined);
      const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
      dictionary = readPlain(
        { view, offset: 0 },
        meta.type,
        header.dictionary_page_header!.num_values,
        node.element.type_length,
      );
      continue;
    }
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
        const p = readDataPage(page, daph, decoder);
        values = convertWithDictionary(p.dataPage, dictionary as never, daph.encoding, decoder);
      }
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph2 = header.data_page_header_v2!;
      n = daph2.num_values;
      const rl = daph2.repetition_levels_byte_length;
      const dl = daph2.definition_levels_byte_length;
      if (maxDef) {
        const at = { view: new DataView(bytes, compressed.byteOffset + rl, dl), offset: 0 };
        readRleBitPackedHybrid(at, 1, (levels = new Uint8Array(n)), dl);
      }
      if (daph2.encoding === 'PLAIN') {
        let page: Uint8Array = compressed.subarray(rl + dl);
        if (daph2.is_compressed !== false)
          page = decompressPage(page, size - rl - dl, meta.codec, undefined);
        values = plainNumbers(page, 0, meta.type, n - daph2.num_nulls);
      } else {
        const p = readDataPageV2(compressed, header, decoder);
        values = convertWithDictionary(p.dataPage, dictionary as never, daph2.encoding, decoder);
      }
    } else continue; // index pages carry no values
    n = Math.min(n, rows - row);
    if (levels && present(levels, n) < n) {
      let v = 0;
      for (let i = 0; i < n; i++) out[row + i] = levels[i] === maxDef ? Number(values[v++]) : NaN;
    } else if (
      values instanceof Float64Array ||
      values instanceof Float32Array ||
      values instanceof Int32Array
    ) {
      out.set(n === values.length ? values : values.subarray(0, n), row);
    } else for (let i = 0; i < n; i++) out[row + i] = Number(values[i]);
    row += n;
  }
  if (row !== rows)
    throw new Error(`column ${meta.path_in_schema.join('.')} holds ${row} of ${rows} rows`);
  return out;
}

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
