export const id = 901;
export const ids = [901];
export const modules = {

/***/ 3567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ac: () => (/* binding */ flagOpt),
/* harmony export */   rJ: () => (/* binding */ stringOpt),
/* harmony export */   sS: () => (/* binding */ listOpt)
/* harmony export */ });
function stringOpt(args, name) {
    const v = args.values[name];
    return typeof v === 'string' ? v : undefined;
}
function listOpt(args, name) {
    const v = args.values[name];
    if (Array.isArray(v))
        return v.filter((x) => typeof x === 'string');
    return typeof v === 'string' ? [v] : [];
}
function flagOpt(args, name) {
    return args.values[name] === true;
}


/***/ }),

/***/ 6275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveCommand: () => (/* binding */ serveCommand)
});

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/core/serve/prediction-rows.ts
/**
 * The prediction log row format (JSONL, one object per predicted row), read by the drift check
 * like any JSONL table. Flat objects with scalar cells:
 *   `_ts`, `_model`, `_version`, `_id` (request id or null), `_row` (row index in the request):
 *       metadata; every metadata and output key starts with `_`, so feature columns never clash.
 *   feature columns: for a single input of shape [batch, F] with F known feature names, one key per
 *       name; otherwise `<input>` when an input has one value per row, `<input>.<j>` per position.
 *   `_out.<output>` / `_out.<output>.<j>`: the outputs, with the same rule.
 */
const PREDICTION_LOG_FORMAT = 'modelci/prediction-log@1';
function rowCount(tensors) {
    const first = tensors[0];
    if (!first || first.shape.length === 0)
        return 1;
    return first.shape[0];
}
function putRow(row, t, r, prefix, names) {
    if (t.shape.length === 0) {
        row[`${prefix}${t.name}`] = t.values[0] ?? null;
        return;
    }
    const width = t.shape.slice(1).reduce((a, b) => a * b, 1);
    if (t.shape.length === 1) {
        row[`${prefix}${t.name}`] = t.values[r] ?? null;
        return;
    }
    for (let j = 0; j < width; j++) {
        const key = names ? names[j] : `${prefix}${t.name}.${j}`;
        row[key] = t.values[r * width + j] ?? null;
    }
}
/** Splits one request into log rows along the first (batch) dimension. */
function predictionRows(p) {
    const inputs = p.inputs.map((i) => ({
        name: i.name,
        shape: i.shape,
        values: i.values,
    }));
    const outputs = p.outputs.map((o) => ({
        name: o.name,
        shape: o.shape,
        values: o.data,
    }));
    const only = inputs.length === 1 ? inputs[0] : undefined;
    const named = only && p.features && only.shape.length === 2 && only.shape[1] === p.features.length
        ? p.features
        : undefined;
    const rows = [];
    const n = rowCount(inputs);
    for (let r = 0; r < n; r++) {
        const row = {
            _ts: p.ts,
            _model: p.model,
            _version: p.version,
            _id: p.id ?? null,
            _row: r,
        };
        for (const t of inputs)
            putRow(row, t, r, '', t === only ? named : undefined);
        for (const t of outputs)
            putRow(row, t, r, '_out.');
        rows.push(row);
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/serve/prediction-log.ts


/** Appends prediction rows (see core/serve/prediction-rows.ts) to a JSONL file. */
class PredictionLog {
    file;
    stream;
    failed;
    constructor(file) {
        this.file = file;
        this.stream = (0,external_node_fs_.createWriteStream)(file, { flags: 'a' });
        // A full disk must not take the server down: remember the error and stop logging.
        this.stream.on('error', (e) => (this.failed = e));
    }
    get error() {
        return this.failed;
    }
    write(p) {
        if (this.failed)
            return;
        const ts = new Date().toISOString();
        const lines = predictionRows({ ...p, ts }).map((r) => JSON.stringify(r));
        this.stream.write(lines.join('\n') + '\n');
    }
    close() {
        return new Promise((resolve) => this.stream.end(() => resolve()));
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/core/serve/protocol.ts
var protocol = __webpack_require__(5507);
;// CONCATENATED MODULE: ./src/serve/http-body.ts

const JSON_TYPE = 'application/json';
/** The body is over the server's limit: answered 413 and the socket closed unread. */
class BodyTooLarge extends Error {
}
/** Reads a whole request body, refusing (before reading it, when declared) more than `limit` bytes. */
function readBody(req, limit) {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit)
        return Promise.reject(new BodyTooLarge());
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit) {
                req.removeAllListeners('data');
                req.pause();
                reject(new BodyTooLarge());
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
        req.on('aborted', () => reject(new Error('client aborted')));
    });
}
/** The body parsed as JSON; undefined for an empty body. */
async function readJson(req, limit) {
    const body = await readBody(req, limit);
    if (body.length === 0)
        return undefined;
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch (e) {
        throw new protocol/* ProtocolError */.bd(400, `malformed JSON body: ${e.message}`);
    }
}
/** Answers with a JSON body; `close` asks the client to drop the connection (draining). */
function sendJson(res, status, body, close = false) {
    const text = JSON.stringify(body);
    const headers = {
        'content-type': JSON_TYPE,
        'content-length': Buffer.byteLength(text),
    };
    if (close)
        headers.connection = 'close';
    res.writeHead(status, headers);
    res.end(text);
}

;// CONCATENATED MODULE: ./src/core/serve/prometheus.ts
/**
 * A minimal Prometheus registry rendered in the text exposition format (version 0.0.4): counters,
 * gauges and histograms with labels. Hand-written to keep the server free of dependencies.
 */
function key(labels) {
    return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}
/** Label values escape backslash, double quote and newline (exposition format rules). */
function escapeLabelValue(v) {
    return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
function labelText(labels, extra) {
    const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
    if (extra)
        parts.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
    return parts.length ? `{${parts.join(',')}}` : '';
}
function num(v) {
    if (v === Infinity)
        return '+Inf';
    if (v === -Infinity)
        return '-Inf';
    if (Number.isNaN(v))
        return 'NaN';
    return String(v);
}
function helpText(s) {
    return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
class Metric {
    name;
    help;
    series = new Map();
    constructor(name, help) {
        this.name = name;
        this.help = help;
    }
    at(labels, init) {
        const k = key(labels);
        let s = this.series.get(k);
        if (!s) {
            s = { labels: { ...labels }, value: init() };
            this.series.set(k, s);
        }
        return s;
    }
}
class Counter extends Metric {
    inc(labels = {}, by = 1) {
        this.at(labels, () => 0).value += by;
    }
    get(labels = {}) {
        return this.series.get(key(labels))?.value ?? 0;
    }
    render() {
        return [
            `# HELP ${this.name} ${helpText(this.help)}`,
            `# TYPE ${this.name} counter`,
            ...[...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${num(s.value)}`),
        ];
    }
}
class Gauge extends Metric {
    set(labels, value) {
        this.at(labels, () => 0).value = value;
    }
    /** Drops every series whose labels include these (e.g. a version that was swapped out). */
    remove(match) {
        for (const [k, s] of this.series)
            if (Object.entries(match).every(([n, v]) => s.labels[n] === v))
                this.series.delete(k);
    }
    render() {
        return [
            `# HELP ${this.name} ${helpText(this.help)}`,
            `# TYPE ${this.name} gauge`,
            ...[...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${num(s.value)}`),
        ];
    }
}
class Histogram extends Metric {
    bounds;
    constructor(name, help, bounds) {
        super(name, help);
        this.bounds = bounds;
    }
    observe(labels, value) {
        const s = this.at(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
        for (let i = 0; i < this.bounds.length; i++)
            if (value <= this.bounds[i])
                s.value.buckets[i]++;
        s.value.sum += value;
        s.value.count++;
    }
    render() {
        const lines = [`# HELP ${this.name} ${helpText(this.help)}`, `# TYPE ${this.name} histogram`];
        for (const s of this.series.values()) {
            this.bounds.forEach((b, i) => lines.push(`${this.name}_bucket${labelText(s.labels, ['le', num(b)])} ${s.value.buckets[i]}`));
            lines.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.value.count}`);
            lines.push(`${this.name}_sum${labelText(s.labels)} ${num(s.value.sum)}`);
            lines.push(`${this.name}_count${labelText(s.labels)} ${s.value.count}`);
        }
        return lines;
    }
}
/** Renders metrics one family after another; the body ends with a newline as the format requires. */
function renderExposition(metrics) {
    return metrics.flatMap((m) => m.render()).join('\n') + '\n';
}
const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

;// CONCATENATED MODULE: ./src/serve/metrics.ts

// Seconds; spans sub-millisecond loopback calls up to slow batch requests.
const LATENCY_BUCKETS = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
/** The server's Prometheus metrics; names follow the `modelci_serve_` prefix. */
class ServerMetrics {
    requests = new Counter('modelci_serve_requests_total', 'Inference requests by model, version, canary role and HTTP status code.');
    errors = new Counter('modelci_serve_errors_total', 'Requests answered with an error, by model and reason (client, server, too_large, timeout).');
    latency = new Histogram('modelci_serve_request_duration_seconds', 'Inference request latency from the first body byte to the response, in seconds.', LATENCY_BUCKETS);
    rows = new Counter('modelci_serve_rows_total', 'Rows predicted, by model and version.');
    modelInfo = new Gauge('modelci_serve_model_info', 'Loaded model versions (value 1); role is stable or canary, weight the canary share.');
    inflight = new Gauge('modelci_serve_inflight_requests', 'Requests being processed.');
    swaps = new Counter('modelci_serve_model_loads_total', 'Model loads and hot swaps, by model and outcome.');
    render() {
        return renderExposition([
            this.requests,
            this.errors,
            this.latency,
            this.rows,
            this.modelInfo,
            this.inflight,
            this.swaps,
        ]);
    }
}

// EXTERNAL MODULE: ./src/serve/loaded-model.ts
var loaded_model = __webpack_require__(570);
;// CONCATENATED MODULE: ./src/core/serve/canary.ts
/**
 * Canary routing: which of two versions answers a request. With a request id the choice is a
 * hash of the id (the same id always lands on the same version, so retries are consistent);
 * without one, a sequence counter spreads requests so the share matches the weight exactly.
 */
/** FNV-1a, 32 bits: stable across processes and platforms, enough spread for routing. */
function fnv1a32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
}
/** True when the request goes to the canary. `weight` is the canary's share in [0, 1]. */
function routesToCanary(weight, id, sequence) {
    if (weight <= 0)
        return false;
    if (weight >= 1)
        return true;
    if (id !== undefined && id !== '')
        return fnv1a32(id) / 2 ** 32 < weight;
    // Request n goes to the canary when floor((n+1)w) steps past floor(nw): exactly w of any prefix.
    return Math.floor((sequence + 1) * weight) > Math.floor(sequence * weight);
}

;// CONCATENATED MODULE: ./src/serve/served-model.ts

/**
 * A model name as clients see it: the stable version, and optionally a canary that takes a share
 * of the traffic. Swapping replaces a pointer between two requests (JS runs one at a time), so no
 * request sees a half-loaded model; the old version is released after its requests finish.
 */
class ServedModel {
    name;
    stableModel;
    sequence = 0;
    canaryModel;
    canaryWeight = 0;
    constructor(name, stableModel) {
        this.name = name;
        this.stableModel = stableModel;
    }
    get stable() {
        return this.stableModel;
    }
    get canary() {
        return this.canaryModel ? { model: this.canaryModel, weight: this.canaryWeight } : undefined;
    }
    /** Every version currently loaded (stable first). */
    get versions() {
        return this.canaryModel ? [this.stableModel, this.canaryModel] : [this.stableModel];
    }
    /** The version that answers this request, already acquired: call `release()` when done. */
    route(id, version) {
        let chosen;
        if (version !== undefined)
            chosen = this.versions.find((m) => m.version === version);
        else if (this.canaryModel && routesToCanary(this.canaryWeight, id, this.sequence++))
            chosen = this.canaryModel;
        else
            chosen = this.stableModel;
        chosen?.acquire();
        return chosen;
    }
    /** Makes `next` the stable version; returns the one it replaced (already retired). */
    swapStable(next) {
        const old = this.stableModel;
        this.stableModel = next;
        if (old !== next && old !== this.canaryModel)
            old.retire();
        return old;
    }
    /** Sets (or with weight 0 / no model, removes) the canary version. */
    setCanary(next, weight) {
        const old = this.canaryModel;
        this.canaryModel = next && weight > 0 ? next : undefined;
        this.canaryWeight = this.canaryModel ? weight : 0;
        if (old && old !== this.canaryModel && old !== this.stableModel)
            old.retire();
        if (next && !this.canaryModel && next !== this.stableModel)
            next.retire();
        return old;
    }
    retireAll() {
        for (const m of this.versions)
            m.retire();
    }
}

;// CONCATENATED MODULE: ./src/serve/model-pool.ts



/**
 * The models a server holds, by name: loads (serialised per name, so two swaps cannot interleave),
 * hot swaps, canaries, and the `model_info` series that mirror what is loaded.
 */
class ModelPool {
    metrics;
    opts;
    models = new Map();
    loads = new Map();
    constructor(metrics, opts = {}) {
        this.metrics = metrics;
        this.opts = opts;
    }
    get(name) {
        return this.models.get(name);
    }
    get size() {
        return this.models.size;
    }
    all() {
        return [...this.models.values()];
    }
    /** Loads a model version as the stable version of `source.name` (replacing any, hot). */
    load(source, params = {}) {
        const previous = this.loads.get(source.name) ?? Promise.resolve();
        const run = previous.catch(() => { }).then(() => this.loadNow(source, params));
        this.loads.set(source.name, run);
        return run;
    }
    async loadNow(source, params) {
        let next;
        try {
            next = await loaded_model/* LoadedModel */.D.load(source, { threads: this.opts.threads ?? 1 });
        }
        catch (e) {
            this.metrics.swaps.inc({ model: source.name, outcome: 'failed' });
            throw e;
        }
        const served = this.models.get(source.name);
        if (!served) {
            if (params.canaryWeight !== undefined) {
                await next.dispose();
                throw new protocol/* ProtocolError */.bd(400, `model "${source.name}" has no stable version yet; load one before a canary`);
            }
            this.models.set(source.name, new ServedModel(source.name, next));
        }
        else if (params.canaryWeight !== undefined) {
            served.setCanary(next, params.canaryWeight);
        }
        else {
            served.swapStable(next);
        }
        this.metrics.swaps.inc({ model: source.name, outcome: 'loaded' });
        this.refreshInfo(source.name);
        this.opts.log?.(`loaded ${source.name} version ${source.version}${params.canaryWeight !== undefined ? ` as canary (weight ${params.canaryWeight})` : ''}`);
        return next;
    }
    /** Sends all of a model's traffic back to its stable version. */
    removeCanary(name) {
        this.models.get(name)?.setCanary(undefined, 0);
        this.refreshInfo(name);
    }
    refreshInfo(name) {
        const served = this.models.get(name);
        this.metrics.modelInfo.remove({ model: name });
        if (!served)
            return;
        const s = served.stable;
        this.metrics.modelInfo.set({ model: name, version: s.version, sha256: s.sha256, role: 'stable', weight: '' }, 1);
        const c = served.canary;
        if (c)
            this.metrics.modelInfo.set({
                model: name,
                version: c.model.version,
                sha256: c.model.sha256,
                role: 'canary',
                weight: String(c.weight),
            }, 1);
    }
    /** Waits for loads under way, then releases every session once its requests finish. */
    async close() {
        await Promise.allSettled([...this.loads.values()]);
        for (const served of this.models.values())
            served.retireAll();
    }
}

;// CONCATENATED MODULE: ./src/serve/server-context.ts

function reply(ctx, res, status, body) {
    sendJson(res, status, body, ctx.draining);
}

;// CONCATENATED MODULE: ./src/serve/admin-api.ts




function isLoopback(host) {
    return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}
/**
 * The model repository extension: `POST /v2/repository/index`, `.../models/{name}/load` (hot swap,
 * canary) and `.../unload` (removes the canary).
 */
async function repositoryApi(ctx, req, res, rest) {
    const { options, pool } = ctx;
    const token = options.adminToken;
    if (token) {
        if (req.headers.authorization !== `Bearer ${token}`)
            throw new protocol/* ProtocolError */.bd(401, 'the repository API needs "Authorization: Bearer <token>"');
    }
    else if (!isLoopback(options.host)) {
        throw new protocol/* ProtocolError */.bd(403, 'the repository API is disabled: start the server with an admin token');
    }
    if (req.method !== 'POST')
        throw new protocol/* ProtocolError */.bd(405, `${req.url} accepts POST, not ${req.method}`);
    if (rest.length === 1 && rest[0] === 'index') {
        const index = pool
            .all()
            .flatMap((s) => s.versions.map((m) => ({ name: s.name, version: m.version, state: 'READY' })));
        return reply(ctx, res, 200, index);
    }
    if (rest.length !== 3 || rest[0] !== 'models' || (rest[2] !== 'load' && rest[2] !== 'unload'))
        throw new protocol/* ProtocolError */.bd(404, `no route POST ${req.url}`);
    const name = rest[1];
    const body = (await readJson(req, options.maxBodyBytes)) ?? {};
    const params = body.parameters ?? {};
    if (typeof params !== 'object')
        throw new protocol/* ProtocolError */.bd(400, '"parameters" must be an object');
    if (rest[2] === 'unload') {
        // Only the canary can be unloaded: the stable version is replaced, never removed.
        if (!pool.get(name))
            throw new protocol/* ProtocolError */.bd(404, `unknown model "${name}"`);
        pool.removeCanary(name);
        return reply(ctx, res, 200, {});
    }
    const weight = params.canary_weight;
    if (weight !== undefined && (typeof weight !== 'number' || weight < 0 || weight > 1))
        throw new protocol/* ProtocolError */.bd(400, '"canary_weight" must be a number in [0, 1]');
    if (weight === 0) {
        pool.removeCanary(name);
        return reply(ctx, res, 200, {});
    }
    let source;
    if (params.uri !== undefined) {
        if (typeof params.uri !== 'string')
            throw new protocol/* ProtocolError */.bd(400, '"uri" must be a string');
        source = {
            name,
            file: params.uri,
            version: typeof params.version === 'string' ? params.version : params.uri,
            ...(typeof params.sha256 === 'string' ? { sha256: params.sha256 } : {}),
        };
    }
    else if (options.reload) {
        source = await options.reload(name);
    }
    else {
        throw new protocol/* ProtocolError */.bd(400, 'give "parameters": {"uri": "<file.onnx>", "version": "..."}');
    }
    try {
        const loaded = await pool.load(source, weight === undefined ? {} : { canaryWeight: weight });
        reply(ctx, res, 200, { name, version: loaded.version, sha256: loaded.sha256 });
    }
    catch (e) {
        if (e instanceof protocol/* ProtocolError */.bd)
            throw e;
        throw new protocol/* ProtocolError */.bd(400, `cannot load "${name}": ${(0,errors/* describeError */.Uc)(e)}`);
    }
}

;// CONCATENATED MODULE: ./src/serve/infer.ts



/** `POST /v2/models/{name}[/versions/{version}]/infer`: validate, route (canary), run, log. */
async function infer(ctx, req, res, name, version) {
    const { metrics, options } = ctx;
    const started = performance.now();
    const served = ctx.pool.get(name);
    const label = served ? name : '_unknown';
    let status = 200;
    let versionLabel = '';
    let role = '';
    try {
        if (!served)
            throw new protocol/* ProtocolError */.bd(404, `unknown model "${name}"`);
        const body = await readJson(req, options.maxBodyBytes);
        const request = (0,protocol/* parseInferenceRequest */.YF)(body);
        const model = served.route(request.id, version);
        if (!model)
            throw new protocol/* ProtocolError */.bd(404, `model "${name}" has no version "${version}" loaded; loaded: ${served.versions.map((m) => m.version).join(', ')}`);
        versionLabel = model.version;
        role = served.canary?.model === model ? 'canary' : 'stable';
        try {
            const decoded = (0,protocol/* validateAgainstSignature */.QN)(request, model.signature, {
                maxBatch: options.maxBatch,
            });
            const outputs = await model.infer(decoded);
            const response = {
                model_name: name,
                model_version: model.version,
                ...(request.id === undefined ? {} : { id: request.id }),
                outputs,
            };
            const rows = decoded.inputs[0]?.shape[0] ?? 1;
            metrics.rows.inc({ model: name, version: model.version }, rows);
            if (request.parameters?.[protocol/* SMOKE_PARAMETER */.eR] !== true)
                options.predictionLog?.write({
                    model: name,
                    version: model.version,
                    id: request.id,
                    inputs: decoded.inputs,
                    outputs,
                    ...(options.features?.[name] ? { features: options.features[name] } : {}),
                });
            reply(ctx, res, 200, response);
        }
        finally {
            model.release();
        }
    }
    catch (e) {
        status = e instanceof BodyTooLarge ? 413 : e instanceof protocol/* ProtocolError */.bd ? e.status : 500;
        if (!(e instanceof BodyTooLarge))
            metrics.errors.inc({ model: label, reason: status >= 500 ? 'server' : 'client' });
        throw e;
    }
    finally {
        metrics.requests.inc({ model: label, version: versionLabel, role, code: String(status) });
        metrics.latency.observe({ model: label }, (performance.now() - started) / 1000);
    }
}

;// CONCATENATED MODULE: ./src/serve/routes.ts





function pathSegments(path) {
    return path
        .split('/')
        .filter(Boolean)
        .map((s) => {
        try {
            return decodeURIComponent(s);
        }
        catch {
            throw new protocol/* ProtocolError */.bd(400, `malformed URL path ${path}`);
        }
    });
}
/** Dispatches one request by path: metrics, server metadata, health, models, repository. */
async function route(ctx, req, res) {
    const path = (req.url ?? '/').split('?')[0];
    const method = req.method ?? 'GET';
    if (path === '/metrics') {
        res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
        res.end(ctx.metrics.render());
        return;
    }
    const seg = pathSegments(path);
    if (seg[0] !== 'v2')
        throw new protocol/* ProtocolError */.bd(404, `no route ${method} ${path}`);
    const expect = (m) => {
        if (method !== m)
            throw new protocol/* ProtocolError */.bd(405, `${path} accepts ${m}, not ${method}`);
    };
    if (seg.length === 1) {
        expect('GET');
        return reply(ctx, res, 200, {
            name: 'modelci',
            version: ctx.options.serverVersion ?? '0',
            extensions: ['model_repository'],
        });
    }
    if (seg[1] === 'health' && seg.length === 3 && (seg[2] === 'live' || seg[2] === 'ready')) {
        expect('GET');
        if (seg[2] === 'live')
            return reply(ctx, res, 200, { live: true });
        const ready = !ctx.draining && ctx.pool.size > 0;
        // The protocol: 200 means ready, a 4xx status means not ready.
        return reply(ctx, res, ready ? 200 : 400, { ready });
    }
    if (seg[1] === 'models' && seg.length >= 3)
        return modelRoute(ctx, req, res, seg.slice(2));
    if (seg[1] === 'repository')
        return repositoryApi(ctx, req, res, seg.slice(2));
    throw new protocol/* ProtocolError */.bd(404, `no route ${method} ${path}`);
}
/** `/v2/models/{name}[/versions/{v}][/ready|/infer]`. */
async function modelRoute(ctx, req, res, rest) {
    const [name, ...tail] = rest;
    let version;
    if (tail[0] === 'versions') {
        if (tail.length < 2)
            throw new protocol/* ProtocolError */.bd(404, `no route ${req.url}`);
        version = tail[1];
        tail.splice(0, 2);
    }
    const action = tail[0];
    if (tail.length > 1 || (action !== undefined && action !== 'ready' && action !== 'infer'))
        throw new protocol/* ProtocolError */.bd(404, `no route ${req.method} ${req.url}`);
    if (action === 'infer') {
        if (req.method !== 'POST')
            throw new protocol/* ProtocolError */.bd(405, `${req.url} accepts POST, not ${req.method}`);
        return infer(ctx, req, res, name, version);
    }
    if (req.method !== 'GET')
        throw new protocol/* ProtocolError */.bd(405, `${req.url} accepts GET, not ${req.method}`);
    const served = ctx.pool.get(name);
    const versions = served?.versions ?? [];
    const target = version === undefined ? served?.stable : versions.find((m) => m.version === version);
    if (action === 'ready') {
        // Ready answers for unknown models too (false), as the protocol's ModelReady does.
        const ready = target !== undefined && !ctx.draining;
        return reply(ctx, res, ready ? 200 : 400, { name, ready });
    }
    if (!target)
        throw new protocol/* ProtocolError */.bd(404, served
            ? `model "${name}" has no version "${version}" loaded; loaded: ${versions.map((m) => m.version).join(', ')}`
            : `unknown model "${name}"`);
    const meta = (t) => ({ name: t.name, datatype: t.datatype, shape: t.shape });
    return reply(ctx, res, 200, {
        name,
        versions: versions.map((m) => m.version),
        platform: 'onnxruntime_onnx',
        inputs: target.signature.inputs.map(meta),
        outputs: target.signature.outputs.map(meta),
    });
}

;// CONCATENATED MODULE: ./src/serve/server-options.ts
function resolveServerOptions(options) {
    return {
        host: '127.0.0.1',
        port: 0,
        maxBodyBytes: 8 << 20,
        requestTimeoutMs: 30_000,
        shutdownGraceMs: 30_000,
        maxBatch: 10_000,
        ...options,
    };
}

;// CONCATENATED MODULE: ./src/serve/server.ts









/**
 * The Open Inference Protocol (KServe v2 REST) server: health, metadata, inference, a model
 * repository extension for hot swaps, and Prometheus metrics. This class is the lifecycle: it
 * binds, maps errors to answers, and drains on close; the routes live in routes.ts, infer.ts and
 * admin-api.ts, the models in model-pool.ts. Node's http server enforces the request timeout (408)
 * so one slow client cannot hold a worker.
 */
class ModelServer {
    metrics = new ServerMetrics();
    options;
    pool;
    http;
    closingDown = false;
    inflight = 0;
    closing;
    constructor(options = {}) {
        this.options = resolveServerOptions(options);
        this.pool = new ModelPool(this.metrics, {
            ...(this.options.threads ? { threads: this.options.threads } : {}),
            ...(this.options.log ? { log: this.options.log } : {}),
        });
        const t = this.options.requestTimeoutMs;
        this.http = (0,external_node_http_.createServer)({
            requestTimeout: t,
            headersTimeout: t,
            keepAliveTimeout: 5_000,
            // How often node checks the request timeout; finer for short timeouts (tests).
            connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(t / 4))),
        }, (req, res) => void this.handle(req, res));
        this.http.on('clientError', (err, socket) => {
            const code = err.code;
            if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
                this.metrics.errors.inc({ model: '', reason: 'timeout' });
            if (socket.writable && !socket.destroyed)
                socket.end(code === 'ERR_HTTP_REQUEST_TIMEOUT'
                    ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'
                    : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
            else
                socket.destroy();
        });
    }
    get draining() {
        return this.closingDown;
    }
    /** Loads a model version as the stable version of `source.name` (replacing any, hot). */
    load(source, params = {}) {
        return this.pool.load(source, params);
    }
    model(name) {
        return this.pool.get(name);
    }
    async listen() {
        await new Promise((resolve, reject) => {
            this.http.once('error', reject);
            this.http.listen(this.options.port, this.options.host, () => {
                this.http.off('error', reject);
                resolve();
            });
        });
        return this.url;
    }
    get url() {
        const addr = this.http.address();
        const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
        return `http://${host}:${addr.port}`;
    }
    /**
     * Graceful shutdown: stop accepting, report not ready, let in-flight requests finish (up to the
     * grace period), then release the models and flush the prediction log.
     */
    close() {
        this.closing ??= (async () => {
            this.closingDown = true;
            const closed = new Promise((resolve) => this.http.close(() => resolve()));
            this.http.closeIdleConnections();
            let timer;
            const grace = new Promise((resolve) => {
                timer = setTimeout(() => {
                    this.options.log?.('shutdown grace period over; closing remaining connections');
                    this.http.closeAllConnections();
                    resolve();
                }, this.options.shutdownGraceMs);
                timer.unref();
            });
            await Promise.race([closed, grace]);
            clearTimeout(timer);
            await this.pool.close();
            await this.options.predictionLog?.close();
        })();
        return this.closing;
    }
    async handle(req, res) {
        this.inflight++;
        this.metrics.inflight.set({}, this.inflight);
        res.on('close', () => {
            this.inflight--;
            this.metrics.inflight.set({}, this.inflight);
        });
        try {
            await route(this, req, res);
        }
        catch (e) {
            if (e instanceof BodyTooLarge) {
                this.metrics.errors.inc({ model: '', reason: 'too_large' });
                res.setHeader('connection', 'close');
                reply(this, res, 413, {
                    error: `request body is larger than ${this.options.maxBodyBytes} bytes`,
                });
                // The rest of the body is not read: close the socket once the answer is out.
                res.on('finish', () => req.socket.destroy());
            }
            else if (e instanceof protocol/* ProtocolError */.bd) {
                reply(this, res, e.status, { error: e.message });
            }
            else if (!res.headersSent && !req.destroyed) {
                this.options.log?.(`internal error on ${req.method} ${req.url}: ${(0,errors/* describeError */.Uc)(e)}`);
                reply(this, res, 500, { error: (0,errors/* describeError */.Uc)(e) });
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/commands/serve.ts




/** `name=path` pairs from the command line or action inputs. */
function parseModelFlag(flag, what = '--model') {
    const eq = flag.indexOf('=');
    if (eq <= 0 || eq === flag.length - 1)
        throw new errors/* ModelciError */.wN('USAGE', `${what} "${flag}" must look like <name>=<file.onnx>`, {
            hint: `e.g. ${what} churn=model.onnx`,
        });
    return { name: flag.slice(0, eq), file: flag.slice(eq + 1) };
}
function fileSource(name, file) {
    return { name, file, version: (0,external_node_path_.basename)(file) };
}
/** Starts the inference server with every model loaded; resolves once it listens. */
async function runServe(options) {
    if (options.models.length === 0)
        throw new errors/* ModelciError */.wN('USAGE', 'nothing to serve', {
            hint: 'Pass --model <name>=<file.onnx>, or --registry <dir> --stage <stage>',
        });
    const names = new Set();
    for (const m of options.models) {
        if (names.has(m.name))
            throw new errors/* ModelciError */.wN('USAGE', `model "${m.name}" is given twice`, {
                hint: 'Use --canary to serve a second version of the same model',
            });
        names.add(m.name);
    }
    const server = new ModelServer({
        ...(options.host ? { host: options.host } : {}),
        port: options.port,
        ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        ...(options.shutdownGraceMs ? { shutdownGraceMs: options.shutdownGraceMs } : {}),
        ...(options.predictionLog ? { predictionLog: new PredictionLog(options.predictionLog) } : {}),
        ...(options.features ? { features: options.features } : {}),
        ...(options.reload ? { reload: options.reload } : {}),
        ...(options.adminToken ? { adminToken: options.adminToken } : {}),
        ...(options.serverVersion ? { serverVersion: options.serverVersion } : {}),
        ...(options.threads ? { threads: options.threads } : {}),
        ...(options.log ? { log: options.log } : {}),
    });
    for (const m of options.models)
        await server.load(m);
    for (const c of options.canaries ?? []) {
        if (!names.has(c.source.name))
            throw new errors/* ModelciError */.wN('USAGE', `canary for "${c.source.name}", which is not served`, {
                hint: 'Serve the stable version with --model first',
            });
        await server.load(c.source, { canaryWeight: c.weight });
    }
    let url;
    try {
        url = await server.listen();
    }
    catch (e) {
        await server.close();
        throw new errors/* ModelciError */.wN('USAGE', `cannot listen on port ${options.port}: ${e.message}`, {
            hint: 'Pick another --port, or 0 for a free one',
        });
    }
    return {
        server,
        url,
        close: () => server.close(),
        async reloadAll() {
            if (!options.reload)
                return;
            for (const name of names)
                await server.load(await options.reload(name));
        },
    };
}

// EXTERNAL MODULE: ./src/registry/index.ts
var registry = __webpack_require__(1119);
;// CONCATENATED MODULE: ./src/serve/registry-source.ts


/**
 * What a registry stage names: one model source per model with a pointer for the stage (artifact
 * sha256-verified by the registry, and again by the server on load), and a reload that re-reads
 * the pointer, for hot swaps after a promotion (SIGHUP or the repository API).
 */
async function registrySources(dir, stage) {
    const reg = (0,registry/* openRegistry */.Me)(dir);
    const sourceFor = async (name) => {
        const record = reg.resolve(name, `#${stage}`);
        const file = await reg.readArtifact(record);
        return { name, version: record.version, file, sha256: record.artifact.sha256 };
    };
    const names = reg.listModels().filter((m) => reg.getStage(m, stage) !== undefined);
    if (names.length === 0)
        throw new errors/* ModelciError */.wN('REGISTRY', `no model in the registry has a "${stage}" stage pointer`, {
            file: dir,
            hint: `Promote a version to ${stage} first, or check --registry and --stage`,
        });
    const models = [];
    for (const name of names)
        models.push(await sourceFor(name));
    return { models, reload: sourceFor };
}

// EXTERNAL MODULE: ./src/cli/main.ts + 1 modules
var main = __webpack_require__(610);
;// CONCATENATED MODULE: ./src/cli/serve.ts





function integer(value, flag, min) {
    if (value === undefined)
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min)
        throw new errors/* ModelciError */.wN('USAGE', `${flag} must be a whole number ≥ ${min} (got "${value}")`);
    return Number(value);
}
const serveCommand = {
    name: 'serve',
    summary: 'Serve ONNX models over the Open Inference Protocol (KServe v2 REST)',
    usage: [
        'Usage: modelci serve --model <name>=<file.onnx> [--model ...] --port <port>',
        '       modelci serve --registry <dir> --stage <stage> --port <port>',
        '',
        'Options:',
        '  --port <n>                  port to listen on; 0 picks a free one (default 8080)',
        '  --host <addr>               interface to bind (default 127.0.0.1)',
        '  --canary <name>=<file>      serve a second version of <name> to a share of requests',
        '  --canary-weight <0..1>      the canary share (default 0.1)',
        '  --log-predictions <file>    append one JSONL row per prediction (read by drift)',
        '  --features <name>=<a,b,..>  feature names for the prediction log of a wide input',
        '  --max-body-bytes <n>        larger request bodies get 413 (default 8388608)',
        '  --request-timeout-ms <n>    slow clients get 408 after this (default 30000)',
        '  --threads <n>               onnxruntime threads per model session (default 1)',
        '  --admin-token <t>           token for the repository (hot swap) API; env MODELCI_SERVE_TOKEN',
        '',
        'Prints "modelci serve: listening on <url>" once ready; SIGTERM drains and exits 0;',
        'SIGHUP (registry mode) reloads the stage pointers and hot-swaps changed versions.',
    ].join('\n'),
    options: {
        model: { type: 'string', multiple: true },
        registry: { type: 'string' },
        stage: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        canary: { type: 'string', multiple: true },
        'canary-weight': { type: 'string' },
        'log-predictions': { type: 'string' },
        features: { type: 'string', multiple: true },
        'max-body-bytes': { type: 'string' },
        'request-timeout-ms': { type: 'string' },
        'admin-token': { type: 'string' },
        threads: { type: 'string' },
        quiet: { type: 'boolean' },
    },
    async run(args, io) {
        const registry = (0,command/* stringOpt */.rJ)(args, 'registry');
        const stage = (0,command/* stringOpt */.rJ)(args, 'stage');
        const modelFlags = (0,command/* listOpt */.sS)(args, 'model');
        if (registry && modelFlags.length)
            throw new errors/* ModelciError */.wN('USAGE', 'give either --model or --registry, not both');
        if (registry && !stage)
            throw new errors/* ModelciError */.wN('USAGE', '--registry needs --stage', {
                hint: 'e.g. --stage production',
            });
        const weightText = (0,command/* stringOpt */.rJ)(args, 'canary-weight') ?? '0.1';
        const weight = Number(weightText);
        if (!Number.isFinite(weight) || weight < 0 || weight > 1)
            throw new errors/* ModelciError */.wN('USAGE', `--canary-weight must be in [0, 1] (got "${weightText}")`);
        const features = {};
        for (const f of (0,command/* listOpt */.sS)(args, 'features')) {
            const { name, file } = parseModelFlag(f, '--features');
            features[name] = file.split(',').map((s) => s.trim());
        }
        const quiet = (0,command/* flagOpt */.ac)(args, 'quiet');
        const log = (line) => {
            if (!quiet)
                io.stderr(`modelci serve: ${line}\n`);
        };
        let options;
        const common = {
            port: integer((0,command/* stringOpt */.rJ)(args, 'port'), '--port', 0) ?? 8080,
            ...((0,command/* stringOpt */.rJ)(args, 'host') ? { host: (0,command/* stringOpt */.rJ)(args, 'host') } : {}),
            ...((0,command/* stringOpt */.rJ)(args, 'log-predictions')
                ? { predictionLog: (0,command/* stringOpt */.rJ)(args, 'log-predictions') }
                : {}),
            ...(Object.keys(features).length ? { features } : {}),
            ...((0,command/* stringOpt */.rJ)(args, 'max-body-bytes')
                ? { maxBodyBytes: integer((0,command/* stringOpt */.rJ)(args, 'max-body-bytes'), '--max-body-bytes', 1) }
                : {}),
            ...((0,command/* stringOpt */.rJ)(args, 'request-timeout-ms')
                ? {
                    requestTimeoutMs: integer((0,command/* stringOpt */.rJ)(args, 'request-timeout-ms'), '--request-timeout-ms', 1),
                }
                : {}),
            ...(((0,command/* stringOpt */.rJ)(args, 'admin-token') ?? io.env.MODELCI_SERVE_TOKEN)
                ? { adminToken: ((0,command/* stringOpt */.rJ)(args, 'admin-token') ?? io.env.MODELCI_SERVE_TOKEN) }
                : {}),
            ...((0,command/* stringOpt */.rJ)(args, 'threads')
                ? { threads: integer((0,command/* stringOpt */.rJ)(args, 'threads'), '--threads', 1) }
                : {}),
            serverVersion: main/* VERSION */.xv,
            canaries: (0,command/* listOpt */.sS)(args, 'canary').map((c) => {
                const { name, file } = parseModelFlag(c, '--canary');
                return { source: fileSource(name, file), weight };
            }),
            log,
        };
        if (registry) {
            const reg = await registrySources(registry, stage);
            options = { ...common, models: reg.models, reload: reg.reload };
        }
        else {
            options = {
                ...common,
                models: modelFlags.map((f) => {
                    const { name, file } = parseModelFlag(f);
                    return fileSource(name, file);
                }),
            };
        }
        const handle = await runServe(options);
        io.stdout(`modelci serve: listening on ${handle.url}\n`);
        await new Promise((resolve) => {
            const stop = (signal) => {
                log(`${signal}: draining in-flight requests`);
                process.off('SIGTERM', onTerm);
                process.off('SIGINT', onInt);
                process.off('SIGHUP', onHup);
                void handle.close().then(resolve);
            };
            const onTerm = () => stop('SIGTERM');
            const onInt = () => stop('SIGINT');
            const onHup = () => {
                handle.reloadAll().catch((e) => log(`reload failed: ${e.message}`));
            };
            process.on('SIGTERM', onTerm);
            process.on('SIGINT', onInt);
            process.on('SIGHUP', onHup);
        });
        log('stopped');
        return 0;
    },
};


/***/ }),

/***/ 3759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ pointerToKeyPath)
/* harmony export */ });
/** `/models/churn/gates/0/min` (JSON pointer) -> `models.churn.gates[0].min` (what users read). */
function pointerToKeyPath(pointer) {
    if (!pointer || pointer === '/')
        return '';
    let out = '';
    for (const raw of pointer.split('/').slice(1)) {
        const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (/^\d+$/.test(seg))
            out += `[${seg}]`;
        else if (/^[A-Za-z0-9_-]+$/.test(seg))
            out += out ? `.${seg}` : seg;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}


/***/ }),

/***/ 5507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QN: () => (/* binding */ validateAgainstSignature),
/* harmony export */   YF: () => (/* binding */ parseInferenceRequest),
/* harmony export */   bd: () => (/* binding */ ProtocolError),
/* harmony export */   eR: () => (/* binding */ SMOKE_PARAMETER),
/* harmony export */   tF: () => (/* binding */ datatypeOfOnnxType)
/* harmony export */ });
/* unused harmony export DATATYPES */
/**
 * The Open Inference Protocol (KServe v2 REST) messages and their validation against a model's
 * signature. Pure: JSON in, typed flat tensors out (or a ProtocolError with the HTTP status).
 * Spec: https://github.com/kserve/open-inference-protocol (rest_predict_v2.yaml).
 */
/**
 * Request parameter a deploy smoke test sets: the server answers as usual but does not log the
 * prediction, so drift checks on the prediction log see production traffic only.
 */
const SMOKE_PARAMETER = 'modelci_smoke';
/** A request the server rejects; `status` is the HTTP status to answer with. */
class ProtocolError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'ProtocolError';
    }
}
const ONNX_TO_DATATYPE = {
    bool: 'BOOL',
    uint8: 'UINT8',
    uint16: 'UINT16',
    uint32: 'UINT32',
    uint64: 'UINT64',
    int8: 'INT8',
    int16: 'INT16',
    int32: 'INT32',
    int64: 'INT64',
    float16: 'FP16',
    float: 'FP32',
    float32: 'FP32',
    double: 'FP64',
    float64: 'FP64',
    string: 'BYTES',
};
const DATATYPES = new Set(Object.values(ONNX_TO_DATATYPE));
/** KServe datatype of an ONNX element type (`float`, onnxruntime's `float32`, ...). */
function datatypeOfOnnxType(type) {
    return ONNX_TO_DATATYPE[type];
}
const INTEGER_RANGE = {
    UINT8: [0, 255],
    UINT16: [0, 65535],
    UINT32: [0, 4294967295],
    UINT64: [0, Number.MAX_SAFE_INTEGER],
    INT8: [-128, 127],
    INT16: [-32768, 32767],
    INT32: [-2147483648, 2147483647],
    INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describeValue(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
    if (typeof v === 'object')
        return 'an object';
    return String(v);
}
function checkParameters(v, where) {
    if (v === undefined)
        return undefined;
    if (!isObject(v))
        throw new ProtocolError(400, `${where} "parameters" must be an object`);
    for (const [k, p] of Object.entries(v))
        if (!['string', 'number', 'boolean'].includes(typeof p))
            throw new ProtocolError(400, `${where} parameter "${k}" must be a string, number or boolean (got ${describeValue(p)})`);
    return v;
}
/** Flattens nested data row-major; the element count is checked against the shape afterwards. */
function flatten(data, out, depth, input) {
    if (depth > 32)
        throw new ProtocolError(400, `input "${input}": data is nested too deeply`);
    for (let i = 0; i < data.length; i++) {
        const v = data[i];
        if (Array.isArray(v))
            flatten(v, out, depth + 1, input);
        else
            out.push(v);
    }
}
function badElement(v, datatype, input, index) {
    const range = INTEGER_RANGE[datatype];
    const what = datatype === 'BOOL'
        ? 'true or false'
        : datatype === 'BYTES'
            ? 'a string'
            : range && typeof v === 'number' && Number.isFinite(v)
                ? `a whole number in [${range[0]}, ${range[1]}]`
                : 'a number';
    return new ProtocolError(400, `input "${input}": element ${index} is ${describeValue(v)}, but datatype ${datatype} needs ${what}`);
}
/** Index of the first element that does not fit the datatype, or -1. One tight loop per kind. */
function firstBadElement(values, datatype) {
    const n = values.length;
    if (datatype === 'BOOL') {
        for (let i = 0; i < n; i++)
            if (typeof values[i] !== 'boolean')
                return i;
        return -1;
    }
    if (datatype === 'BYTES') {
        for (let i = 0; i < n; i++)
            if (typeof values[i] !== 'string')
                return i;
        return -1;
    }
    const range = INTEGER_RANGE[datatype];
    if (!range) {
        for (let i = 0; i < n; i++) {
            const v = values[i];
            if (typeof v !== 'number' || !Number.isFinite(v))
                return i;
        }
        return -1;
    }
    const [lo, hi] = range;
    for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
            return i;
    }
    return -1;
}
function parseInput(raw, i) {
    if (!isObject(raw))
        throw new ProtocolError(400, `inputs[${i}] must be an object`);
    const { name, shape, datatype, data, parameters } = raw;
    if (typeof name !== 'string' || name === '')
        throw new ProtocolError(400, `inputs[${i}].name must be a non-empty string`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
        throw new ProtocolError(400, `input "${name}": "shape" must be a list of whole numbers ≥ 0 (got ${JSON.stringify(shape)?.slice(0, 60)})`);
    if (typeof datatype !== 'string' || !DATATYPES.has(datatype))
        throw new ProtocolError(400, `input "${name}": unknown datatype ${describeValue(datatype)}; use one of ${[...DATATYPES].join(', ')}`);
    if (!Array.isArray(data))
        throw new ProtocolError(400, `input "${name}": "data" must be an array (flat or nested)`);
    return {
        name,
        shape: shape,
        datatype: datatype,
        data,
        ...(parameters === undefined
            ? {}
            : { parameters: checkParameters(parameters, `input "${name}"`) }),
    };
}
/** Parses the JSON body of an infer request; shape errors only, no model knowledge yet. */
function parseInferenceRequest(body) {
    if (!isObject(body))
        throw new ProtocolError(400, 'request body must be a JSON object with "inputs"');
    const { id, parameters, inputs, outputs } = body;
    if (id !== undefined && typeof id !== 'string')
        throw new ProtocolError(400, '"id" must be a string');
    if (!Array.isArray(inputs) || inputs.length === 0)
        throw new ProtocolError(400, '"inputs" must be a non-empty array');
    const parsedOutputs = [];
    if (outputs !== undefined) {
        if (!Array.isArray(outputs))
            throw new ProtocolError(400, '"outputs" must be an array');
        outputs.forEach((o, i) => {
            if (!isObject(o) || typeof o.name !== 'string')
                throw new ProtocolError(400, `outputs[${i}] must be an object with a "name"`);
            parsedOutputs.push({
                name: o.name,
                ...(o.parameters === undefined
                    ? {}
                    : { parameters: checkParameters(o.parameters, `output "${o.name}"`) }),
            });
        });
    }
    return {
        ...(id === undefined ? {} : { id }),
        ...(parameters === undefined ? {} : { parameters: checkParameters(parameters, 'request') }),
        inputs: inputs.map(parseInput),
        ...(outputs === undefined ? {} : { outputs: parsedOutputs }),
    };
}
function shapeText(shape) {
    return `[${shape.join(', ')}]`;
}
/**
 * Checks a parsed request against the model's signature: every input present once, the same
 * datatype, the same rank, fixed dimensions equal, element count equal to the shape's product.
 */
function validateAgainstSignature(request, signature, limits = {}) {
    const byName = new Map(signature.inputs.map((t) => [t.name, t]));
    const seen = new Set();
    const inputs = [];
    for (const input of request.inputs) {
        const spec = byName.get(input.name);
        if (!spec)
            throw new ProtocolError(400, `unknown input "${input.name}"; the model's inputs are ${signature.inputs.map((t) => `"${t.name}"`).join(', ')}`);
        if (seen.has(input.name))
            throw new ProtocolError(400, `input "${input.name}" is given more than once`);
        seen.add(input.name);
        if (input.datatype !== spec.datatype)
            throw new ProtocolError(400, `input "${input.name}" has datatype ${input.datatype}, but the model expects ${spec.datatype}`);
        const shapeOk = input.shape.length === spec.shape.length &&
            spec.shape.every((d, k) => d < 0 || d === input.shape[k]);
        if (!shapeOk)
            throw new ProtocolError(400, `input "${input.name}" has shape ${shapeText(input.shape)}, but the model expects ${shapeText(spec.shape)} (-1 = any size)`);
        if (limits.maxBatch !== undefined &&
            input.shape.length > 0 &&
            input.shape[0] > limits.maxBatch)
            throw new ProtocolError(400, `input "${input.name}" has ${input.shape[0]} rows; this server accepts at most ${limits.maxBatch} per request`);
        const expected = input.shape.reduce((a, b) => a * b, 1);
        const values = [];
        flatten(input.data, values, 0, input.name);
        if (values.length !== expected)
            throw new ProtocolError(400, `input "${input.name}" has ${values.length} values, but shape ${shapeText(input.shape)} needs ${expected}`);
        const bad = firstBadElement(values, input.datatype);
        if (bad >= 0)
            throw badElement(values[bad], input.datatype, input.name, bad);
        inputs.push({
            name: input.name,
            datatype: input.datatype,
            shape: input.shape,
            values: values,
        });
    }
    const missing = signature.inputs.filter((t) => !seen.has(t.name)).map((t) => `"${t.name}"`);
    if (missing.length)
        throw new ProtocolError(400, `missing input ${missing.join(', ')} required by the model`);
    const outputNames = new Set(signature.outputs.map((t) => t.name));
    let outputs = signature.outputs.map((t) => t.name);
    if (request.outputs && request.outputs.length > 0) {
        for (const o of request.outputs)
            if (!outputNames.has(o.name))
                throw new ProtocolError(400, `unknown output "${o.name}"; the model's outputs are ${[...outputNames].map((n) => `"${n}"`).join(', ')}`);
        outputs = request.outputs.map((o) => o.name);
    }
    return { id: request.id, parameters: request.parameters, inputs, outputs };
}


/***/ }),

/***/ 3528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gu: () => (/* binding */ readTextFile),
/* harmony export */   Ut: () => (/* binding */ readStructuredFile)
/* harmony export */ });
/* unused harmony exports MAX_STRUCTURED_FILE_BYTES, MAX_ALIAS_COUNT, parseStructured */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



/** Config and metrics files are small; anything larger is a mistake or an attack. */
const MAX_STRUCTURED_FILE_BYTES = 1024 * 1024;
/** yaml's own default is 100; a handful is plenty for hand-written files and stops alias bombs. */
const MAX_ALIAS_COUNT = 50;
/** Reads a file with a clear error for missing, unreadable, oversized or directory paths. */
function readTextFile(file, maxBytes = MAX_STRUCTURED_FILE_BYTES) {
    let size;
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file);
        if (st.isDirectory())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', 'is a directory, expected a file', { file });
        size = st.size;
    }
    catch (e) {
        if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN)
            throw e;
        const code = e.code;
        if (code === 'ENOENT')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', 'file not found', {
                file,
                hint: 'Check the path (it is relative to the working directory)',
            });
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', `cannot read file (${code ?? String(e)})`, { file });
    }
    if (size > maxBytes)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', `file is ${size} bytes, more than the ${maxBytes} allowed`, {
            file,
            hint: 'Use a smaller file',
        });
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', `cannot read file (${e.code ?? String(e)})`, { file });
    }
}
/**
 * Parses JSON or YAML text (JSON is YAML 1.2) into plain data, with line and column on syntax
 * errors and a refusal of alias bombs.
 */
function parseStructured(text, file) {
    if (text.trim() === '')
        return undefined;
    // YAML accepts much that JSON does not (`{"a": }` is {a: null}): hold .json files to JSON.
    if (/\.json$/i.test(file))
        checkJson(text, file);
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { uniqueKeys: true, prettyErrors: true, strict: true });
    const err = doc.errors[0];
    if (err) {
        const pos = err.linePos?.[0];
        const msg = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('PARSE', `invalid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${msg}`, {
            file,
            ...(pos ? { row: pos.line, column: pos.col } : {}),
            hint: 'Fix the syntax',
        });
    }
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (/alias/i.test(msg))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('PARSE', `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT})`, {
                file,
                hint: 'Write the values out instead of using anchors and aliases',
            });
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('PARSE', `cannot read YAML: ${msg}`, { file });
    }
}
function checkJson(text, file) {
    try {
        JSON.parse(text);
    }
    catch {
        // V8's messages do not always carry a position: find it with a small scanner.
        const { offset, message } = jsonSyntaxError(text);
        const lines = text.slice(0, offset).split('\n');
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('PARSE', `invalid JSON: ${message}`, {
            file,
            row: lines.length,
            column: lines[lines.length - 1].length + 1,
            hint: 'Fix the syntax',
        });
    }
}
/** Where JSON text first goes wrong (only called once JSON.parse has failed). */
function jsonSyntaxError(text) {
    let i = 0;
    class Stop {
        message;
        constructor(message) {
            this.message = message;
        }
    }
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const fail = (what) => {
        throw new Stop(i >= text.length
            ? `unexpected end of file, expected ${what}`
            : `unexpected ${JSON.stringify(text[i])}, expected ${what}`);
    };
    const string = () => {
        i++;
        while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\')
                i++;
            else if (text.charCodeAt(i) < 0x20)
                fail('a closing quote');
            i++;
        }
        if (i >= text.length)
            fail('a closing quote');
        i++;
    };
    const value = () => {
        ws();
        const ch = text[i];
        if (ch === '{') {
            i++;
            ws();
            if (text[i] === '}')
                return void i++;
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail('a property name in double quotes');
                string();
                ws();
                if (text[i] !== ':')
                    fail('":"');
                i++;
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === '}')
                    return void i++;
                else
                    fail('"," or "}"');
            }
        }
        if (ch === '[') {
            i++;
            ws();
            if (text[i] === ']')
                return void i++;
            for (;;) {
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === ']')
                    return void i++;
                else
                    fail('"," or "]"');
            }
        }
        if (ch === '"')
            return string();
        const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
        if (!m)
            fail('a value');
        i += m[0].length;
    };
    try {
        value();
        ws();
        if (i < text.length)
            fail('the end of the file');
        return { offset: 0, message: 'not valid JSON' };
    }
    catch (e) {
        if (e instanceof Stop)
            return { offset: i, message: e.message };
        throw e;
    }
}
function readStructuredFile(file, maxBytes) {
    return parseStructured(readTextFile(file, maxBytes), file);
}


/***/ }),

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aD: () => (/* binding */ loadOnnxRuntime)
/* harmony export */ });
/* unused harmony exports ONNXRUNTIME_VERSION, configureOnnxRuntimeInstall, importFrom, onnxRuntimeCacheKey, ensureOnnxRuntime */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);






/** Keep equal to package.json's onnxruntime-node (a test checks). */
const ONNXRUNTIME_VERSION = '1.30.0';
let cached;
let installSettings = {};
/** Actions call this first: the actions cache and the log for an install on first use. */
function configureOnnxRuntimeInstall(settings) {
    installSettings = settings;
}
function loadOnnxRuntime() {
    cached ??= importRuntime();
    return cached;
}
async function importRuntime() {
    const dir = process.env.MODELCI_ONNXRUNTIME_DIR;
    if (dir)
        return importFrom(dir);
    try {
        // webpackIgnore: resolved by Node when called, next to the bundle. Left to ncc, the external
        // became a static import at the top of every bundle that can evaluate: the action bundles
        // (which have no node_modules) failed to start, and every CLI start loaded the native library.
        return (await import(/* webpackIgnore: true */ 'onnxruntime-node'));
    }
    catch (e) {
        const toolCache = process.env.RUNNER_TOOL_CACHE;
        if (!toolCache)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ModelciError */ .wN('MODEL', `cannot load onnxruntime-node: ${e.message.split('\n')[0]}`, {
                hint: `Install it next to modelci (npm install onnxruntime-node@${ONNXRUNTIME_VERSION})`,
            });
        const installed = await ensureOnnxRuntime({ toolCache, ...installSettings });
        return importFrom(installed.dir);
    }
}
/** Imports onnxruntime-node from a folder that has it in node_modules (an `npm install --prefix`). */
async function importFrom(dir) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'package.json'));
    const entry = require.resolve('onnxruntime-node');
    // webpackIgnore: a computed import() in a bundle is otherwise an empty context that always throws.
    const mod = (await import(/* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_4__.pathToFileURL)(entry).href));
    return mod.default && 'InferenceSession' in mod.default ? mod.default : mod;
}
function onnxRuntimeCacheKey(version, platform, arch) {
    return `modelci-onnxruntime-${version}-${platform}-${arch}`;
}
async function ensureOnnxRuntime(opts) {
    const version = opts.version ?? ONNXRUNTIME_VERSION;
    const platform = opts.platform ?? process.platform;
    const arch = opts.arch ?? process.arch;
    const log = opts.log ?? (() => undefined);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(opts.toolCache, 'modelci-onnxruntime', version, arch);
    const marker = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, '.complete');
    const cacheKey = onnxRuntimeCacheKey(version, platform, arch);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
        return { dir, via: 'tool-cache', cacheKey };
    if (opts.cache) {
        try {
            const hit = await opts.cache.restore([dir], cacheKey);
            if (hit && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker)) {
                log(`onnxruntime-node ${version} restored from the actions cache (${cacheKey})`);
                return { dir, via: 'actions-cache', cacheKey };
            }
        }
        catch (e) {
            log(`actions cache restore failed (${e.message}); installing from npm`);
        }
    }
    // Install into a sibling folder and rename, so a killed job never leaves a half install.
    const tmp = `${dir}.partial-${process.pid}`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(tmp, { recursive: true, force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(tmp, { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tmp, 'package.json'), '{"name":"modelci-onnxruntime","private":true}\n');
    const packages = opts.packages ?? [`onnxruntime-node@${version}`];
    log(`installing ${packages.join(' ')} into ${dir}`);
    await npm([
        'install',
        '--prefix',
        tmp,
        '--ignore-scripts',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        ...packages,
    ], tmp);
    pruneOtherPlatforms((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tmp, 'node_modules', 'onnxruntime-node', 'bin'), platform, arch);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tmp, '.complete'), `${version}\n`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, '..'), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, dir);
    if (opts.cache) {
        try {
            await opts.cache.save([dir], cacheKey);
            log(`saved onnxruntime-node to the actions cache (${cacheKey})`);
        }
        catch (e) {
            log(`actions cache save failed (${e.message}); the next run installs again`);
        }
    }
    return { dir, via: 'npm', cacheKey };
}
/** Keeps bin/napi-v*\/<platform>/<arch> only: 46 MB to cache instead of 288 MB. */
function pruneOtherPlatforms(bin, platform, arch) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(bin))
        return;
    for (const napi of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(bin)) {
        for (const p of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi))) {
            if (p !== platform) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi, p), { recursive: true, force: true });
                continue;
            }
            for (const a of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi, p)))
                if (a !== arch)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bin, napi, p, a), { recursive: true, force: true });
        }
    }
}
function npm(args, cwd) {
    const npmCli = process.env.npm_execpath;
    const [cmd, argv] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
    return new Promise((resolve, reject) => {
        let err = '';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, argv, {
            cwd,
            stdio: ['ignore', 'ignore', 'pipe'],
            env: {
                ...process.env,
                ONNXRUNTIME_NODE_INSTALL: 'skip',
                npm_config_update_notifier: 'false',
            },
            shell: process.platform === 'win32',
        });
        child.stderr.on('data', (d) => (err = (err + d.toString()).slice(-4000)));
        child.on('error', (e) => reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ModelciError */ .wN('MODEL', `cannot run npm to install onnxruntime-node: ${e.message}`, {
            hint: 'Install Node.js with npm on the runner (actions/setup-node)',
        })));
        child.on('exit', (code) => code === 0
            ? resolve()
            : reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ModelciError */ .wN('MODEL', `npm install of onnxruntime-node failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`, {
                hint: 'Check that the runner can reach registry.npmjs.org',
            })));
    });
}


/***/ }),

/***/ 1119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* reexport safe */ _registry_js__WEBPACK_IMPORTED_MODULE_0__.Me)
/* harmony export */ });
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7936);
/** The registry's reading API; see README.md next to this file. */



/***/ }),

/***/ 570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ LoadedModel)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_serve_protocol_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5507);
/* harmony import */ var _onnx_runtime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7663);





const TENSOR_TYPE = {
    BOOL: 'bool',
    UINT8: 'uint8',
    UINT16: 'uint16',
    UINT32: 'uint32',
    UINT64: 'uint64',
    INT8: 'int8',
    INT16: 'int16',
    INT32: 'int32',
    INT64: 'int64',
    FP16: undefined,
    FP32: 'float32',
    FP64: 'float64',
    BYTES: 'string',
};
function toMetadata(meta, file) {
    return meta.map((m) => {
        if (!m.isTensor)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('MODEL', `"${m.name}" is not a tensor; the server serves tensors only`, {
                file,
                hint: 'Export the model with tensor inputs and outputs (e.g. zipmap=False for sklearn)',
            });
        const datatype = (0,_core_serve_protocol_js__WEBPACK_IMPORTED_MODULE_3__/* .datatypeOfOnnxType */ .tF)(m.type);
        if (!datatype)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('MODEL', `"${m.name}" has element type ${m.type}, which is not served`, {
                file,
            });
        return {
            name: m.name,
            datatype,
            shape: m.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : -1)),
        };
    });
}
// Typed array for each onnxruntime element type; JSON numbers were range-checked by the protocol.
function tensorData(type, values) {
    const nums = values;
    switch (type) {
        case 'float32':
            return Float32Array.from(nums);
        case 'float64':
            return Float64Array.from(nums);
        case 'int64':
            return BigInt64Array.from(nums, (v) => BigInt(v));
        case 'uint64':
            return BigUint64Array.from(nums, (v) => BigInt(v));
        case 'int32':
            return Int32Array.from(nums);
        case 'int16':
            return Int16Array.from(nums);
        case 'int8':
            return Int8Array.from(nums);
        case 'uint32':
            return Uint32Array.from(nums);
        case 'uint16':
            return Uint16Array.from(nums);
        case 'uint8':
            return Uint8Array.from(nums);
        case 'bool':
            return Uint8Array.from(values, (v) => (v ? 1 : 0));
        default:
            return values;
    }
}
function outputData(t) {
    const data = t.data;
    if (t.type === 'bool')
        return Array.from(data, (v) => v !== 0);
    if (t.type === 'int64' || t.type === 'uint64')
        return Array.from(data, Number);
    return Array.from(data);
}
/**
 * One version of one model held in memory: its onnxruntime session, its signature, and how many
 * requests are running on it, so a hot swap releases the session only after they finish.
 */
class LoadedModel {
    source;
    sha256;
    signature;
    session;
    ort;
    inflight = 0;
    retired = false;
    released = false;
    constructor(source, sha256, signature, session, ort) {
        this.source = source;
        this.sha256 = sha256;
        this.signature = signature;
        this.session = session;
        this.ort = ort;
    }
    /**
     * Reads, verifies and opens a model. `threads` is onnxruntime's intra-op pool per session:
     * 1 by default, because a server runs requests side by side and small models lose more to
     * thread hand-offs than they gain (bench/serve.bench.ts); raise it for large models.
     */
    static async load(source, opts = {}) {
        let bytes;
        try {
            bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(source.file);
        }
        catch (e) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', `cannot read model file: ${e.message}`, {
                file: source.file,
                hint: 'Check the path given to --model or the registry artifact',
            });
        }
        const sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
        if (source.sha256 && source.sha256 !== sha256)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('MODEL', `sha256 mismatch: expected ${source.sha256}, file has ${sha256}`, { file: source.file, hint: 'The artifact changed after it was registered; re-register it' });
        const ort = await (0,_onnx_runtime_js__WEBPACK_IMPORTED_MODULE_4__/* .loadOnnxRuntime */ .aD)();
        let session;
        try {
            session = await ort.InferenceSession.create(bytes, {
                intraOpNumThreads: opts.threads ?? 1,
                interOpNumThreads: 1,
            });
        }
        catch (e) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('MODEL', `onnxruntime cannot load the model: ${e.message}`, {
                file: source.file,
            });
        }
        const signature = {
            inputs: toMetadata(session.inputMetadata, source.file),
            outputs: toMetadata(session.outputMetadata, source.file),
        };
        return new LoadedModel(source, sha256, signature, session, ort);
    }
    get version() {
        return this.source.version;
    }
    get busy() {
        return this.inflight;
    }
    /** Runs a validated request. Callers hold the model with `acquire`/`release` around it. */
    async infer(request) {
        const feeds = {};
        for (const input of request.inputs) {
            const type = TENSOR_TYPE[input.datatype];
            if (!type)
                throw new _core_serve_protocol_js__WEBPACK_IMPORTED_MODULE_3__/* .ProtocolError */ .bd(400, `input "${input.name}": datatype ${input.datatype} is not supported by this server`);
            feeds[input.name] = new this.ort.Tensor(type, tensorData(type, input.values), input.shape);
        }
        const results = await this.session.run(feeds, request.outputs);
        return request.outputs.map((name) => {
            const t = results[name];
            return {
                name,
                datatype: (0,_core_serve_protocol_js__WEBPACK_IMPORTED_MODULE_3__/* .datatypeOfOnnxType */ .tF)(t.type),
                shape: [...t.dims],
                data: outputData(t),
            };
        });
    }
    acquire() {
        this.inflight++;
    }
    release() {
        this.inflight--;
        if (this.retired && this.inflight === 0)
            void this.dispose();
    }
    /** Marks the model swapped out: its session is released once no request runs on it. */
    retire() {
        this.retired = true;
        if (this.inflight === 0)
            void this.dispose();
    }
    async dispose() {
        if (this.released)
            return;
        this.released = true;
        await this.session.release();
    }
}


/***/ })

};
