export const id = 919;
export const ids = [919];
export const modules = {

/***/ 8919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zz: () => (/* binding */ isProfilePath),
  aC: () => (/* binding */ profileFile),
  er: () => (/* binding */ readProfile),
  Tm: () => (/* binding */ runProfile),
  nV: () => (/* binding */ runProfileMerge)
});

// UNUSED EXPORTS: writeProfile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/profile/column-profile.ts
var column_profile = __webpack_require__(2955);
// EXTERNAL MODULE: ./src/core/profile/column-kind.ts
var column_kind = __webpack_require__(8150);
// EXTERNAL MODULE: ./src/core/profile/performance-profile.ts
var performance_profile = __webpack_require__(4127);
// EXTERNAL MODULE: ./src/core/profile/quantile-sketch.ts + 1 modules
var quantile_sketch = __webpack_require__(717);
;// CONCATENATED MODULE: ./src/core/profile/table-profile.ts





/**
 * The profile of a whole table: one ColumnProfile per column in file order. Built batch by batch
 * (memory bounded by the sketches and the capped counts, not by the row count); profiles of shards
 * merge into the profile of their union.
 */
const PROFILE_FORMAT = 'modelci-profile';
const PROFILE_VERSION = 1;
class TableProfile {
    rows = 0;
    sketchK;
    sources = [];
    columns = new Map();
    performance;
    constructor(sketchK = quantile_sketch/* DEFAULT_SKETCH_K */.F) {
        this.sketchK = sketchK;
    }
    /** Also summarise model performance (label vs prediction columns) from now on. */
    trackPerformance(spec) {
        this.performance = new performance_profile/* PerformanceProfile */.sm(spec);
        this.performance.unlabelled = this.rows;
    }
    addPerformance(cellOf, length, file, firstRow) {
        const perf = this.performance;
        if (!perf)
            return;
        const none = () => null;
        const y = cellOf(perf.spec.label) ?? none;
        const p = perf.spec.prediction ? (cellOf(perf.spec.prediction) ?? none) : none;
        const s = perf.spec.score ? (cellOf(perf.spec.score) ?? none) : none;
        for (let r = 0; r < length; r++)
            perf.add(y(r), p(r), s(r), file, firstRow + r);
    }
    /** Starts a source; `addBatch` calls that follow count towards it. */
    beginSource(file, format) {
        this.sources.push({ file, format, rows: 0 });
    }
    addBatch(batch) {
        const source = this.sources[this.sources.length - 1];
        const file = source?.file ?? '';
        const seen = new Set();
        batch.columns.forEach((name, c) => {
            let col = this.columns.get(name);
            if (!col) {
                col = new column_profile/* ColumnProfile */.oV(name, this.sketchK);
                col.addMissing(this.rows);
                this.columns.set(name, col);
            }
            seen.add(name);
            const values = batch.values[c];
            for (let r = 0; r < batch.length; r++)
                col.add(values[r] ?? null, file, batch.firstRow + r);
        });
        for (const [name, col] of this.columns)
            if (!seen.has(name))
                col.addMissing(batch.length);
        this.addPerformance((name) => {
            const values = batch.values[batch.columns.indexOf(name)];
            return values ? (r) => values[r] ?? null : undefined;
        }, batch.length, file, batch.firstRow);
        this.rows += batch.length;
        if (source)
            source.rows += batch.length;
    }
    /** Declares columns up front, in file order (scanned batches come split by type). */
    declareColumns(names) {
        for (const name of names) {
            if (this.columns.has(name))
                continue;
            const col = new column_profile/* ColumnProfile */.oV(name, this.sketchK);
            col.addMissing(this.rows);
            this.columns.set(name, col);
        }
    }
    /** A batch from the CSV scanner: numbers already parsed for `numericNames`, text for the rest. */
    addScanBatch(batch, numericNames, stringNames) {
        const source = this.sources[this.sources.length - 1];
        const file = source?.file ?? '';
        numericNames.forEach((name, k) => this.columns
            .get(name)
            .addNumbers(batch.numeric[k], batch.invalid[k], file, batch.firstRow));
        stringNames.forEach((name, k) => {
            const col = this.columns.get(name);
            const values = batch.strings[k];
            for (let r = 0; r < batch.length; r++)
                col.add(values[r] ?? null, file, batch.firstRow + r);
        });
        this.addPerformance((name) => {
            const k = numericNames.indexOf(name);
            if (k >= 0) {
                const xs = batch.numeric[k];
                return (r) => xs[r];
            }
            const values = batch.strings[stringNames.indexOf(name)];
            return values ? (r) => values[r] ?? null : undefined;
        }, batch.length, file, batch.firstRow);
        this.rows += batch.length;
        if (source)
            source.rows += batch.length;
    }
    merge(other) {
        if (other.sketchK !== this.sketchK) {
            throw new errors/* ModelciError */.wN('INPUT', `cannot merge profiles built with sketch sizes ${this.sketchK} and ${other.sketchK}`, {
                hint: 'build every shard with the same --sketch-size',
            });
        }
        for (const [name, col] of this.columns)
            if (!other.columns.has(name))
                col.addMissing(other.rows);
        for (const [name, col] of other.columns) {
            const mine = this.columns.get(name);
            if (mine)
                mine.merge(col);
            else {
                const copy = column_profile/* ColumnProfile */.oV.fromJSON(col.toJSON());
                const fresh = new column_profile/* ColumnProfile */.oV(name, this.sketchK);
                fresh.addMissing(this.rows);
                fresh.merge(copy);
                this.columns.set(name, fresh);
            }
        }
        if (this.performance && other.performance)
            this.performance.merge(other.performance);
        else if (this.performance)
            this.performance.unlabelled += other.rows;
        else if (other.performance) {
            this.performance = performance_profile/* PerformanceProfile */.sm.fromJSON(other.performance.toJSON());
            this.performance.unlabelled += this.rows;
        }
        this.rows += other.rows;
        this.sources.push(...other.sources.map((s) => ({ ...s })));
    }
    toJSON() {
        return {
            format: PROFILE_FORMAT,
            version: PROFILE_VERSION,
            rows: this.rows,
            sketch_k: this.sketchK,
            sources: this.sources.map((s) => ({ ...s })),
            summary: [...this.columns.values()].map(column_kind/* summarizeColumn */.mk),
            columns: [...this.columns.values()].map((c) => c.toJSON()),
            ...(this.performance ? { performance: this.performance.toJSON() } : {}),
        };
    }
    /** Loads and checks a profile JSON value; errors name the file and key path. */
    static fromJSON(value, file) {
        const fail = (path, message) => {
            throw new errors/* ModelciError */.wN('INPUT', message, {
                file,
                path,
                hint: 'build it with `modelci profile <data> -o <file>`',
            });
        };
        if (typeof value !== 'object' || value === null)
            return fail('', 'not a modelci profile (expected a JSON object)');
        const json = value;
        if (json.format !== PROFILE_FORMAT)
            return fail('format', `not a modelci profile (format must be "${PROFILE_FORMAT}")`);
        if (json.version !== PROFILE_VERSION)
            return fail('version', `unsupported profile version ${String(json.version)}`);
        if (!Number.isInteger(json.rows) || json.rows < 0)
            return fail('rows', 'must be a non-negative integer');
        if (!Number.isInteger(json.sketch_k))
            return fail('sketch_k', 'must be an integer');
        if (!Array.isArray(json.columns))
            return fail('columns', 'must be a list');
        const profile = new TableProfile(json.sketch_k);
        profile.rows = json.rows;
        profile.sources = Array.isArray(json.sources) ? json.sources.map((s) => ({ ...s })) : [];
        json.columns.forEach((c, i) => {
            try {
                if (typeof c?.name !== 'string')
                    fail(`columns.${i}.name`, 'must be a string');
                if (c.count !== profile.rows)
                    fail(`columns.${i}.count`, `is ${c.count}, but the profile has ${profile.rows} rows`);
                profile.columns.set(c.name, column_profile/* ColumnProfile */.oV.fromJSON(c));
            }
            catch (e) {
                if (e instanceof errors/* ModelciError */.wN)
                    throw e;
                fail(`columns.${i}`, `is not a valid column profile (${e instanceof Error ? e.message : String(e)})`);
            }
        });
        if (json.performance !== undefined) {
            const perf = json.performance;
            const spec = perf?.spec;
            if (typeof spec !== 'object' ||
                spec === null ||
                typeof spec.label !== 'string' ||
                !['binary', 'multiclass', 'regression'].includes(spec.task))
                return fail('performance.spec', 'must name the task and the label column');
            if (!Number.isInteger(perf.labelled) || !Number.isInteger(perf.unlabelled))
                return fail('performance', 'labelled and unlabelled must be integers');
            if (spec.task === 'regression'
                ? typeof perf.regression !== 'object'
                : !Array.isArray(perf.rows))
                return fail(spec.task === 'regression' ? 'performance.regression' : 'performance.rows', 'is missing');
            try {
                profile.performance = performance_profile/* PerformanceProfile */.sm.fromJSON(perf);
            }
            catch (e) {
                if (e instanceof errors/* ModelciError */.wN)
                    throw e;
                return fail('performance', `is not a valid performance summary (${String(e)})`);
            }
        }
        return profile;
    }
}


// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/data/csv.ts + 2 modules
var csv = __webpack_require__(8797);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/data/data-file.ts
var data_file = __webpack_require__(9105);
;// CONCATENATED MODULE: ./src/data/jsonl.ts



const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
async function openJsonl(file, opts = {}) {
    await (0,data_file/* assertDataFile */.X)(file, 'JSONL');
    const source = new JsonlReader(file, opts);
    // Columns of the first object; later lines may add more (batches carry their own list).
    for await (const batch of source.batches(1)) {
        source.columns = [...batch.columns];
        break;
    }
    return source;
}
class JsonlReader {
    file;
    opts;
    format = 'jsonl';
    columns = [];
    invalidUtf8Lines = 0;
    constructor(file, opts) {
        this.file = file;
        this.opts = opts;
    }
    async *lines() {
        const handle = await (0,promises_.open)(this.file, 'r');
        try {
            const size = this.opts.chunkBytes ?? 1 << 20;
            let carry = new Uint8Array(0);
            let line = 0;
            for (;;) {
                const buf = new Uint8Array(size);
                const { bytesRead } = await handle.read(buf, 0, size, null);
                if (bytesRead === 0)
                    break;
                let chunk = buf.subarray(0, bytesRead);
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
            if (carry.length)
                yield { line: line + 1, bytes: carry };
        }
        finally {
            await handle.close();
        }
    }
    async *batches(batchSize = 65536) {
        const index = new Map();
        const columns = [];
        let rows = [];
        let firstRow = 1;
        let row = 0;
        const flush = () => {
            const values = columns.map((name) => rows.map((r) => toCell(r[name])));
            const batch = { columns: [...columns], firstRow, length: rows.length, values };
            firstRow += rows.length;
            rows = [];
            return batch;
        };
        for await (const { line, bytes } of this.lines()) {
            let text;
            try {
                text = fatal.decode(bytes);
            }
            catch {
                if (this.opts.invalidUtf8 !== 'replace') {
                    throw new errors/* ModelciError */.wN('DATA', 'the text is not valid UTF-8', {
                        file: this.file,
                        row: line,
                        hint: 'Re-encode the file as UTF-8',
                    });
                }
                this.invalidUtf8Lines++;
                text = lenient.decode(bytes);
            }
            if (text.trim() === '')
                continue;
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (e) {
                throw new errors/* ModelciError */.wN('PARSE', `line ${line} is not valid JSON (${e.message})`, {
                    file: this.file,
                    row: line,
                    hint: 'Each line must be one JSON object',
                });
            }
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                throw new errors/* ModelciError */.wN('PARSE', `line ${line} is not a JSON object`, {
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
            rows.push(value);
            if (rows.length >= batchSize)
                yield flush();
        }
        if (rows.length)
            yield flush();
        void row;
    }
}
function toCell(v) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        return v;
    return JSON.stringify(v);
}

// EXTERNAL MODULE: ./node_modules/hyparquet/src/node.js
var node = __webpack_require__(1609);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/metadata.js + 1 modules
var src_metadata = __webpack_require__(6367);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/read.js + 16 modules
var read = __webpack_require__(3720);
;// CONCATENATED MODULE: ./src/data/parquet.ts



async function openParquet(file) {
    await (0,data_file/* assertDataFile */.X)(file, 'Parquet');
    const buffer = await (0,node/* asyncBufferFromFile */.Rv)(file);
    let metadata;
    try {
        metadata = await (0,src_metadata/* parquetMetadataAsync */.Ei)(buffer);
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('PARSE', `not a readable Parquet file (${e.message})`, {
            file,
            hint: 'Check that the file is Parquet and not truncated',
        });
    }
    const columns = (0,src_metadata/* parquetSchema */.YR)(metadata).children.map((c) => c.element.name);
    const groups = [];
    let start = 0;
    for (const rg of metadata.row_groups) {
        const n = Number(rg.num_rows);
        groups.push([start, start + n]);
        start += n;
    }
    return {
        file,
        format: 'parquet',
        columns,
        rowCount: Number(metadata.num_rows),
        async *batches(batchSize = 65536) {
            for (const [rowStart, rowEnd] of groups) {
                let rows = [];
                try {
                    await (0,read/* parquetRead */.bA)({
                        file: buffer,
                        metadata,
                        rowStart,
                        rowEnd,
                        columns,
                        onComplete: (r) => (rows = r),
                    });
                }
                catch (e) {
                    throw new errors/* ModelciError */.wN('PARSE', `cannot read rows ${rowStart + 1}..${rowEnd} (${e.message})`, {
                        file,
                        row: rowStart + 1,
                        hint: 'The file may be corrupt or use an unsupported compression codec',
                    });
                }
                for (let s = 0; s < rows.length; s += batchSize) {
                    const slice = rows.slice(s, s + batchSize);
                    yield {
                        columns,
                        firstRow: rowStart + s + 1,
                        length: slice.length,
                        values: columns.map((_, c) => slice.map((r) => parquet_toCell(r[c]))),
                    };
                }
            }
        },
    };
}
function parquet_toCell(v) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
        return v;
    if (typeof v === 'bigint')
        return Number(v);
    if (v instanceof Date)
        return v.toISOString();
    if (v instanceof Uint8Array)
        return Buffer.from(v).toString('base64');
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
}

;// CONCATENATED MODULE: ./src/data/open-table.ts





/** Opens a tabular file by its extension: .csv/.tsv/.txt (CSV), .jsonl/.ndjson (JSON Lines), .parquet. */
async function openTable(file, opts = {}) {
    const ext = (0,external_node_path_.extname)(file).toLowerCase();
    if (ext === '.csv' || ext === '.txt')
        return (0,csv/* openCsv */.f)(file, opts);
    if (ext === '.tsv')
        return (0,csv/* openCsv */.f)(file, { delimiter: '\t', ...opts });
    if (ext === '.jsonl' || ext === '.ndjson') {
        return openJsonl(file, opts.invalidUtf8 ? { invalidUtf8: opts.invalidUtf8 } : {});
    }
    if (ext === '.parquet' || ext === '.pq')
        return openParquet(file);
    throw new errors/* ModelciError */.wN('INPUT', `unsupported data file type "${ext || '(none)'}"`, {
        file,
        hint: 'Use a .csv, .tsv, .jsonl or .parquet file',
    });
}

// EXTERNAL MODULE: ./src/data/structured-file.ts
var structured_file = __webpack_require__(3528);
;// CONCATENATED MODULE: ./src/commands/profile.ts






/** Largest profile JSON we read (sketches of ~100 columns at the default size fit easily). */
const MAX_PROFILE_BYTES = 512 * 1024 * 1024;
const SNIFF_ROWS = 2000;
const BATCH_ROWS = 8192;
async function profileFile(file, opts = {}) {
    const source = await openTable(file, { invalidUtf8: 'replace' });
    const profile = new TableProfile(opts.sketchSize);
    if (opts.performance)
        profile.trackPerformance(opts.performance);
    profile.beginSource(file, source.format);
    let invalidUtf8 = 0;
    if (source.format === 'csv')
        invalidUtf8 = await profileCsv(source, profile, opts);
    else {
        for await (const batch of source.batches(BATCH_ROWS)) {
            profile.addBatch(batch);
            opts.onProgress?.({ file, rows: profile.rows });
        }
    }
    if (source.format === 'jsonl')
        invalidUtf8 = source.invalidUtf8Lines;
    return { profile, notes: { invalidUtf8Cells: invalidUtf8 } };
}
/**
 * CSV: columns whose first rows are all numbers (or missing) are scanned as numbers straight from
 * bytes (no strings made, the fast path); the rest as text. A "numeric" column that later holds
 * text is counted as such (and reported as mixed); a second look finds where its first text is.
 */
async function profileCsv(source, profile, opts) {
    const sniff = new TableProfile(2);
    for await (const batch of source.batches(SNIFF_ROWS)) {
        sniff.addBatch(batch);
        break;
    }
    const numeric = source.columns.filter((n) => {
        const c = sniff.columns.get(n);
        return (c !== undefined &&
            c.numeric + c.infinite > 0 &&
            c.text === 0 &&
            c.boolean === 0 &&
            c.infinite === 0);
    });
    const strings = source.columns.filter((n) => !numeric.includes(n));
    profile.declareColumns(source.columns);
    // The sniffed rows are read again below: count invalid UTF-8 from the full pass only.
    const invalidBefore = source.invalidUtf8Cells;
    for await (const batch of source.scan({
        numeric,
        strings,
        batchSize: BATCH_ROWS,
        onInvalidNumber: 'nan',
    })) {
        profile.addScanBatch(batch, numeric, strings);
        opts.onProgress?.({ file: source.file, rows: profile.rows });
    }
    const invalidUtf8 = source.invalidUtf8Cells - invalidBefore;
    const unlocated = numeric.filter((n) => profile.columns.get(n).text > 0);
    if (unlocated.length)
        await locateFirstText(source, profile, unlocated);
    return invalidUtf8;
}
async function locateFirstText(source, profile, names) {
    const left = new Set(names);
    for await (const batch of source.batches(BATCH_ROWS)) {
        for (const name of [...left]) {
            const c = batch.columns.indexOf(name);
            const probe = new column_profile/* ColumnProfile */.oV(name, 2);
            const values = batch.values[c];
            for (let r = 0; r < batch.length && probe.text === 0; r++)
                probe.add(values[r] ?? null, source.file, batch.firstRow + r);
            if (probe.firstText) {
                profile.columns.get(name).firstText = probe.firstText;
                left.delete(name);
            }
        }
        if (left.size === 0)
            return;
    }
}
function isProfilePath(file) {
    return /\.json$/i.test(file);
}
function readProfile(file) {
    let data;
    try {
        data = JSON.parse((0,structured_file/* readTextFile */.Gu)(file, MAX_PROFILE_BYTES));
    }
    catch (e) {
        if (e instanceof errors/* ModelciError */.wN)
            throw e;
        throw new errors/* ModelciError */.wN('PARSE', `not valid JSON (${e.message})`, {
            file,
            hint: 'A profile is the JSON file `modelci profile` writes',
        });
    }
    return TableProfile.fromJSON(data, file);
}
function writeProfile(profile, file) {
    (0,external_node_fs_.writeFileSync)(file, JSON.stringify(profile.toJSON()) + '\n');
}
async function runProfile(options) {
    const { profile, notes } = await profileFile(options.data, options);
    writeProfile(profile, options.output);
    return summary(profile, options.output, notes.invalidUtf8Cells);
}
function runProfileMerge(options) {
    if (options.inputs.length === 0)
        throw new errors/* ModelciError */.wN('USAGE', 'nothing to merge', { hint: 'Pass two or more profile files' });
    const [first, ...rest] = options.inputs;
    const merged = readProfile(first);
    for (const file of rest) {
        const p = readProfile(file);
        if (p.sketchK !== merged.sketchK) {
            throw new errors/* ModelciError */.wN('INPUT', `sketch size ${p.sketchK} differs from ${merged.sketchK} in ${first}`, {
                file,
                path: 'sketch_k',
                hint: 'Profile every shard with the same --sketch-size',
            });
        }
        merged.merge(p);
    }
    writeProfile(merged, options.output);
    return summary(merged, options.output, 0);
}
function summary(profile, output, invalidUtf8Cells) {
    const s = profile.toJSON().summary ?? [];
    return {
        output,
        rows: profile.rows,
        columns: s.map((c) => ({ name: c.name, kind: c.kind, missing_rate: c.missing_rate })),
        invalidUtf8Cells,
    };
}


/***/ }),

/***/ 6434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ numpyQuantile),
/* harmony export */   Yk: () => (/* binding */ binCounts),
/* harmony export */   xo: () => (/* binding */ decileEdges)
/* harmony export */ });
/* unused harmony exports PSI_BINS, binIndex */
/**
 * Reference decile bins for PSI / Jensen-Shannon on numeric columns: inner edges are numpy's
 * default (linear, Hyndman-Fan 7) quantiles of the reference at k/10, bins are left-closed
 * [e_{k-1}, e_k) with -inf/+inf outside, duplicate edges kept, so there are always 10 bins.
 */
/** numpy `np.quantile(sorted, p)` with method 'linear', using numpy's `_lerp` rounding. */
function numpyQuantile(sorted, p) {
    const n = sorted.length;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const t = h - lo;
    const a = sorted[lo];
    const b = sorted[hi];
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}
const PSI_BINS = 10;
/** The 9 inner decile edges of a sorted reference. */
function decileEdges(sortedReference) {
    const edges = [];
    for (let k = 1; k < PSI_BINS; k++)
        edges.push(numpyQuantile(sortedReference, k / PSI_BINS));
    return edges;
}
/** Index of the left-closed bin holding x: the number of edges <= x. */
function binIndex(edges, x) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edges[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Counts (or summed weights) of sorted values in the left-closed bins of `edges`. */
function binCounts(edges, values, weights) {
    const counts = new Array(edges.length + 1).fill(0);
    for (let i = 0; i < values.length; i++) {
        const b = binIndex(edges, values[i]);
        counts[b] = counts[b] + (weights ? weights[i] : 1);
    }
    return counts;
}


/***/ }),

/***/ 1279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j_: () => (/* binding */ classificationEngine),
  gM: () => (/* binding */ confusionMatrix)
});

// UNUSED EXPORTS: precisionRecallF1

// EXTERNAL MODULE: ./src/core/metrics/engine.ts
var engine = __webpack_require__(8351);
// EXTERNAL MODULE: ./src/core/metrics/names.ts
var metrics_names = __webpack_require__(5917);
;// CONCATENATED MODULE: ./src/core/stats/argsort.ts
/**
 * Stable ascending argsort of doubles. Large arrays use an LSD radix sort on the IEEE-754 bits
 * (4 passes of 16 bits, O(n)), because comparator sorts of index arrays are ~10× slower at 1M rows.
 * NaN must not occur (callers validate); -0 sorts with 0.
 */
function argsort(values) {
    const n = values.length;
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        idx[i] = i;
    if (n < 4096)
        return idx.sort((a, b) => values[a] - values[b] || a - b);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++)
        keys[i] = values[i] + 0; // -0 -> 0
    const words = new Uint32Array(keys.buffer); // little-endian: [lo, hi] per double
    const lo = new Uint32Array(n);
    const hi = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
        const h = words[2 * i + 1];
        const l = words[2 * i];
        // order-preserving map of doubles to unsigned: flip all bits of negatives, the sign of others
        if (h & 0x80000000) {
            hi[i] = ~h >>> 0;
            lo[i] = ~l >>> 0;
        }
        else {
            hi[i] = (h | 0x80000000) >>> 0;
            lo[i] = l;
        }
    }
    let src = idx;
    let dst = new Uint32Array(n);
    const count = new Uint32Array(65536);
    for (const [word, shift] of [
        [lo, 0],
        [lo, 16],
        [hi, 0],
        [hi, 16],
    ]) {
        count.fill(0);
        for (let i = 0; i < n; i++) {
            const d = (word[i] >>> shift) & 0xffff;
            count[d] = count[d] + 1;
        }
        if (count[(word[0] >>> shift) & 0xffff] === n)
            continue; // all equal: no-op pass
        let sum = 0;
        for (let d = 0; d < 65536; d++) {
            const c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (let i = 0; i < n; i++) {
            const j = src[i];
            const d = (word[j] >>> shift) & 0xffff;
            const at = count[d];
            dst[at] = j;
            count[d] = at + 1;
        }
        [src, dst] = [dst, src];
    }
    return src;
}

;// CONCATENATED MODULE: ./src/core/metrics/ranking.ts
/**
 * ROC AUC and average precision from one pass over rows pre-sorted by score: the sort is done
 * once, each (weighted) evaluation is O(n). Tied scores form one threshold (one ROC/PR point), as
 * in scikit-learn, so the trapezoid over a tie gives it half credit.
 */

function rankScores(score, isPositive) {
    const asc = argsort(score);
    const n = asc.length;
    const order = new Uint32Array(n);
    for (let j = 0; j < n; j++)
        order[j] = asc[n - 1 - j];
    const positive = new Uint8Array(n);
    const groupEnd = new Uint8Array(n);
    for (let j = 0; j < n; j++) {
        const i = order[j];
        positive[j] = isPositive(i) ? 1 : 0;
        groupEnd[j] = j === n - 1 || score[order[j + 1]] !== score[i] ? 1 : 0;
    }
    return { order, positive, groupEnd };
}
/** [roc_auc, average_precision] under weights; NaN when positives or negatives weigh 0. */
function aucAndAp(r, w, out, at) {
    const { order, positive, groupEnd } = r;
    let tp = 0;
    let fp = 0;
    let gtp = 0;
    let gfp = 0;
    let area = 0;
    let ap = 0;
    for (let j = 0; j < order.length; j++) {
        const wi = w[order[j]];
        if (positive[j])
            gtp += wi;
        else
            gfp += wi;
        if (groupEnd[j]) {
            area += gfp * (tp + gtp / 2);
            tp += gtp;
            fp += gfp;
            if (gtp > 0)
                ap += (gtp * tp) / (tp + fp);
            gtp = 0;
            gfp = 0;
        }
    }
    out[at] = tp > 0 && fp > 0 ? area / (tp * fp) : NaN;
    out[at + 1] = tp > 0 ? ap / tp : NaN;
}

;// CONCATENATED MODULE: ./src/core/metrics/classification.ts



const EPS = 2.220446049250313e-16;
function classificationEngine(o) {
    const rows = o.rows ?? null;
    const k = o.k;
    const y = (0,engine/* take */.s)(o.yTrue, rows);
    const pred = (0,engine/* take */.s)(o.predictions.label, rows);
    const n = y.length;
    const hasProba = o.predictions.proba !== undefined;
    const all = o.task === 'binary' ? metrics_names/* BINARY_METRICS */.Cd : metrics_names/* MULTICLASS_METRICS */.aS;
    const names = all.filter((m) => hasProba || !metrics_names/* PROBABILITY_METRICS */.Wv.has(m));
    const slot = Object.fromEntries(names.map((m, i) => [m, i]));
    let logLossRow = null;
    let brierRow = null;
    const ranked = [];
    if (o.predictions.proba) {
        const proba = o.predictions.proba;
        logLossRow = new Float64Array(n);
        brierRow = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const base = (rows ? rows[i] : i) * k;
            const yi = y[i];
            let sum = 0;
            let brier = 0;
            for (let c = 0; c < k; c++) {
                const p = proba[base + c];
                sum += Math.min(Math.max(p, EPS), 1 - EPS);
                if (o.task === 'multiclass')
                    brier += (p - (c === yi ? 1 : 0)) ** 2;
            }
            const py = Math.min(Math.max(proba[base + yi], EPS), 1 - EPS);
            logLossRow[i] = -Math.log(py / sum);
            if (o.task === 'binary') {
                brier = (proba[base + o.positive] - (yi === o.positive ? 1 : 0)) ** 2;
            }
            brierRow[i] = brier;
        }
        const classesRanked = o.task === 'binary' ? [o.positive] : Array.from({ length: k }, (_, c) => c);
        for (const c of classesRanked) {
            const score = new Float64Array(n);
            for (let i = 0; i < n; i++)
                score[i] = proba[(rows ? rows[i] : i) * k + c];
            ranked.push(rankScores(score, (i) => y[i] === c));
        }
    }
    const gather = new engine/* WeightGather */.E(rows, n);
    const cm = new Float64Array(k * k);
    const aucScratch = new Float64Array(2);
    return {
        names,
        size: n,
        compute(counts, out) {
            const w = gather.of(counts);
            cm.fill(0);
            let total = 0;
            let lossSum = 0;
            let brierSum = 0;
            for (let i = 0; i < n; i++) {
                const wi = w[i];
                if (wi === 0)
                    continue;
                cm[y[i] * k + pred[i]] += wi;
                total += wi;
                if (logLossRow) {
                    lossSum += wi * logLossRow[i];
                    brierSum += wi * brierRow[i];
                }
            }
            const prf = precisionRecallF1(cm, k);
            let correct = 0;
            for (let c = 0; c < k; c++)
                correct += cm[c * k + c];
            out[slot.accuracy] = total > 0 ? correct / total : NaN;
            if (o.task === 'binary') {
                out[slot.precision] = prf.precision[o.positive];
                out[slot.recall] = prf.recall[o.positive];
                out[slot.f1] = prf.f1[o.positive];
            }
            out[slot.precision_macro] = prf.macro[0];
            out[slot.recall_macro] = prf.macro[1];
            out[slot.f1_macro] = prf.macro[2];
            out[slot.precision_weighted] = prf.weighted[0];
            out[slot.recall_weighted] = prf.weighted[1];
            out[slot.f1_weighted] = prf.weighted[2];
            if (!logLossRow)
                return;
            out[slot.log_loss] = total > 0 ? lossSum / total : NaN;
            out[slot.brier] = total > 0 ? brierSum / total : NaN;
            if (o.task === 'binary') {
                aucAndAp(ranked[0], w, aucScratch, 0);
                out[slot.roc_auc] = aucScratch[0];
                out[slot.pr_auc] = aucScratch[1];
            }
            else {
                // sklearn roc_auc_score(multi_class='ovr', average='macro'): undefined if any class lacks
                // positives (or negatives) in y_true
                let auc = 0;
                let ap = 0;
                for (const r of ranked) {
                    aucAndAp(r, w, aucScratch, 0);
                    auc += aucScratch[0];
                    ap += aucScratch[1];
                }
                out[slot.roc_auc] = auc / k;
                // one-vs-rest macro average precision (sklearn ≥ 1.3 average_precision_score on
                // multiclass y; 1.2 needs label_binarize first): undefined if a class has no positives
                out[slot.pr_auc] = ap / k;
            }
        },
    };
}
/** Per-class and averaged precision/recall/F1 from a k×k confusion matrix (rows = true). */
function precisionRecallF1(cm, k) {
    const precision = new Float64Array(k);
    const recall = new Float64Array(k);
    const f1 = new Float64Array(k);
    const macro = [0, 0, 0];
    const weighted = [0, 0, 0];
    let present = 0;
    let support = 0;
    for (let c = 0; c < k; c++) {
        let trueSum = 0;
        let predSum = 0;
        for (let j = 0; j < k; j++) {
            trueSum += cm[c * k + j];
            predSum += cm[j * k + c];
        }
        const tp = cm[c * k + c];
        const p = predSum > 0 ? tp / predSum : 0;
        const r = trueSum > 0 ? tp / trueSum : 0;
        const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
        precision[c] = p;
        recall[c] = r;
        f1[c] = f;
        if (trueSum > 0 || predSum > 0) {
            present++;
            macro[0] += p;
            macro[1] += r;
            macro[2] += f;
        }
        support += trueSum;
        weighted[0] += trueSum * p;
        weighted[1] += trueSum * r;
        weighted[2] += trueSum * f;
    }
    for (let m = 0; m < 3; m++) {
        macro[m] = present > 0 ? macro[m] / present : NaN;
        weighted[m] = support > 0 ? weighted[m] / support : NaN;
    }
    return { precision, recall, f1, macro, weighted };
}
/** Unweighted k×k confusion matrix, rows = true class, columns = predicted (sklearn's layout). */
function confusionMatrix(yTrue, pred, k) {
    const m = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < yTrue.length; i++)
        m[yTrue[i]][pred[i]]++;
    return m;
}


/***/ }),

/***/ 8351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ WeightGather),
/* harmony export */   s: () => (/* binding */ take)
/* harmony export */ });
/** Per-local-row weights from global counts; `rows` null means local = global. */
class WeightGather {
    rows;
    local;
    ones;
    constructor(rows, size) {
        this.rows = rows;
        this.local = new Int32Array(size);
        this.ones = new Int32Array(size).fill(1);
    }
    of(counts) {
        if (counts === null)
            return this.ones;
        const rows = this.rows;
        if (rows === null)
            return counts;
        const local = this.local;
        for (let i = 0; i < rows.length; i++)
            local[i] = counts[rows[i]];
        return local;
    }
}
/** Copies `src` restricted to `rows` (or returns it when rows is null). */
function take(src, rows) {
    if (rows === null)
        return src;
    const out = new src.constructor(rows.length);
    for (let i = 0; i < rows.length; i++)
        out[i] = src[rows[i]];
    return out;
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ BINARY_METRICS),
/* harmony export */   FR: () => (/* binding */ directionOf),
/* harmony export */   Wv: () => (/* binding */ PROBABILITY_METRICS),
/* harmony export */   aS: () => (/* binding */ MULTICLASS_METRICS),
/* harmony export */   kG: () => (/* binding */ REGRESSION_METRICS)
/* harmony export */ });
const BINARY_METRICS = [
    'accuracy',
    'precision',
    'recall',
    'f1',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'roc_auc',
    'pr_auc',
    'log_loss',
    'brier',
];
const MULTICLASS_METRICS = [
    'accuracy',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'roc_auc',
    'pr_auc',
    'log_loss',
    'brier',
];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'];
/** Metrics that need class probabilities (absent for label-only classifiers). */
const PROBABILITY_METRICS = new Set([
    'roc_auc',
    'pr_auc',
    'log_loss',
    'brier',
]);
const LOWER_IS_BETTER = new Set([
    'log_loss',
    'brier',
    'rmse',
    'mae',
    'mape',
    'mse',
    'latency_p50',
    'latency_p95',
    'model_size_bytes',
]);
/** The better direction of a metric: `overrides` first, then the built-in table; else higher. */
function directionOf(metric, overrides) {
    const o = overrides?.[metric];
    if (o)
        return o;
    return LOWER_IS_BETTER.has(metric) ? 'lower' : 'higher';
}


/***/ }),

/***/ 8150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S8: () => (/* binding */ referenceDecileEdges),
/* harmony export */   Sd: () => (/* binding */ numericSample),
/* harmony export */   mk: () => (/* binding */ summarizeColumn),
/* harmony export */   z1: () => (/* binding */ columnKind)
/* harmony export */ });
/* unused harmony export columnQuantile */
/* harmony import */ var _drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6434);

function columnKind(c) {
    const numbers = c.numeric + c.infinite;
    const nonMissing = numbers + c.boolean + c.text;
    if (nonMissing === 0)
        return 'empty';
    if (c.text === 0 && c.boolean === 0)
        return 'numeric';
    if (numbers > 0)
        return 'mixed';
    if (c.text === 0)
        return 'boolean';
    if (!c.categories)
        return 'text';
    if (c.categories.size > 100 && c.categories.size > 0.5 * nonMissing)
        return 'text';
    return 'categorical';
}
/** Sorted sample and weights of a numeric column (the data itself while the sketch is exact). */
function numericSample(c) {
    if (c.sketch.exact)
        return { values: c.sketch.sortedValues(), weights: undefined };
    const w = c.sketch.weighted();
    return { values: w.values, weights: w.weights };
}
/** numpy-style linear quantile; exact while the sketch is, else the sketch's item at that rank. */
function columnQuantile(c, p, sorted) {
    if (c.sketch.exact)
        return (0,_drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__/* .numpyQuantile */ .B4)(sorted ?? c.sketch.sortedValues(), p);
    return c.sketch.quantileAtRank((c.sketch.n - 1) * p);
}
function referenceDecileEdges(c) {
    if (c.sketch.exact)
        return (0,_drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__/* .decileEdges */ .xo)(c.sketch.sortedValues());
    const edges = [];
    for (let k = 1; k < 10; k++)
        edges.push(c.sketch.quantileAtRank((c.sketch.n - 1) * (k / 10)));
    return edges;
}
function summarizeColumn(c) {
    const kind = columnKind(c);
    const s = {
        name: c.name,
        kind,
        count: c.count,
        missing_rate: c.count ? c.missing / c.count : 0,
    };
    if (kind === 'numeric' && c.moments.n > 0) {
        s.mean = c.moments.mean;
        s.std = Math.sqrt(c.moments.m2 / c.moments.n);
        s.min = c.moments.min;
        s.max = c.moments.max;
        const sorted = c.sketch.exact ? c.sketch.sortedValues() : undefined;
        s.quantiles = {};
        for (const p of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
            s.quantiles[`p${Math.round(p * 100)}`] = columnQuantile(c, p, sorted);
        s.quantile_rank_error = c.sketch.n ? c.sketch.rankError / c.sketch.n : 0;
        const edges = referenceDecileEdges(c);
        const sample = numericSample(c);
        s.histogram = { edges, counts: (0,_drift_psi_bins_js__WEBPACK_IMPORTED_MODULE_0__/* .binCounts */ .Yk)(edges, sample.values, sample.weights) };
    }
    if ((kind === 'categorical' || kind === 'boolean') && c.categories) {
        s.distinct = c.categories.size;
        s.top_categories = [...c.categories]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 20);
    }
    return s;
}


/***/ }),

/***/ 2955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cL: () => (/* binding */ addMoment),
/* harmony export */   iQ: () => (/* binding */ mergeMoments),
/* harmony export */   oV: () => (/* binding */ ColumnProfile),
/* harmony export */   rC: () => (/* binding */ emptyMoments)
/* harmony export */ });
/* unused harmony exports MISSING_TOKENS, MAX_NUMERIC_VALUES, MAX_CATEGORIES */
/* harmony import */ var _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(717);

/**
 * One column's reference profile, built in one streaming pass and mergeable: counts per value
 * kind, moments, a quantile sketch of the finite numbers, exact value counts while the column has
 * few distinct values, and category counts (text and booleans) up to a cap.
 */
/** Cells that mean "missing", compared lower-case (pandas' default NA tokens; the CSV reader's set). */
const MISSING_TOKENS = new Set([
    '',
    'na',
    'n/a',
    'nan',
    'null',
    'none',
    '-nan',
    '#n/a',
]);
const TRUE_TOKENS = new Set(['true', 'True', 'TRUE']);
const FALSE_TOKENS = new Set(['false', 'False', 'FALSE']);
/** Distinct numbers counted exactly (for n_unique in the test choice and value-frequency bins). */
const MAX_NUMERIC_VALUES = 1000;
/** Distinct labels counted exactly; beyond it the column is free text and gets no test. */
const MAX_CATEGORIES = 10000;
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * The number a decimal literal cell holds, else NaN. `Number()` does the work; the checks around it
 * reject what Number accepts but a data file does not mean as a number (hex, padding, "Infinity").
 */
function looksNumeric(cell) {
    const c0 = cell.charCodeAt(0);
    if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46))
        return Number.NaN;
    const last = cell.charCodeAt(cell.length - 1);
    if (!((last >= 48 && last <= 57) || last === 46))
        return Number.NaN;
    const x = Number(cell);
    if (x !== x)
        return Number.NaN;
    if (!Number.isFinite(x))
        return NUMBER_RE.test(cell) ? x : Number.NaN; // 1e999 overflows to ±inf
    // 0x.., 0b.., 0o.. and inner spaces pass Number(); the literal grammar settles those rare cases.
    const c1 = cell.charCodeAt(1);
    if (c0 === 48 && (c1 === 120 || c1 === 88 || c1 === 98 || c1 === 66 || c1 === 111 || c1 === 79))
        return Number.NaN;
    return x;
}
class ColumnProfile {
    name;
    count = 0;
    missing = 0;
    numeric = 0;
    infinite = 0;
    boolean = 0;
    text = 0;
    firstText;
    firstNumber;
    moments = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
    sketch;
    numericValues = new Map();
    categories = new Map();
    constructor(name, sketchK) {
        this.name = name;
        this.sketch = new _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_0__/* .QuantileSketch */ .w(sketchK);
    }
    /** Adds `n` rows where the column is absent (a shard or JSON line without it). */
    addMissing(n) {
        this.count += n;
        this.missing += n;
    }
    add(cell, file, row) {
        this.count++;
        if (cell === null || cell === undefined) {
            this.missing++;
            return;
        }
        if (typeof cell === 'number')
            return this.addNumber(cell, file, row, cell);
        if (typeof cell === 'boolean')
            return this.addLabel(cell ? 'true' : 'false', true);
        const x = looksNumeric(cell);
        if (x === x)
            return this.addNumber(x, file, row, cell);
        if (cell.length < 5 && MISSING_TOKENS.has(cell.toLowerCase())) {
            this.missing++;
            return;
        }
        if (cell === 'inf' ||
            cell === '-inf' ||
            cell === 'Infinity' ||
            cell === '-Infinity' ||
            cell === '+inf') {
            return this.addNumber(cell.startsWith('-') ? -Infinity : Infinity, file, row, cell);
        }
        if (TRUE_TOKENS.has(cell))
            return this.addLabel('true', true);
        if (FALSE_TOKENS.has(cell))
            return this.addLabel('false', true);
        this.text++;
        if (!this.firstText)
            this.firstText = { file, row, value: cell.slice(0, 60) };
        this.addLabel(cell, false);
    }
    /**
     * A column of numbers parsed by the CSV scanner: NaN is missing, except `invalid` of them that
     * were text (their values and rows are not known here; see `firstText`).
     */
    addNumbers(values, invalid, file, firstRow) {
        for (let i = 0; i < values.length; i++) {
            const x = values[i];
            this.count++;
            if (x !== x)
                this.missing++;
            else
                this.addNumber(x, file, firstRow + i, x);
        }
        if (invalid) {
            this.missing -= invalid;
            this.text += invalid;
        }
    }
    addNumber(x, file, row, raw) {
        if (Number.isNaN(x)) {
            this.missing++;
            return;
        }
        if (!this.firstNumber)
            this.firstNumber = { file, row, value: String(raw).slice(0, 60) };
        if (!Number.isFinite(x)) {
            this.infinite++;
            return;
        }
        this.numeric++;
        addMoment(this.moments, x);
        this.sketch.add(x);
        const values = this.numericValues;
        if (values) {
            const c = values.get(x);
            if (c !== undefined)
                values.set(x, c + 1);
            else if (values.size < MAX_NUMERIC_VALUES)
                values.set(x, 1);
            else
                this.numericValues = null;
        }
    }
    addLabel(label, isBoolean) {
        if (isBoolean)
            this.boolean++;
        const cats = this.categories;
        if (!cats)
            return;
        const c = cats.get(label);
        if (c !== undefined)
            cats.set(label, c + 1);
        else if (cats.size < MAX_CATEGORIES)
            cats.set(label, 1);
        else
            this.categories = null;
    }
    merge(other) {
        this.count += other.count;
        this.missing += other.missing;
        this.numeric += other.numeric;
        this.infinite += other.infinite;
        this.boolean += other.boolean;
        this.text += other.text;
        this.firstText ??= other.firstText;
        this.firstNumber ??= other.firstNumber;
        this.moments = mergeMoments(this.moments, other.moments);
        this.sketch.merge(other.sketch);
        this.numericValues = mergeCounts(this.numericValues, other.numericValues, MAX_NUMERIC_VALUES);
        this.categories = mergeCounts(this.categories, other.categories, MAX_CATEGORIES);
    }
    toJSON() {
        const json = {
            name: this.name,
            count: this.count,
            missing: this.missing,
            numeric: this.numeric,
            infinite: this.infinite,
            boolean: this.boolean,
            text: this.text,
            moments: { ...this.moments },
            sketch: this.sketch.toJSON(),
            numeric_values: this.numericValues
                ? [...this.numericValues].sort((a, b) => a[0] - b[0])
                : null,
            categories: this.categories
                ? [...this.categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
                : null,
        };
        if (this.firstText)
            json.first_text = this.firstText;
        if (this.firstNumber)
            json.first_number = this.firstNumber;
        return json;
    }
    static fromJSON(json) {
        const c = new ColumnProfile(json.name, json.sketch.k);
        c.count = json.count;
        c.missing = json.missing;
        c.numeric = json.numeric;
        c.infinite = json.infinite;
        c.boolean = json.boolean;
        c.text = json.text;
        c.firstText = json.first_text;
        c.firstNumber = json.first_number;
        c.moments = { ...json.moments };
        if (json.moments.n === 0)
            c.moments = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
        c.sketch = _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_0__/* .QuantileSketch */ .w.fromJSON(json.sketch);
        c.numericValues = json.numeric_values ? new Map(json.numeric_values) : null;
        c.categories = json.categories ? new Map(json.categories) : null;
        return c;
    }
}
/** Welford's update: one more value into count, mean, sum of squared deviations, min, max. */
function addMoment(m, x) {
    m.n++;
    const delta = x - m.mean;
    m.mean += delta / m.n;
    m.m2 += delta * (x - m.mean);
    if (x < m.min)
        m.min = x;
    if (x > m.max)
        m.max = x;
}
function emptyMoments() {
    return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}
/** Chan et al.'s pairwise update: mean and sum of squared deviations of the union. */
function mergeMoments(a, b) {
    if (b.n === 0)
        return { ...a };
    if (a.n === 0)
        return { ...b };
    const n = a.n + b.n;
    const delta = b.mean - a.mean;
    return {
        n,
        mean: a.mean + (delta * b.n) / n,
        m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
        min: Math.min(a.min, b.min),
        max: Math.max(a.max, b.max),
    };
}
/** Union of exact counts; null (overflowed) when either side overflowed or the union exceeds the cap. */
function mergeCounts(a, b, cap) {
    if (!a || !b)
        return null;
    const out = new Map(a);
    for (const [k, v] of b)
        out.set(k, (out.get(k) ?? 0) + v);
    return out.size > cap ? null : out;
}


/***/ }),

/***/ 4127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qf: () => (/* binding */ sharedClasses),
/* harmony export */   sm: () => (/* binding */ PerformanceProfile)
/* harmony export */ });
/* unused harmony exports MAX_DISTINCT_ROWS, SCORE_GRID, MAX_CLASSES, sortLabels */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _metrics_classification_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1279);
/* harmony import */ var _column_profile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2955);



/**
 * Model performance on a labelled window, kept as a mergeable summary so evaluate's metrics can be
 * computed from a stored profile, from shards merged, or from a window read in one pass, in bounded
 * memory:
 * - classification: counts of distinct (label, predicted label, score) rows. The metrics are
 *   evaluate's own engine run on those distinct rows weighted by their counts, which is exactly the
 *   metric on the raw rows. Past MAX_DISTINCT_ROWS distinct rows, scores are rounded to a grid of
 *   SCORE_GRID (recorded as `score_grid`): threshold metrics stay exact, AUC/log loss move by at most
 *   the rounding.
 * - regression: sums (Σe², Σ|e|, Σ|e|/max(|y|,eps)) and the label's moments (the column profile's
 *   Welford/Chan code): rmse, mae, mape and r2 exact up to float rounding.
 * Rows without a label or a prediction are counted as `unlabelled` and left out, as production
 * labels often arrive late.
 */
const MAX_DISTINCT_ROWS = 100_000;
const SCORE_GRID = 1e-4;
/** More distinct labels than this is not a classification problem. */
const MAX_CLASSES = 1000;
const EPS = 2.220446049250313e-16;
const SEP = '\u001f';
function labelOf(cell) {
    if (cell === null || cell === undefined)
        return null;
    if (typeof cell === 'number')
        return Number.isNaN(cell) ? null : String(cell);
    if (typeof cell === 'boolean')
        return cell ? 'true' : 'false';
    const t = cell.trim();
    return t === '' ? null : t;
}
function numberOf(cell) {
    if (cell === null || cell === undefined)
        return null;
    if (typeof cell === 'number')
        return Number.isNaN(cell) ? null : cell;
    if (typeof cell === 'boolean')
        return cell ? 1 : 0;
    const t = cell.trim();
    if (t === '')
        return null;
    const x = Number(t);
    return Number.isNaN(x) ? Number.NaN : x;
}
/** Numeric-aware order of class labels: numbers by value, then text. */
function sortLabels(labels) {
    return [...labels].sort((a, b) => {
        const x = Number(a);
        const y = Number(b);
        const nx = a !== '' && Number.isFinite(x);
        const ny = b !== '' && Number.isFinite(y);
        if (nx && ny)
            return x - y || (a < b ? -1 : a > b ? 1 : 0);
        if (nx !== ny)
            return nx ? -1 : 1;
        return a < b ? -1 : a > b ? 1 : 0;
    });
}
class PerformanceProfile {
    spec;
    labelled = 0;
    unlabelled = 0;
    invalid = 0;
    firstInvalid;
    scoreGrid = 0;
    counts = new Map();
    labels = new Set();
    sums = { sse: 0, sae: 0, sape: 0, label: (0,_column_profile_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyMoments */ .rC)() };
    constructor(spec) {
        if (!spec.prediction && !spec.score)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('CONFIG', 'performance needs a prediction or a score column', {
                path: 'drift.performance',
                hint: 'Set drift.performance.prediction (or score for a binary model)',
            });
        if (spec.score && spec.task !== 'binary')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('CONFIG', 'a score column applies to binary models only', {
                path: 'drift.performance.score',
            });
        this.spec = { ...spec };
    }
    /** Adds one row; `file`/`row` locate it for the first-invalid message. */
    add(label, prediction, score, file, row) {
        if (this.spec.task === 'regression')
            return this.addRegression(label, prediction, file, row);
        let s = null;
        if (this.spec.score) {
            s = numberOf(score);
            if (s !== null && !(s >= 0 && s <= 1))
                return this.bad(file, row, this.spec.score, String(score));
        }
        const y = labelOf(label);
        // No prediction column: '' stands for "score >= threshold", resolved when metrics are computed.
        const p = this.spec.prediction ? labelOf(prediction) : '';
        if (y === null || p === null || (this.spec.score && s === null)) {
            this.unlabelled++;
            return;
        }
        this.labels.add(y);
        if (p !== '')
            this.labels.add(p);
        if (this.labels.size > MAX_CLASSES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('DATA', `the label column "${this.spec.label}" has more than ${MAX_CLASSES} distinct values`, { file, row, hint: 'Is the task regression? Set the model task in modelci.yaml' });
        this.count(y, p, s, 1);
        this.labelled++;
    }
    /** Adds n rows of (label, predicted, score), rounding the score to the grid once there is one. */
    count(y, p, s, n) {
        const key = `${y}${SEP}${p}${SEP}${s === null ? '' : this.round(s)}`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + n);
        if (this.counts.size > MAX_DISTINCT_ROWS && this.scoreGrid === 0)
            this.coarsen();
    }
    /** The distinct rows: [label, predicted ('' = by score), score or null, count]. */
    *rows() {
        for (const [key, n] of this.counts) {
            const [y, p, s] = key.split(SEP);
            yield [y, p, s === '' ? null : Number(s), n];
        }
    }
    addRegression(label, prediction, file, row) {
        const y = numberOf(label);
        const yhat = numberOf(prediction);
        if (y === null || yhat === null) {
            this.unlabelled++;
            return;
        }
        if (!Number.isFinite(y))
            return this.bad(file, row, this.spec.label, String(label));
        if (!Number.isFinite(yhat))
            return this.bad(file, row, this.spec.prediction, String(prediction));
        const e = yhat - y;
        const s = this.sums;
        s.sse += e * e;
        s.sae += Math.abs(e);
        s.sape += Math.abs(e) / Math.max(Math.abs(y), EPS);
        (0,_column_profile_js__WEBPACK_IMPORTED_MODULE_2__/* .addMoment */ .cL)(s.label, y);
        this.labelled++;
    }
    bad(file, row, column, value) {
        this.invalid++;
        this.firstInvalid ??= { file, row, column, value };
    }
    round(s) {
        // Divide by the grid's inverse: 0.1235, not 1235 * 1e-4 = 0.12350000000000001.
        return this.scoreGrid ? Math.round(s / this.scoreGrid) / Math.round(1 / this.scoreGrid) : s;
    }
    coarsen() {
        this.scoreGrid = SCORE_GRID;
        const old = [...this.rows()];
        this.counts.clear();
        for (const [y, p, s, n] of old)
            this.count(y, p, s, n);
    }
    merge(other) {
        const a = this.spec;
        const b = other.spec;
        if (a.task !== b.task ||
            a.label !== b.label ||
            a.prediction !== b.prediction ||
            a.score !== b.score)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('INPUT', 'cannot merge performance summaries of different label/prediction/score columns or tasks', { hint: 'Profile every shard with the same drift.performance settings' });
        this.labelled += other.labelled;
        this.unlabelled += other.unlabelled;
        this.invalid += other.invalid;
        this.firstInvalid ??= other.firstInvalid;
        if (a.task === 'regression') {
            const x = this.sums;
            const y = other.sums;
            x.sse += y.sse;
            x.sae += y.sae;
            x.sape += y.sape;
            x.label = (0,_column_profile_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeMoments */ .iQ)(x.label, y.label);
            return;
        }
        // Rounding is idempotent, so rows already on the grid keep their score.
        if (other.scoreGrid && !this.scoreGrid)
            this.coarsen();
        for (const l of other.labels)
            this.labels.add(l);
        for (const [y, p, s, n] of other.rows())
            this.count(y, p, s, n);
    }
    /** Class labels seen (and the configured positive), in index order. */
    classes() {
        const set = new Set(this.labels);
        if (this.spec.positive)
            set.add(this.spec.positive);
        return sortLabels(set);
    }
    /**
     * Evaluate's metrics on the labelled rows (NaN where undefined, e.g. AUC with one class), by
     * metric name. `classes` fixes the class order and so the positive class: pass the same list
     * (sharedClasses) for both sides of a comparison.
     */
    metrics(classes = this.classes()) {
        if (this.labelled === 0)
            return {};
        if (this.spec.task === 'regression')
            return this.regressionMetrics();
        const binary = this.spec.task === 'binary';
        if (binary && classes.length > 2)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('DATA', `the model is binary but "${this.spec.label}" and the predictions hold ${classes.length} labels (${classes.slice(0, 5).join(', ')}...)`, { hint: 'Set the model task to multiclass, or check the label and prediction columns' });
        // A binary window may hold one class only: pad so the positive class keeps index 1.
        const order = binary && classes.length < 2 ? padBinary(classes, this.spec.positive) : classes;
        const k = order.length;
        const index = new Map(order.map((c, i) => [c, i]));
        const positive = binary ? (this.spec.positive ? index.get(this.spec.positive) : 1) : 0;
        const threshold = this.spec.threshold ?? 0.5;
        const entries = [...this.rows()];
        const n = entries.length;
        const yTrue = new Int32Array(n);
        const label = new Int32Array(n);
        const weights = new Int32Array(n);
        const proba = this.spec.score ? new Float64Array(n * k) : undefined;
        const at = (l) => {
            const i = index.get(l);
            if (i === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('DATA', `label "${l}" is not one of the classes ${order.join(', ')}`);
            return i;
        };
        entries.forEach(([y, p, s, count], i) => {
            const score = s ?? Number.NaN;
            yTrue[i] = at(y);
            label[i] = p === '' ? (score >= threshold ? positive : 1 - positive) : at(p);
            weights[i] = count;
            if (proba) {
                proba[i * k + positive] = score;
                proba[i * k + (1 - positive)] = 1 - score;
            }
        });
        const engine = (0,_metrics_classification_js__WEBPACK_IMPORTED_MODULE_1__/* .classificationEngine */ .j_)({
            task: binary ? 'binary' : 'multiclass',
            yTrue,
            predictions: { kind: 'classification', classes: order, label, ...(proba ? { proba } : {}) },
            k,
            positive,
        });
        const out = new Float64Array(engine.names.length);
        engine.compute(weights, out);
        return Object.fromEntries(engine.names.map((m, i) => [m, out[i]]));
    }
    regressionMetrics() {
        // The formulas of src/core/metrics/regression.ts, on sums instead of rows.
        const s = this.sums;
        const { n, m2 } = s.label;
        return {
            rmse: Math.sqrt(s.sse / n),
            mae: s.sae / n,
            r2: m2 === 0 ? (s.sse === 0 ? 1 : 0) : 1 - s.sse / m2,
            mape: s.sape / n,
        };
    }
    toJSON() {
        const json = {
            spec: { ...this.spec },
            labelled: this.labelled,
            unlabelled: this.unlabelled,
            invalid: this.invalid,
        };
        if (this.firstInvalid)
            json.first_invalid = { ...this.firstInvalid };
        if (this.scoreGrid)
            json.score_grid = this.scoreGrid;
        if (this.spec.task === 'regression')
            json.regression = { ...this.sums, label: { ...this.sums.label } };
        else
            json.rows = [...this.rows()];
        return json;
    }
    static fromJSON(json) {
        const p = new PerformanceProfile(json.spec);
        p.labelled = json.labelled;
        p.unlabelled = json.unlabelled;
        p.invalid = json.invalid ?? 0;
        if (json.first_invalid)
            p.firstInvalid = { ...json.first_invalid };
        p.scoreGrid = json.score_grid ?? 0;
        if (json.spec.task === 'regression') {
            const r = json.regression;
            // JSON has no Infinity: an empty summary's min/max come back as null.
            p.sums = { ...r, label: r.label.n ? { ...r.label } : (0,_column_profile_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyMoments */ .rC)() };
        }
        else
            for (const [y, pred, s, n] of json.rows ?? []) {
                p.labels.add(y);
                if (pred !== '')
                    p.labels.add(pred);
                p.count(y, pred, s, n);
            }
        return p;
    }
}
/** The class order both sides of a comparison share: every label either side has seen. */
function sharedClasses(a, b) {
    return sortLabels(new Set([...a.classes(), ...b.classes()]));
}
function padBinary(classes, positive) {
    const filler = '(none)';
    if (classes.length === 0)
        return positive ? [filler, positive] : [filler, filler + '+'];
    const only = classes[0];
    // The one class seen is the positive one (index 1) only when configured so.
    return positive === undefined || only !== positive ? [only, filler] : [filler, only];
}


/***/ }),

/***/ 717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ DEFAULT_SKETCH_K),
  w: () => (/* binding */ QuantileSketch)
});

;// CONCATENATED MODULE: ./src/core/profile/sort-float64.ts
/**
 * Ascending in-place sort of a Float64Array prefix by LSD radix over the IEEE-754 bits (8 passes of
 * 8 bits; a pass whose byte is the same everywhere is skipped). About 1.5x faster than the native
 * TypedArray sort on the 10k-item buffers the quantile sketch compacts, where sorting dominated the
 * profile. Order: -Infinity < negatives < -0 < 0 < positives < Infinity (as the native sort; the
 * sketch never holds NaN).
 */
class Float64Sorter {
    scratch = new Uint32Array(0);
    counts = new Uint32Array(256);
    sort(a, n = a.length) {
        if (n < 64) {
            a.subarray(0, n).sort();
            return;
        }
        const words = new Uint32Array(a.buffer, a.byteOffset, n * 2);
        if (this.scratch.length < n * 2)
            this.scratch = new Uint32Array(n * 2);
        // Sortable keys: flip every bit of negatives, only the sign bit of the rest (little-endian words).
        for (let i = 1; i < 2 * n; i += 2) {
            const hi = words[i];
            if (hi & 0x80000000) {
                words[i] = ~hi;
                words[i - 1] = ~words[i - 1];
            }
            else
                words[i] = hi | 0x80000000;
        }
        let src = words;
        let dst = this.scratch;
        const counts = this.counts;
        for (let pass = 0; pass < 8; pass++) {
            const word = pass >> 2;
            const shift = (pass & 3) * 8;
            counts.fill(0);
            for (let i = word; i < 2 * n; i += 2)
                counts[(src[i] >>> shift) & 255]++;
            let sum = 0;
            let single = false;
            for (let b = 0; b < 256; b++) {
                const c = counts[b];
                if (c === n)
                    single = true;
                counts[b] = sum;
                sum += c;
            }
            if (single)
                continue;
            for (let i = 0; i < n; i++) {
                const lo = src[2 * i];
                const hi = src[2 * i + 1];
                const o = counts[((word ? hi : lo) >>> shift) & 255]++;
                dst[2 * o] = lo;
                dst[2 * o + 1] = hi;
            }
            const t = src;
            src = dst;
            dst = t;
        }
        if (src !== words)
            words.set(src.subarray(0, 2 * n));
        for (let i = 1; i < 2 * n; i += 2) {
            const hi = words[i];
            if (hi & 0x80000000)
                words[i] = hi & 0x7fffffff;
            else {
                words[i] = ~hi;
                words[i - 1] = ~words[i - 1];
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/core/profile/quantile-sketch.ts
/**
 * A deterministic, mergeable quantile sketch (a compactor hierarchy, as in Manku-Rajagopalan-Lindsay
 * and KLL without the coin flips): level h holds items of weight 2^h; a level that exceeds k items is
 * sorted and every other item moves up with double weight (a level holds at most k items).
 *
 * Error, stated and tracked: one compaction at level h moves the count of items <= x, for any x, by
 * at most 2^h. The sketch sums those weights in `rankError`, so every rank it answers is within
 * ±rankError of the true rank, after any sequence of inserts and merges (errors of merged sketches
 * add). For n >= k items inserted in one pass, rankError <= n * (floor(log2(n / k)) + 1) / k (level h
 * compacts at most n / (k 2^h) times); with k = 10000 and n = 10^6 that is <= 700 ranks (0.07 %).
 * Until n exceeds k nothing is compacted and the sketch holds the data exactly (up to k items), so
 * small samples give exactly scipy's statistics.
 */

const DEFAULT_SKETCH_K = 10000;
/** One sorter per thread of work: its scratch buffer is reused across every sketch. */
const sorter = new Float64Sorter();
let mergeScratch = new Float64Array(0);
class QuantileSketch {
    k;
    n = 0;
    rankError = 0;
    /** Per level a growable buffer and its fill; typed arrays keep the hot path GC-free. */
    buffers = [];
    fill = [];
    compactions = [];
    /**
     * Per level, the start offsets of the sorted runs it holds, or null when the order is unknown.
     * Levels above 0 only receive sorted halves from the level below, so compacting them is a merge of
     * a few runs instead of a sort (half of all sorting work); merged or loaded sketches sort instead.
     */
    runs = [];
    cache;
    constructor(k = DEFAULT_SKETCH_K) {
        if (!Number.isInteger(k) || k < 2 || k % 2)
            throw new RangeError('sketch size must be an even integer >= 2');
        this.k = k;
        this.addLevel();
    }
    addLevel() {
        // Level 0 starts small and grows: most columns of small files never need k slots.
        this.buffers.push(new Float64Array(this.buffers.length === 0 ? Math.min(this.k + 1, 1024) : this.k + 1));
        this.fill.push(0);
        this.compactions.push(0);
        this.runs.push([]);
    }
    push(h, x) {
        let buf = this.buffers[h];
        const f = this.fill[h];
        if (f === buf.length) {
            // Grows by doubling; an upper level may briefly hold k + k/2 + 1 items before it compacts.
            const bigger = new Float64Array(buf.length * 2);
            bigger.set(buf);
            this.buffers[h] = buf = bigger;
        }
        buf[f] = x;
        this.fill[h] = f + 1;
    }
    add(x) {
        this.cache = undefined;
        this.push(0, x);
        this.n++;
        if (this.fill[0] > this.k)
            this.compress();
    }
    /** Weight of one item at the highest level: the resolution of a rank answer. */
    get topWeight() {
        return 2 ** (this.buffers.length - 1);
    }
    /** True while no compaction has happened: the sketch holds every item. */
    get exact() {
        return this.buffers.length === 1;
    }
    merge(other) {
        if (other.k !== this.k)
            throw new RangeError(`cannot merge sketches of size ${this.k} and ${other.k}`);
        this.cache = undefined;
        for (let h = 0; h < other.buffers.length; h++) {
            if (h >= this.buffers.length)
                this.addLevel();
            const src = other.buffers[h];
            const f = other.fill[h];
            this.runs[h] = null;
            for (let i = 0; i < f; i++) {
                this.push(h, src[i]);
                // Compact as soon as a level overflows, so buffers never exceed k + 1 items.
                if (this.fill[h] > this.k)
                    this.compactLevel(h);
            }
            this.compactions[h] = Math.max(this.compactions[h], other.compactions[h] ?? 0);
        }
        this.n += other.n;
        this.rankError += other.rankError;
        this.compress();
    }
    compress() {
        for (let h = 0; h < this.buffers.length; h++)
            if (this.fill[h] > this.k)
                this.compactLevel(h);
    }
    compactLevel(h) {
        const f = this.fill[h];
        const sorted = this.sortLevel(h, f);
        const odd = f % 2;
        const offset = this.compactions[h] % 2;
        if (h + 1 >= this.buffers.length)
            this.addLevel();
        const up = this.runs[h + 1];
        if (up)
            up.push(this.fill[h + 1]);
        for (let i = offset; i < f - odd; i += 2)
            this.push(h + 1, sorted[i]);
        // Keep one item back when the count is odd so the halves pair up.
        if (odd)
            this.buffers[h][0] = sorted[f - 1];
        this.fill[h] = odd;
        this.runs[h] = odd ? [0] : [];
        this.compactions[h]++;
        this.rankError += 2 ** h;
        if (this.fill[h + 1] > this.k)
            this.compactLevel(h + 1);
    }
    /** The first f items of level h in ascending order (level 0 and unknown order: sorted; else merged runs). */
    sortLevel(h, f) {
        const buf = this.buffers[h];
        const runs = this.runs[h];
        if (h === 0 || !runs || runs.length === 0 || runs[0] !== 0) {
            sorter.sort(buf, f);
            return buf;
        }
        if (mergeScratch.length < f)
            mergeScratch = new Float64Array(Math.max(f, this.k + 1));
        // Merge runs pairwise, left to right: at most 4 runs (a kept item and three halves).
        let end = runs.length > 1 ? runs[1] : f;
        for (let r = 1; r < runs.length; r++) {
            const next = r + 1 < runs.length ? runs[r + 1] : f;
            const mid = end;
            let i = 0;
            let j = mid;
            let o = 0;
            while (i < mid && j < next)
                mergeScratch[o++] = buf[i] <= buf[j] ? buf[i++] : buf[j++];
            while (i < mid)
                mergeScratch[o++] = buf[i++];
            while (j < next)
                mergeScratch[o++] = buf[j++];
            buf.set(mergeScratch.subarray(0, next));
            end = next;
        }
        return buf;
    }
    /** All items sorted, with their weights (1 everywhere while exact). Cached until the next change. */
    weighted() {
        if (this.cache)
            return this.cache;
        let total = 0;
        for (const f of this.fill)
            total += f;
        const values = new Float64Array(total);
        const weights = new Float64Array(total);
        // Sort each level, then merge them one after another (few levels, all native sorts).
        let len = 0;
        for (let h = 0; h < this.buffers.length; h++) {
            const level = Float64Array.from(this.buffers[h].subarray(0, this.fill[h])).sort();
            const w = 2 ** h;
            let i = len - 1;
            let j = level.length - 1;
            for (let o = len + level.length - 1; o >= 0 && j >= 0; o--) {
                if (i >= 0 && values[i] > level[j]) {
                    values[o] = values[i];
                    weights[o] = weights[i];
                    i--;
                }
                else {
                    values[o] = level[j];
                    weights[o] = w;
                    j--;
                }
            }
            len += level.length;
        }
        this.cache = { values, weights };
        return this.cache;
    }
    /** Exact sorted data; only while `exact`. */
    sortedValues() {
        if (!this.exact)
            throw new Error('sketch is compacted');
        return this.weighted().values;
    }
    /** The item at (0-based, weighted) rank r: its true rank is within ±(rankError + topWeight) of r. */
    quantileAtRank(r) {
        const { values, weights } = this.weighted();
        let cum = 0;
        for (let i = 0; i < values.length; i++) {
            cum += weights[i];
            if (cum > r)
                return values[i];
        }
        return values[values.length - 1];
    }
    toJSON() {
        return {
            k: this.k,
            n: this.n,
            rankError: this.rankError,
            levels: this.buffers.map((b, h) => Array.from(b.subarray(0, this.fill[h]))),
            compactions: [...this.compactions],
        };
    }
    static fromJSON(json) {
        const s = new QuantileSketch(json.k);
        if (!Array.isArray(json.levels) || json.levels.length === 0)
            throw new RangeError('sketch has no levels');
        s.buffers = [];
        s.fill = [];
        s.compactions = [];
        s.runs = [];
        json.levels.forEach((level, h) => {
            if (level.length > json.k + 1)
                throw new RangeError(`sketch level ${h} holds ${level.length} items, more than k + 1`);
            const buf = new Float64Array(Math.max(16, level.length));
            buf.set(level);
            s.buffers.push(buf);
            s.fill.push(level.length);
            s.compactions.push(json.compactions[h] ?? 0);
            s.runs.push(null); // stored unsorted
        });
        s.n = json.n;
        s.rankError = json.rankError;
        const held = json.levels.reduce((sum, l, h) => sum + l.length * 2 ** h, 0);
        if (held !== s.n)
            throw new RangeError(`sketch weights add up to ${held}, not n = ${s.n}`);
        return s;
    }
}


/***/ })

};
