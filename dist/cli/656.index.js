export const id = 656;
export const ids = [656];
export const modules = {

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordSmokeSamples: () => (/* binding */ recordSmokeSamples)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _serve_loaded_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(570);
/* harmony import */ var _core_serve_protocol_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5507);



/**
 * Records smoke samples (core/deploy/smoke-samples.ts format) by running the model in-process on
 * the given requests: what evaluation calls with a few rows of its dataset.
 */
async function recordSmokeSamples(modelFile, requests, outFile) {
    const model = await _serve_loaded_model_js__WEBPACK_IMPORTED_MODULE_1__/* .LoadedModel */ .D.load({ name: 'smoke', version: 'record', file: modelFile });
    try {
        const lines = [];
        for (const inputs of requests) {
            const decoded = (0,_core_serve_protocol_js__WEBPACK_IMPORTED_MODULE_2__/* .validateAgainstSignature */ .QN)({ inputs }, model.signature);
            const outputs = await model.infer(decoded);
            lines.push(JSON.stringify({
                inputs,
                outputs: Object.fromEntries(outputs.map((o) => [o.name, o.data])),
            }));
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(outFile, lines.join('\n') + '\n');
        return lines.length;
    }
    finally {
        await model.dispose();
    }
}


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
