export const id = 797;
export const ids = [797];
export const modules = {

/***/ 8797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ openCsv)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/data/data-file.ts
var data_file = __webpack_require__(9105);
;// CONCATENATED MODULE: ./src/data/csv-parser.ts

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/**
 * RFC 4180 parser over bytes, streaming: feed chunks, get records through a callback. Works on
 * bytes because every structural character is ASCII, so UTF-8 never needs decoding here; fields
 * are decoded only when a consumer asks (the numeric path never makes strings).
 */
class CsvParser {
    onRecord;
    file;
    delim;
    maxRecordBytes;
    leftover = null;
    line = 1;
    capacity = 64;
    rec;
    bomChecked = false;
    constructor(opts, onRecord) {
        this.onRecord = onRecord;
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
    push(chunk) {
        let buf = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk;
        if (!this.bomChecked && buf.length >= 3) {
            this.bomChecked = true;
            if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                buf = buf.subarray(3);
        }
        const consumed = this.parse(buf, false);
        this.leftover = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : null;
        if (this.leftover && this.leftover.length > this.maxRecordBytes)
            throw new errors/* ModelciError */.wN('DATA', `a record longer than ${this.maxRecordBytes} bytes starts here`, {
                file: this.file,
                row: this.line,
                hint: 'Look for a quote that is opened and never closed',
            });
    }
    end() {
        const buf = this.leftover;
        this.leftover = null;
        if (buf && buf.length) {
            let b = buf;
            if (!this.bomChecked && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
                b = b.subarray(3);
            this.parse(b, true);
        }
    }
    grow() {
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
    parse(buf, eof) {
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
                if (count === this.capacity)
                    this.grow();
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
                            throw new errors/* ModelciError */.wN('DATA', 'a quoted field is never closed', {
                                file: this.file,
                                row: startLine,
                                hint: 'Close the quote, or double quotes inside a quoted field ("")',
                            });
                        }
                        const c = buf[j];
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
                        if (c === LF)
                            lines++;
                        j++;
                    }
                    rec.starts[count] = i + 1;
                    rec.ends[count] = j;
                    rec.escaped[count] = esc;
                    count++;
                    i = j + 1;
                    if (i < n && buf[i] !== delim && buf[i] !== LF && buf[i] !== CR)
                        throw new errors/* ModelciError */.wN('DATA', 'unexpected text after a closing quote', {
                            file: this.file,
                            row: startLine + lines,
                            hint: 'Quote the whole field and double any quote inside it ("")',
                        });
                }
                else {
                    let j = i;
                    while (j < n) {
                        const c = buf[j];
                        if (c === delim || c === LF || c === CR)
                            break;
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
                const c = buf[i];
                if (c === delim) {
                    i++;
                    if (i >= n && !eof) {
                        this.line = startLine;
                        return recordStart;
                    }
                    if (i >= n) {
                        // Trailing delimiter at end of file: one more empty field.
                        if (count === this.capacity)
                            this.grow();
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
                }
                else {
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

;// CONCATENATED MODULE: ./src/data/parse-number.ts
// Exact powers of ten: every 10^k for k <= 22 is a double without rounding (Clinger's fast path).
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_SAFE_MANTISSA = 2 ** 53;
/**
 * Parses a decimal number from bytes without making a string. The fast path (at most 15-16
 * significant digits, |exponent| <= 22) is correctly rounded because mantissa and 10^k are both
 * exact doubles and one IEEE division/multiplication rounds once; anything else falls back to
 * Number() on the decoded text, so results always equal Number(text).
 * Returns NaN for text that is not a number; `isEmpty` callers check ranges themselves.
 */
function parseNumberBytes(buf, start, end) {
    // Trim ASCII spaces/tabs, as Number() does for these.
    while (start < end && (buf[start] === 0x20 || buf[start] === 0x09))
        start++;
    while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09))
        end--;
    if (start === end)
        return NaN;
    let i = start;
    let neg = false;
    const c0 = buf[i];
    if (c0 === 0x2d) {
        neg = true;
        i++;
    }
    else if (c0 === 0x2b)
        i++;
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    let any = false;
    while (i < end) {
        const d = buf[i] - 0x30;
        if (d < 0 || d > 9)
            break;
        any = true;
        if (mantissa !== 0 || d !== 0)
            digits++;
        mantissa = mantissa * 10 + d;
        i++;
    }
    if (i < end && buf[i] === 0x2e) {
        i++;
        while (i < end) {
            const d = buf[i] - 0x30;
            if (d < 0 || d > 9)
                break;
            any = true;
            if (mantissa !== 0 || d !== 0)
                digits++;
            mantissa = mantissa * 10 + d;
            scale--;
            i++;
        }
    }
    if (!any)
        return slow(buf, start, end);
    if (i < end && (buf[i] === 0x65 || buf[i] === 0x45)) {
        i++;
        let eneg = false;
        if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) {
            eneg = buf[i] === 0x2d;
            i++;
        }
        let e = 0;
        let edigits = 0;
        while (i < end) {
            const d = buf[i] - 0x30;
            if (d < 0 || d > 9)
                break;
            if (e < 100000)
                e = e * 10 + d;
            edigits++;
            i++;
        }
        if (edigits === 0)
            return NaN;
        scale += eneg ? -e : e;
    }
    if (i !== end)
        return slow(buf, start, end);
    if (digits > 15 || mantissa >= MAX_SAFE_MANTISSA || scale < -22 || scale > 22)
        return slow(buf, start, end);
    const v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    return neg ? -v : v;
}
function slow(buf, start, end) {
    const text = buf.toString('latin1', start, end).trim();
    // Number('') is 0 and Number('0x1f') is 31: neither is a decimal number in a data file.
    if (text === '' || /^[+-]?0[xob]/i.test(text))
        return NaN;
    const lower = text.toLowerCase();
    if (lower === 'nan')
        return NaN;
    if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity')
        return Infinity;
    if (lower === '-inf' || lower === '-infinity')
        return -Infinity;
    return Number(text);
}

;// CONCATENATED MODULE: ./src/data/csv.ts





/** Text that means "no value" in a numeric column (pandas' defaults, the common ones). */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-nan', '#n/a']);
const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
/** Opens a CSV file with a header row. Reads only the header now; rows stream on demand. */
async function openCsv(file, opts = {}) {
    await (0,data_file/* assertDataFile */.X)(file, 'CSV');
    if (opts.delimiter !== undefined &&
        (opts.delimiter.length !== 1 || opts.delimiter.charCodeAt(0) > 127))
        throw new errors/* ModelciError */.wN('INPUT', `CSV delimiter must be one ASCII character (got ${JSON.stringify(opts.delimiter)})`);
    const reader = new CsvReader(file, opts);
    await reader.readHeader();
    return reader;
}
class CsvReader {
    file;
    opts;
    format = 'csv';
    columns = [];
    invalidUtf8Cells = 0;
    delimiter;
    chunkBytes;
    constructor(file, opts) {
        this.file = file;
        this.opts = opts;
        this.delimiter = (opts.delimiter ?? ',').charCodeAt(0);
        this.chunkBytes = opts.chunkBytes ?? 1 << 20;
    }
    async readHeader() {
        let header;
        const stream = (0,external_node_fs_.createReadStream)(this.file, {
            highWaterMark: Math.min(this.chunkBytes, 1 << 16),
        });
        const parser = new CsvParser({ file: this.file, delimiter: this.delimiter }, (r) => {
            header ??= Array.from({ length: r.count }, (_, i) => this.text(r, i, 'header'));
        });
        try {
            for await (const chunk of stream) {
                parser.push(chunk);
                if (header)
                    break;
            }
            if (!header)
                parser.end();
        }
        finally {
            stream.destroy();
        }
        if (!header)
            throw new errors/* ModelciError */.wN('DATA', 'the file is empty: expected a header row with column names', {
                file: this.file,
            });
        const seen = new Map();
        this.columns = header.map((raw, i) => {
            const name = raw.trim() === '' ? `column_${i + 1}` : raw;
            const prev = seen.get(name);
            if (prev !== undefined)
                throw new errors/* ModelciError */.wN('DATA', `column name "${name}" appears twice in the header (columns ${prev + 1} and ${i + 1})`, {
                    file: this.file,
                    row: 1,
                    hint: 'Give every column a unique name',
                });
            seen.set(name, i);
            return name;
        });
    }
    /** Decodes field i; invalid UTF-8 is an error or a counted replacement. */
    text(r, i, column) {
        const s = r.starts[i];
        const e = r.ends[i];
        let out = r.buf.toString('utf8', s, e);
        if (out.includes('\uFFFD')) {
            try {
                fatalDecoder.decode(r.buf.subarray(s, e));
            }
            catch {
                if (this.opts.invalidUtf8 !== 'replace')
                    throw new errors/* ModelciError */.wN('DATA', 'the text is not valid UTF-8', {
                        file: this.file,
                        row: r.line,
                        column,
                        hint: 'Save the file as UTF-8',
                    });
                this.invalidUtf8Cells++;
            }
        }
        if (r.escaped[i])
            out = out.replace(/""/g, '"');
        return out;
    }
    /**
     * Like `text`, but a short unescaped field whose bytes were seen before in this column returns
     * the same string without decoding it again: categorical columns repeat a few labels millions of
     * times, and decoding each cell was a sixth of a large drift check (plus the garbage).
     */
    internedText(r, i, intern) {
        const s = r.starts[i];
        const e = r.ends[i];
        if (e - s > TextIntern.MAX_BYTES || r.escaped[i])
            return this.text(r, i, this.columns[i]);
        const h = TextIntern.hash(r.buf, s, e);
        const hit = intern.get(h, r.buf, s, e);
        if (hit !== undefined)
            return hit;
        const out = this.text(r, i, this.columns[i]);
        // Replaced invalid UTF-8 is counted per cell: such cells are decoded (and counted) every time.
        if (!out.includes('\uFFFD'))
            intern.put(h, r.buf, s, e, out);
        return out;
    }
    checkWidth(r) {
        if (r.count !== this.columns.length)
            throw new errors/* ModelciError */.wN('DATA', `the row has ${r.count} fields but the header has ${this.columns.length}`, {
                file: this.file,
                row: r.line,
                hint: 'Every row needs one value per column (quote values that contain the delimiter)',
            });
    }
    /** Streams records through the parser, handing each data record to `onRecord`. */
    async *records(onRecord, flush) {
        let isHeader = true;
        const parser = new CsvParser({ file: this.file, delimiter: this.delimiter }, (r) => {
            if (isHeader) {
                isHeader = false;
                return;
            }
            this.checkWidth(r);
            onRecord(r);
        });
        const stream = (0,external_node_fs_.createReadStream)(this.file, { highWaterMark: this.chunkBytes });
        try {
            for await (const chunk of stream) {
                parser.push(chunk);
                yield* flush();
            }
            parser.end();
            yield* flush();
        }
        finally {
            stream.destroy();
        }
    }
    async *batches(batchSize = 65536) {
        const width = this.columns.length;
        const ready = [];
        let values = Array.from({ length: width }, () => []);
        let length = 0;
        let firstRow = 1;
        const emit = () => {
            ready.push({ columns: this.columns, firstRow, length, values });
            firstRow += length;
            values = Array.from({ length: width }, () => []);
            length = 0;
        };
        const gen = this.records((r) => {
            for (let c = 0; c < width; c++)
                values[c].push(this.text(r, c, this.columns[c]));
            if (++length === batchSize)
                emit();
        }, () => ready.splice(0));
        for await (const b of gen)
            yield b;
        if (length > 0)
            yield { columns: this.columns, firstRow, length, values };
    }
    indexOf(name) {
        const i = this.columns.indexOf(name);
        if (i < 0)
            throw new errors/* ModelciError */.wN('DATA', `no column "${name}"`, {
                file: this.file,
                hint: `Columns are: ${this.columns.slice(0, 20).join(', ')}${this.columns.length > 20 ? ', ...' : ''}`,
            });
        return i;
    }
    async *scan(spec) {
        const numericNames = spec.numeric ?? [];
        const stringNames = spec.strings ?? [];
        const numIdx = numericNames.map((n) => this.indexOf(n));
        const strIdx = stringNames.map((n) => this.indexOf(n));
        const batchSize = spec.batchSize ?? 65536;
        const strictNumbers = (spec.onInvalidNumber ?? 'error') === 'error';
        const ready = [];
        let firstRow = 1;
        const fresh = () => ({
            firstRow,
            length: 0,
            numeric: numIdx.map(() => new Float64Array(batchSize)),
            strings: strIdx.map(() => []),
            lines: new Int32Array(batchSize),
            invalid: numIdx.map(() => 0),
        });
        let cur = fresh();
        const interns = strIdx.map(() => new TextIntern());
        const gen = this.records((r) => {
            const row = cur.length;
            for (let k = 0; k < numIdx.length; k++) {
                const c = numIdx[k];
                let v = parseNumberBytes(r.buf, r.starts[c], r.ends[c]);
                if (Number.isNaN(v)) {
                    const t = this.text(r, c, this.columns[c]).trim();
                    if (!MISSING_TOKENS.has(t.toLowerCase())) {
                        if (strictNumbers)
                            throw new errors/* ModelciError */.wN('DATA', `"${t.length > 40 ? t.slice(0, 40) + '…' : t}" is not a number`, {
                                file: this.file,
                                row: r.line,
                                column: this.columns[c],
                                hint: 'Fix the value, or leave the cell empty for a missing value',
                            });
                        cur.invalid[k]++;
                    }
                    v = NaN;
                }
                cur.numeric[k][row] = v;
            }
            for (let k = 0; k < strIdx.length; k++)
                cur.strings[k].push(this.internedText(r, strIdx[k], interns[k]));
            cur.lines[row] = r.line;
            cur.length++;
            if (cur.length === batchSize) {
                ready.push(cur);
                firstRow += cur.length;
                cur = fresh();
            }
        }, () => ready.splice(0));
        for await (const b of gen)
            yield b;
        if (cur.length > 0) {
            cur.numeric = cur.numeric.map((a) => a.subarray(0, cur.length));
            cur.lines = cur.lines.subarray(0, cur.length);
            yield cur;
        }
    }
}
/**
 * Strings of one column by their bytes: FNV-1a hash, then a byte comparison (no false hits). Bounded:
 * past MAX_ENTRIES distinct values (free text) it stops adding and decoding goes on as before.
 */
class TextIntern {
    static MAX_BYTES = 48;
    static MAX_ENTRIES = 4096;
    table = new Map();
    static hash(buf, s, e) {
        let h = 0x811c9dc5;
        for (let i = s; i < e; i++)
            h = Math.imul(h ^ buf[i], 0x01000193);
        return (h ^ (e - s)) >>> 0;
    }
    get(h, buf, s, e) {
        const hit = this.table.get(h);
        if (!hit || hit.bytes.length !== e - s)
            return undefined;
        const b = hit.bytes;
        for (let i = 0; i < b.length; i++)
            if (b[i] !== buf[s + i])
                return undefined;
        return hit.text;
    }
    put(h, buf, s, e, text) {
        if (this.table.size >= TextIntern.MAX_ENTRIES)
            return;
        // A hash collision keeps the first value; the other one is simply decoded every time.
        if (!this.table.has(h))
            this.table.set(h, { bytes: Buffer.from(buf.subarray(s, e)), text });
    }
}


/***/ }),

/***/ 9105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ assertDataFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/** Fails with a user-facing error unless `file` is a readable regular file; `kind` names the format. */
async function assertDataFile(file, kind) {
    let isDirectory;
    try {
        isDirectory = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).isDirectory();
    }
    catch (e) {
        const code = e.code;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('FILE', code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, {
            file,
            hint: 'Check the path (it is relative to the working directory)',
        });
    }
    if (isDirectory)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('FILE', `is a directory, expected a ${kind} file`, { file });
}


/***/ })

};
