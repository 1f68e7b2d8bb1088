export const id = 418;
export const ids = [418,243];
export const modules = {

/***/ 9805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  trainCommand: () => (/* binding */ trainCommand)
});

// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/data/fingerprint.ts
var fingerprint = __webpack_require__(760);
// EXTERNAL MODULE: ./src/onnx/signature.ts
var signature = __webpack_require__(9237);
;// CONCATENATED MODULE: ./src/core/train/linalg.ts
/** Dense symmetric positive-definite solves for the built-in trainers (small p: features + 1). */
/** Solves A x = b for symmetric positive-definite A (p × p, row-major) by Cholesky; null if not SPD. */
function choleskySolve(a, b, p) {
    const l = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
        for (let j = 0; j <= i; j++) {
            let s = a[i * p + j];
            for (let k = 0; k < j; k++)
                s -= l[i * p + k] * l[j * p + k];
            if (i === j) {
                if (!(s > 0))
                    return null;
                l[i * p + i] = Math.sqrt(s);
            }
            else
                l[i * p + j] = s / l[j * p + j];
        }
    }
    const y = new Float64Array(p);
    for (let i = 0; i < p; i++) {
        let s = b[i];
        for (let k = 0; k < i; k++)
            s -= l[i * p + k] * y[k];
        y[i] = s / l[i * p + i];
    }
    const x = new Float64Array(p);
    for (let i = p - 1; i >= 0; i--) {
        let s = y[i];
        for (let k = i + 1; k < p; k++)
            s -= l[k * p + i] * x[k];
        x[i] = s / l[i * p + i];
    }
    return x;
}
/** Solves with a growing diagonal jitter when A is only semi-definite (collinear features). */
function robustSolve(a, b, p) {
    let trace = 0;
    for (let i = 0; i < p; i++)
        trace += a[i * p + i];
    let jitter = 0;
    for (let attempt = 0; attempt < 12; attempt++) {
        const m = jitter === 0 ? a : a.slice();
        if (jitter)
            for (let i = 0; i < p; i++)
                m[i * p + i] += jitter;
        const x = choleskySolve(m, b, p);
        if (x)
            return x;
        jitter = jitter === 0 ? Math.max(1e-12, (1e-12 * trace) / p) : jitter * 10;
    }
    throw new Error('linear system is singular');
}

;// CONCATENATED MODULE: ./src/core/train/standardize.ts
/** x is n × d row-major. */
function fitScaling(x, n, d) {
    const mean = new Float64Array(d);
    const m2 = new Float64Array(d);
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) {
            // Welford: stable for large offsets (e.g. an `area` column around 1000).
            const v = x[i * d + j];
            const delta = v - mean[j];
            mean[j] += delta / (i + 1);
            m2[j] += delta * (v - mean[j]);
        }
    }
    const scale = new Float64Array(d);
    for (let j = 0; j < d; j++) {
        const s = Math.sqrt(m2[j] / n);
        scale[j] = s > 1e-12 * Math.max(1, Math.abs(mean[j])) ? s : 1;
    }
    return { mean, scale };
}
function applyScaling(x, n, d, s) {
    const z = new Float64Array(n * d);
    for (let i = 0; i < n; i++)
        for (let j = 0; j < d; j++)
            z[i * d + j] = (x[i * d + j] - s.mean[j]) / s.scale[j];
    return z;
}

;// CONCATENATED MODULE: ./src/core/train/linear.ts


function fitLinear(x, y, n, d, alpha = 0) {
    const { mean, scale } = fitScaling(x, n, d);
    let yMean = 0;
    for (let i = 0; i < n; i++)
        yMean += (y[i] - yMean) / (i + 1);
    // Z = (X - mean) / scale; solve (ZᵀZ + alpha·S⁻²) v = Zᵀ(y - ȳ), w = v / scale.
    const a = new Float64Array(d * d);
    const b = new Float64Array(d);
    const zi = new Float64Array(d);
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++)
            zi[j] = (x[i * d + j] - mean[j]) / scale[j];
        const r = y[i] - yMean;
        for (let j = 0; j < d; j++) {
            b[j] += zi[j] * r;
            for (let l = j; l < d; l++)
                a[j * d + l] += zi[j] * zi[l];
        }
    }
    for (let j = 0; j < d; j++) {
        a[j * d + j] += alpha / scale[j] ** 2;
        for (let l = 0; l < j; l++)
            a[j * d + l] = a[l * d + j];
    }
    const v = robustSolve(a, b, d);
    const coef = Array.from(v, (vj, j) => vj / scale[j]);
    let intercept = yMean;
    for (let j = 0; j < d; j++)
        intercept -= coef[j] * mean[j];
    return { coef, intercept };
}

;// CONCATENATED MODULE: ./src/core/train/logistic.ts


/** x: n × d row-major; y: class index 0..k-1 per row; k ≥ 2. */
function fitLogistic(x, y, n, d, k, opts = {}) {
    const C = opts.C ?? 1;
    const maxIter = opts.maxIter ?? 100;
    const tol = opts.tol ?? 1e-9;
    const scaling = fitScaling(x, n, d);
    const z = applyScaling(x, n, d, scaling);
    const K = k === 2 ? 1 : k;
    const q = d + 1;
    const P = K * q;
    let theta = new Float64Array(P);
    const scores = new Float64Array(K);
    const prob = new Float64Array(K);
    // Probabilities of the K modelled outputs for row i; returns the row's log-loss.
    const rowLoss = (t, i) => {
        const row = i * d;
        for (let a = 0; a < K; a++) {
            let s = t[a * q + d];
            for (let j = 0; j < d; j++)
                s += t[a * q + j] * z[row + j];
            scores[a] = s;
        }
        if (K === 1) {
            const s = scores[0];
            prob[0] = 1 / (1 + Math.exp(-s));
            const softplus = s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
            return softplus - (y[i] === 1 ? s : 0);
        }
        let max = -Infinity;
        for (let a = 0; a < K; a++)
            max = Math.max(max, scores[a]);
        let sum = 0;
        for (let a = 0; a < K; a++)
            sum += prob[a] = Math.exp(scores[a] - max);
        for (let a = 0; a < K; a++)
            prob[a] /= sum;
        return max + Math.log(sum) - scores[y[i]];
    };
    const objective = (t) => {
        let f = 0;
        for (let a = 0; a < K; a++)
            for (let j = 0; j < d; j++)
                f += 0.5 * t[a * q + j] ** 2;
        let loss = 0;
        for (let i = 0; i < n; i++)
            loss += rowLoss(t, i);
        return f + C * loss;
    };
    let f = objective(theta);
    let iterations = 0;
    let converged = false;
    const grad = new Float64Array(P);
    const hess = new Float64Array(P * P);
    const xt = new Float64Array(q);
    xt[d] = 1;
    for (; iterations < maxIter; iterations++) {
        grad.fill(0);
        hess.fill(0);
        for (let i = 0; i < n; i++) {
            rowLoss(theta, i);
            for (let j = 0; j < d; j++)
                xt[j] = z[i * d + j];
            for (let a = 0; a < K; a++) {
                const r = C * (prob[a] - (K === 1 ? (y[i] === 1 ? 1 : 0) : y[i] === a ? 1 : 0));
                for (let j = 0; j < q; j++)
                    grad[a * q + j] += r * xt[j];
                for (let b = a; b < K; b++) {
                    const w = C * (K === 1 ? prob[0] * (1 - prob[0]) : prob[a] * ((a === b ? 1 : 0) - prob[b]));
                    if (w === 0)
                        continue;
                    // Upper triangle of the (a, b) block, mirrored after the pass.
                    for (let j = 0; j < q; j++) {
                        const wj = w * xt[j];
                        const base = (a * q + j) * P + b * q;
                        for (let l = a === b ? j : 0; l < q; l++)
                            hess[base + l] += wj * xt[l];
                    }
                }
            }
        }
        for (let a = 0; a < K; a++)
            for (let j = 0; j < d; j++) {
                grad[a * q + j] += theta[a * q + j];
                hess[(a * q + j) * P + a * q + j] += 1;
            }
        for (let r = 0; r < P; r++)
            for (let c = 0; c < r; c++)
                hess[r * P + c] = hess[c * P + r];
        let gmax = 0;
        for (let r = 0; r < P; r++)
            gmax = Math.max(gmax, Math.abs(grad[r]));
        if (gmax <= tol) {
            converged = true;
            break;
        }
        const step = robustSolve(hess, grad, P);
        let slope = 0;
        for (let r = 0; r < P; r++)
            slope -= grad[r] * step[r];
        let t = 1;
        let next = theta;
        let fNext = f;
        for (let ls = 0; ls < 50; ls++) {
            next = theta.map((v, r) => v - t * step[r]);
            fNext = objective(next);
            if (fNext <= f + 1e-4 * t * slope)
                break;
            t /= 2;
        }
        if (!(fNext < f) && Math.abs(slope) < 1e-14 * Math.max(1, Math.abs(f))) {
            converged = true;
            break;
        }
        theta = next;
        f = fNext;
    }
    if (K > 1) {
        // Softmax is unchanged by a shared shift of the intercepts; centre them as scikit-learn does.
        let mean = 0;
        for (let a = 0; a < K; a++)
            mean += theta[a * q + d] / K;
        for (let a = 0; a < K; a++)
            theta[a * q + d] -= mean;
    }
    const coef = [];
    const intercept = [];
    for (let a = 0; a < K; a++) {
        const row = [];
        let b = theta[a * q + d];
        for (let j = 0; j < d; j++) {
            const w = theta[a * q + j] / scaling.scale[j];
            row.push(w);
            b -= w * scaling.mean[j];
        }
        coef.push(row);
        intercept.push(b);
    }
    return { coef, intercept, iterations, converged, objective: f };
}
/** Class probabilities (n × k, row-major) of a raw-feature fit, in float64. */
function predictLogistic(fit, x, n, d) {
    const K = fit.coef.length;
    const k = K === 1 ? 2 : K;
    const out = new Float64Array(n * k);
    const s = new Float64Array(K);
    for (let i = 0; i < n; i++) {
        for (let a = 0; a < K; a++) {
            let v = fit.intercept[a];
            for (let j = 0; j < d; j++)
                v += fit.coef[a][j] * x[i * d + j];
            s[a] = v;
        }
        if (K === 1) {
            const p = 1 / (1 + Math.exp(-s[0]));
            out[i * 2] = 1 - p;
            out[i * 2 + 1] = p;
        }
        else {
            let max = -Infinity;
            for (let a = 0; a < K; a++)
                max = Math.max(max, s[a]);
            let sum = 0;
            for (let a = 0; a < K; a++)
                sum += out[i * k + a] = Math.exp(s[a] - max);
            for (let a = 0; a < K; a++)
                out[i * k + a] /= sum;
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/data/csv.ts + 2 modules
var csv = __webpack_require__(8797);
// EXTERNAL MODULE: ./src/onnx/proto.ts
var proto = __webpack_require__(261);
;// CONCATENATED MODULE: ./src/onnx/build.ts


const utf8 = new TextEncoder();
/** Typed attribute values: JS numbers cannot say whether they are ints or floats. */
const attr = {
    int: (i) => ({ type: proto/* AttributeType */.jQ.INT, i }),
    float: (f) => ({ type: proto/* AttributeType */.jQ.FLOAT, f }),
    string: (s) => ({ type: proto/* AttributeType */.jQ.STRING, s: utf8.encode(s) }),
    ints: (ints) => ({ type: proto/* AttributeType */.jQ.INTS, ints }),
    floats: (floats) => ({ type: proto/* AttributeType */.jQ.FLOATS, floats }),
    strings: (strings) => ({
        type: proto/* AttributeType */.jQ.STRINGS,
        strings: strings.map((s) => utf8.encode(s)),
    }),
    tensor: (t) => ({ type: proto/* AttributeType */.jQ.TENSOR, t: tensorProto(t) }),
};
const ELEMENT_NUMBERS = Object.fromEntries(Object.entries(proto/* ELEMENT_TYPES */.bV).map(([k, v]) => [v, Number(k)]));
function elemNumber(type) {
    const n = ELEMENT_NUMBERS[type];
    if (n === undefined || n === 0)
        throw new errors/* ModelciError */.wN('MODEL', `unknown ONNX element type "${type}"`);
    return n;
}
function typeProto(spec) {
    const zipmap = /^sequence<map<(int64|string),float>>$/.exec(spec.type);
    if (zipmap)
        return {
            sequenceType: {
                elemType: {
                    mapType: {
                        keyType: elemNumber(zipmap[1]),
                        valueType: { tensorType: { elemType: proto/* DataType */.pe.FLOAT } },
                    },
                },
            },
        };
    return {
        tensorType: {
            elemType: elemNumber(spec.type),
            shape: {
                dim: (spec.shape ?? []).map((d) => typeof d === 'number' ? { dimValue: d } : d === null ? {} : { dimParam: d }),
            },
        },
    };
}
function valueInfo(spec) {
    return { name: spec.name, type: typeProto(spec) };
}
function tensorProto(t) {
    const out = { name: t.name, dims: t.dims, dataType: elemNumber(t.type) };
    const values = t.values;
    switch (t.type) {
        case 'float':
            out.rawData = new Uint8Array(Float32Array.from(values).buffer);
            break;
        case 'double':
            out.rawData = new Uint8Array(Float64Array.from(values).buffer);
            break;
        case 'int64':
            out.int64Data = Array.from(values);
            break;
        case 'int32':
        case 'bool':
            out.int32Data = Array.from(values);
            break;
        case 'string':
            out.stringData = values.map((s) => utf8.encode(s));
            break;
    }
    return out;
}
function nodeProto(n, i) {
    return {
        input: n.inputs,
        output: n.outputs,
        name: n.name ?? `${n.op}${i}`,
        opType: n.op,
        domain: n.domain ?? '',
        attribute: Object.entries(n.attrs ?? {}).map(([name, a]) => ({ ...a, name })),
    };
}
/** Serialises a graph to ONNX bytes (a `ModelProto`). */
function buildOnnxModel(graph, opts = {}) {
    const opsets = opts.opsets ?? { '': 17, 'ai.onnx.ml': 3 };
    const model = {
        irVersion: opts.irVersion ?? 8,
        producerName: opts.producer?.name ?? 'modelci',
        producerVersion: opts.producer?.version ?? '0.1.0',
        docString: opts.docString ?? '',
        opsetImport: Object.entries(opsets).map(([domain, version]) => ({ domain, version })),
        metadataProps: Object.entries(opts.metadata ?? {}).map(([key, value]) => ({ key, value })),
        graph: {
            name: graph.name ?? 'modelci',
            node: graph.nodes.map(nodeProto),
            initializer: (graph.initializers ?? []).map(tensorProto),
            input: graph.inputs.map(valueInfo),
            output: graph.outputs.map(valueInfo),
        },
    };
    return proto/* ModelProtoType */.AT.encode(proto/* ModelProtoType */.AT.fromObject(model)).finish();
}
/**
 * A logistic regression as skl2onnx converts `LogisticRegression` (float input): an `ai.onnx.ml`
 * LinearClassifier with outputs `label` and `probabilities` (binary: coefficients [-w, w] and
 * LOGISTIC; multinomial: SOFTMAX then an L1 Normalizer), optionally followed by ZipMap.
 */
function linearClassifierModel(spec) {
    const k = spec.classes.length;
    const width = spec.coef[0]?.length ?? 0;
    const input = spec.inputName ?? 'float_input';
    const binary = k === 2;
    if (binary ? spec.coef.length !== 1 : spec.coef.length !== k)
        throw new errors/* ModelciError */.wN('MODEL', `coef must have ${binary ? 1 : k} rows for ${k} classes`);
    let coefficients = spec.coef.flat();
    let intercepts = spec.intercept;
    if (binary) {
        coefficients = [...coefficients.map((c) => -c), ...coefficients];
        intercepts = [-spec.intercept[0], spec.intercept[0]];
    }
    const strings = typeof spec.classes[0] === 'string';
    const classAttr = strings
        ? { classlabels_strings: attr.strings(spec.classes) }
        : { classlabels_ints: attr.ints(spec.classes) };
    const labelType = strings ? 'string' : 'int64';
    const probName = binary ? 'probabilities' : 'probability_tensor';
    const nodes = [
        {
            op: 'LinearClassifier',
            domain: 'ai.onnx.ml',
            name: 'LinearClassifier',
            inputs: [input],
            outputs: ['label', probName],
            attrs: {
                coefficients: attr.floats(coefficients),
                intercepts: attr.floats(intercepts),
                multi_class: attr.int(binary ? 0 : 1),
                post_transform: attr.string(binary ? 'LOGISTIC' : 'SOFTMAX'),
                ...classAttr,
            },
        },
    ];
    if (!binary)
        nodes.push({
            op: 'Normalizer',
            domain: 'ai.onnx.ml',
            name: 'Normalizer',
            inputs: [probName],
            outputs: ['probabilities'],
            attrs: { norm: attr.string('L1') },
        });
    let outputs = [
        { name: 'label', type: labelType, shape: [null] },
        { name: 'probabilities', type: 'float', shape: [null, k] },
    ];
    if (spec.zipmap) {
        nodes.push({
            op: 'Cast',
            name: 'Cast',
            inputs: ['label'],
            outputs: ['output_label'],
            attrs: { to: attr.int(strings ? proto/* DataType */.pe.STRING : proto/* DataType */.pe.INT64) },
        }, {
            op: 'ZipMap',
            domain: 'ai.onnx.ml',
            name: 'ZipMap',
            inputs: ['probabilities'],
            outputs: ['output_probability'],
            attrs: strings
                ? { classlabels_strings: attr.strings(spec.classes) }
                : { classlabels_int64s: attr.ints(spec.classes) },
        });
        outputs = [
            { name: 'output_label', type: labelType, shape: [null] },
            { name: 'output_probability', type: `sequence<map<${labelType},float>>` },
        ];
    }
    return buildOnnxModel({
        name: 'LogisticRegression',
        inputs: [{ name: input, type: 'float', shape: [null, width] }],
        outputs,
        nodes,
    }, {
        opsets: { '': 17, 'ai.onnx.ml': 1 },
        producer: { name: 'modelci', version: '0.1.0' },
        metadata: spec.metadata,
    });
}
/** A linear model as skl2onnx converts `LinearRegression`/`Ridge`: LinearRegressor -> `variable`. */
function linearRegressorModel(spec) {
    const input = spec.inputName ?? 'float_input';
    return buildOnnxModel({
        name: 'LinearRegression',
        inputs: [{ name: input, type: 'float', shape: [null, spec.coef.length] }],
        outputs: [{ name: 'variable', type: 'float', shape: [null, 1] }],
        nodes: [
            {
                op: 'LinearRegressor',
                domain: 'ai.onnx.ml',
                name: 'LinearRegressor',
                inputs: [input],
                outputs: ['variable'],
                attrs: {
                    coefficients: attr.floats(spec.coef),
                    intercepts: attr.floats([spec.intercept]),
                },
            },
        ],
    }, { opsets: { '': 17, 'ai.onnx.ml': 1 }, metadata: spec.metadata });
}
/** A single-tensor model: scores or probabilities from Gemm/MatMul+Add and an activation. */
function denseModel(spec) {
    const f = spec.weights.length;
    const o = spec.bias.length;
    const input = spec.inputName ?? 'input';
    const output = spec.outputName ?? 'output';
    const linear = spec.activation === 'none' ? output : 'logits';
    const nodes = spec.op === 'matmul'
        ? [
            { op: 'MatMul', inputs: [input, 'W'], outputs: ['xw'] },
            { op: 'Add', inputs: ['xw', 'B'], outputs: [linear] },
        ]
        : [{ op: 'Gemm', inputs: [input, 'W', 'B'], outputs: [linear] }];
    if (spec.activation === 'sigmoid')
        nodes.push({ op: 'Sigmoid', inputs: [linear], outputs: [output] });
    if (spec.activation === 'softmax')
        nodes.push({
            op: 'Softmax',
            inputs: [linear],
            outputs: [output],
            attrs: { axis: attr.int(-1) },
        });
    return buildOnnxModel({
        name: 'dense',
        inputs: [{ name: input, type: 'float', shape: ['N', f] }],
        outputs: [{ name: output, type: 'float', shape: ['N', o] }],
        nodes,
        initializers: [
            { name: 'W', type: 'float', dims: [f, o], values: spec.weights.flat() },
            { name: 'B', type: 'float', dims: [o], values: spec.bias },
        ],
    });
}

;// CONCATENATED MODULE: ./src/train/builtin.ts







function numberParam(params, name, fallback) {
    const v = params[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new errors/* ModelciError */.wN('CONFIG', `train.params.${name} must be a non-negative number (got ${JSON.stringify(v)})`);
    return v;
}
async function trainBuiltin(opts) {
    const source = await (0,csv/* openCsv */.f)(opts.data);
    if (!source.columns.includes(opts.label))
        throw new errors/* ModelciError */.wN('DATA', `no label column "${opts.label}"`, {
            file: opts.data,
            hint: `Columns are: ${source.columns.slice(0, 20).join(', ')}`,
        });
    const features = opts.features ?? source.columns.filter((c) => c !== opts.label);
    const classify = opts.trainer === 'logistic-regression';
    const xs = [];
    const yNum = [];
    const yStr = [];
    let n = 0;
    for await (const b of source.scan({
        numeric: classify ? features : [...features, opts.label],
        strings: classify ? [opts.label] : [],
    })) {
        for (let r = 0; r < b.length; r++) {
            const bad = features.findIndex((_, j) => Number.isNaN(b.numeric[j][r]));
            const badLabel = classify
                ? b.strings[0][r].trim() === ''
                : Number.isNaN(b.numeric[features.length][r]);
            if (bad >= 0 || badLabel)
                throw new errors/* ModelciError */.wN('DATA', 'missing value in the training data', {
                    file: opts.data,
                    row: b.lines[r],
                    column: bad >= 0 ? features[bad] : opts.label,
                    hint: 'The built-in trainers need complete rows: impute or drop them first',
                });
        }
        xs.push(b.numeric.slice(0, features.length));
        if (classify)
            yStr.push(...b.strings[0]);
        else
            yNum.push(b.numeric[features.length]);
        n += b.length;
    }
    if (n === 0)
        throw new errors/* ModelciError */.wN('DATA', 'the training data has no rows', { file: opts.data });
    const d = features.length;
    const x = new Float64Array(n * d);
    let row = 0;
    for (const batch of xs) {
        const len = batch[0]?.length ?? 0;
        for (let r = 0; r < len; r++, row++)
            for (let j = 0; j < d; j++)
                x[row * d + j] = batch[j][r];
    }
    const params = { ...(opts.params ?? {}) };
    const metadata = {
        'modelci.trainer': opts.trainer,
        'modelci.features': JSON.stringify(features),
        'modelci.label': opts.label,
    };
    (0,external_node_fs_.mkdirSync)(opts.outputDir, { recursive: true });
    const modelFile = (0,external_node_path_.join)(opts.outputDir, 'model.onnx');
    let metrics;
    let classes;
    if (classify) {
        const numeric = yStr.every((v) => v.trim() !== '' && Number.isInteger(Number(v)));
        classes = numeric
            ? [...new Set(yStr.map(Number))].sort((a, b) => a - b)
            : [...new Set(yStr)].sort();
        if (classes.length < 2)
            throw new errors/* ModelciError */.wN('DATA', `the label "${opts.label}" has only one value; a classifier needs two or more`, {
                file: opts.data,
            });
        const index = new Map(classes.map((c, i) => [String(c), i]));
        const y = Int32Array.from(yStr, (v) => index.get(String(numeric ? Number(v) : v)));
        params.C = numberParam(params, 'C', 1);
        params.max_iter = numberParam(params, 'max_iter', 100);
        const fit = fitLogistic(x, y, n, d, classes.length, {
            C: params.C,
            maxIter: params.max_iter,
        });
        const k = classes.length;
        const proba = predictLogistic(fit, x, n, d);
        let correct = 0;
        let loss = 0;
        for (let i = 0; i < n; i++) {
            let best = 0;
            for (let a = 1; a < k; a++)
                if (proba[i * k + a] > proba[i * k + best])
                    best = a;
            if (best === y[i])
                correct++;
            loss -= Math.log(Math.max(proba[i * k + y[i]], 1e-15));
        }
        metrics = { train_accuracy: correct / n, train_log_loss: loss / n, iterations: fit.iterations };
        if (!fit.converged)
            metrics.converged = 0;
        (0,external_node_fs_.writeFileSync)(modelFile, linearClassifierModel({
            coef: fit.coef,
            intercept: fit.intercept,
            classes: numeric ? classes : classes,
            metadata,
        }));
    }
    else {
        const y = new Float64Array(n);
        let off = 0;
        for (const b of yNum) {
            y.set(b, off);
            off += b.length;
        }
        const alpha = opts.trainer === 'ridge' ? numberParam(params, 'alpha', 1) : 0;
        if (opts.trainer === 'ridge')
            params.alpha = alpha;
        const fit = fitLinear(x, y, n, d, alpha);
        let ss = 0;
        let tot = 0;
        let mean = 0;
        for (let i = 0; i < n; i++)
            mean += y[i] / n;
        for (let i = 0; i < n; i++) {
            let p = fit.intercept;
            for (let j = 0; j < d; j++)
                p += fit.coef[j] * x[i * d + j];
            ss += (y[i] - p) ** 2;
            tot += (y[i] - mean) ** 2;
        }
        metrics = { train_rmse: Math.sqrt(ss / n), train_r2: tot > 0 ? 1 - ss / tot : 0 };
        (0,external_node_fs_.writeFileSync)(modelFile, linearRegressorModel({ coef: fit.coef, intercept: fit.intercept, metadata }));
    }
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(opts.outputDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(opts.outputDir, 'params.json'), JSON.stringify(params, null, 2) + '\n');
    return { model: modelFile, metrics, params, rows: n, features, ...(classes ? { classes } : {}) };
}

;// CONCATENATED MODULE: ./src/commands/train.ts







/** The record of one training run (`run.json` next to the model): what went in, what came out. */
const TRAIN_RUN_SCHEMA = 'modelci/train-run@1';
/**
 * Runs the model's training: its command (any language) with the MODELCI_* environment, or a
 * built-in trainer; then fingerprints data and model and writes the run record.
 */
async function runTrain(opts) {
    const now = opts.now ?? (() => new Date());
    const started = now();
    const out = (0,external_node_path_.resolve)(opts.outputDir);
    (0,external_node_fs_.mkdirSync)(out, { recursive: true });
    const seed = opts.train.seed ?? 42;
    const params = { ...(opts.train.params ?? {}) };
    const paramsFile = (0,external_node_path_.join)(out, 'params.json');
    (0,external_node_fs_.writeFileSync)(paramsFile, JSON.stringify(params, null, 2) + '\n');
    const log = opts.log ?? (() => undefined);
    let modelFile;
    let metricsFile;
    let trainer;
    let finalParams = params;
    if (opts.train.command) {
        trainer = 'command';
        modelFile = (0,external_node_path_.join)(out, opts.train.outputs?.model ?? 'model.onnx');
        metricsFile = (0,external_node_path_.join)(out, opts.train.outputs?.metrics ?? 'metrics.json');
        const env = {
            ...(opts.env ?? process.env),
            ...(opts.train.env ?? {}),
            MODELCI_OUTPUT_DIR: out,
            MODELCI_PARAMS_FILE: paramsFile,
            MODELCI_SEED: String(seed),
            MODELCI_MODEL_NAME: opts.modelName,
            MODELCI_MODEL_FILE: modelFile,
            MODELCI_METRICS_FILE: metricsFile,
            ...(opts.data.train ? { MODELCI_TRAIN_DATA: (0,external_node_path_.resolve)(opts.data.train) } : {}),
            ...(opts.data.holdout ? { MODELCI_HOLDOUT_DATA: (0,external_node_path_.resolve)(opts.data.holdout) } : {}),
            ...(opts.data.label ? { MODELCI_LABEL: opts.data.label } : {}),
            ...(opts.data.features ? { MODELCI_FEATURES: opts.data.features.join(',') } : {}),
        };
        const timeoutMs = opts.timeoutMs ?? (opts.train.timeout_minutes ?? 60) * 60_000;
        await runCommand(opts.train.command, opts.train.working_directory ?? '.', env, timeoutMs, log);
        if (!(0,external_node_fs_.existsSync)(modelFile))
            throw new errors/* ModelciError */.wN('MODEL', `the training command finished but wrote no model at ${modelFile}`, {
                hint: 'Write the ONNX model to $MODELCI_MODEL_FILE (or train.outputs.model inside $MODELCI_OUTPUT_DIR)',
            });
        if (!(0,external_node_fs_.existsSync)(metricsFile))
            metricsFile = undefined;
    }
    else if (opts.train.trainer) {
        trainer = opts.train.trainer;
        if (!opts.data.train || !opts.data.label)
            throw new errors/* ModelciError */.wN('CONFIG', `the built-in trainer needs data.train and data.label`, {
                path: `models.${opts.modelName}.data`,
            });
        const res = await trainBuiltin({
            trainer: opts.train.trainer,
            data: opts.data.train,
            label: opts.data.label,
            ...(opts.data.features ? { features: opts.data.features } : {}),
            params,
            seed,
            outputDir: out,
        });
        modelFile = res.model;
        metricsFile = (0,external_node_path_.join)(out, 'metrics.json');
        finalParams = res.params;
    }
    else {
        throw new errors/* ModelciError */.wN('CONFIG', 'no training command or trainer', {
            path: `models.${opts.modelName}.train`,
            hint: 'Set train.command (e.g. `python train.py`) or train.trainer (logistic-regression, linear-regression, ridge)',
        });
    }
    const info = (0,signature/* readOnnxModelInfo */.fO)(modelFile);
    let metrics;
    if (metricsFile) {
        try {
            metrics = JSON.parse((0,external_node_fs_.readFileSync)(metricsFile, 'utf8'));
        }
        catch (e) {
            throw new errors/* ModelciError */.wN('PARSE', `the metrics file is not JSON: ${e.message}`, {
                file: metricsFile,
            });
        }
    }
    const data = {};
    if (opts.data.train)
        data.train = await fingerprintData(opts.data.train);
    if (opts.data.holdout)
        data.holdout = await fingerprintData(opts.data.holdout);
    const finished = now();
    const record = {
        schema: TRAIN_RUN_SCHEMA,
        model_name: opts.modelName,
        trainer,
        ...(opts.train.command ? { command: opts.train.command } : {}),
        seed,
        params: finalParams,
        started_at: started.toISOString(),
        finished_at: finished.toISOString(),
        duration_ms: finished.getTime() - started.getTime(),
        data,
        model: {
            ...(await (0,fingerprint/* fingerprintFile */.R)(modelFile)),
            signature: info.signature,
            opsets: info.opsets,
        },
        ...(metrics ? { metrics } : {}),
        files: {
            model: modelFile,
            params: paramsFile,
            ...(metricsFile ? { metrics: metricsFile } : {}),
            record: (0,external_node_path_.join)(out, 'run.json'),
        },
    };
    (0,external_node_fs_.writeFileSync)(record.files.record, JSON.stringify(record, null, 2) + '\n');
    return record;
}
async function fingerprintData(file) {
    const fp = await (0,fingerprint/* fingerprintFile */.R)(file);
    return (0,external_node_path_.extname)(file).toLowerCase() === '.csv' ? { ...fp, rows: await (0,fingerprint/* countCsvRows */.H)(file) } : fp;
}
/** Runs `sh -c command` in its own process group, streaming lines; kills the group on timeout. */
function runCommand(command, cwd, env, timeoutMs, log) {
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_.spawn)('sh', ['-c', command], {
            cwd,
            env,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const lines = (stream) => {
            let rest = '';
            stream.setEncoding('utf8');
            stream.on('data', (chunk) => {
                const parts = (rest + chunk).split('\n');
                rest = parts.pop();
                for (const p of parts)
                    log(p);
            });
            stream.on('end', () => rest && log(rest));
        };
        lines(child.stdout);
        lines(child.stderr);
        let timedOut = false;
        const killGroup = (signal) => {
            try {
                process.kill(-child.pid, signal);
            }
            catch {
                // Already gone.
            }
        };
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup('SIGTERM');
            setTimeout(() => killGroup('SIGKILL'), 5000).unref();
        }, timeoutMs);
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(new errors/* ModelciError */.wN('MODEL', `cannot start the training command: ${e.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut)
                reject(new errors/* ModelciError */.wN('MODEL', `the training command ran over its ${formatMs(timeoutMs)} timeout and was killed`, {
                    hint: 'Raise train.timeout_minutes in modelci.yaml, or make training faster',
                }));
            else if (code !== 0)
                reject(new errors/* ModelciError */.wN('MODEL', `the training command failed (${signal ? `signal ${signal}` : `exit code ${code}`})`, {
                    hint: 'Its output is in the log above',
                }));
            else
                resolvePromise();
        });
    });
}
function formatMs(ms) {
    return ms >= 60_000 ? `${+(ms / 60_000).toFixed(2)} min` : `${+(ms / 1000).toFixed(2)} s`;
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/train.ts




const trainCommand = {
    name: 'train',
    summary: 'Train a model: its training command from modelci.yaml, or a built-in trainer',
    usage: [
        'Usage: modelci train [--name <model>] [--config modelci.yaml] [--output-dir <dir>] [--json]',
        '',
        'Runs models.<name>.train.command with MODELCI_OUTPUT_DIR, MODELCI_MODEL_FILE, MODELCI_PARAMS_FILE,',
        'MODELCI_METRICS_FILE, MODELCI_SEED, MODELCI_TRAIN_DATA, MODELCI_HOLDOUT_DATA, MODELCI_LABEL,',
        'MODELCI_FEATURES and MODELCI_MODEL_NAME set, or the built-in train.trainer; writes the model,',
        'params.json, metrics.json and run.json (fingerprints of data and model) into the output dir.',
        '',
        'Options:',
        '  --output-dir <dir>       default: modelci-train/<model>',
        '  --timeout-minutes <n>    overrides train.timeout_minutes (default 60)',
        '  --json                   print the run record as JSON',
    ].join('\n'),
    options: {
        name: { type: 'string' },
        config: { type: 'string' },
        'output-dir': { type: 'string' },
        'timeout-minutes': { type: 'string' },
        json: { type: 'boolean' },
    },
    async run(args, io) {
        const configFile = (0,command/* stringOpt */.rJ)(args, 'config');
        const loaded = (0,load/* loadConfig */.Z9)(configFile, { explicit: configFile !== undefined });
        const { name, model } = (0,load/* resolveModel */.AX)(loaded, (0,command/* stringOpt */.rJ)(args, 'name'));
        const t = (0,command/* stringOpt */.rJ)(args, 'timeout-minutes');
        if (t !== undefined && !(Number(t) > 0))
            throw new errors/* ModelciError */.wN('USAGE', `--timeout-minutes must be a positive number (got "${t}")`);
        const record = await runTrain({
            modelName: name,
            train: model.train ?? {},
            data: model.data ?? {},
            outputDir: (0,command/* stringOpt */.rJ)(args, 'output-dir') ?? `modelci-train/${name}`,
            ...(t !== undefined ? { timeoutMs: Number(t) * 60_000 } : {}),
            log: (line) => io.stderr(`${line}\n`),
        });
        io.stdout((0,command/* flagOpt */.ac)(args, 'json')
            ? JSON.stringify(record) + '\n'
            : `trained ${name} (${record.trainer}) in ${(record.duration_ms / 1000).toFixed(1)} s: ${record.files.model} (${record.model.bytes} bytes, sha256 ${record.model.sha256.slice(0, 12)})\n`);
        return 0;
    },
};


/***/ }),

/***/ 760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ countCsvRows),
/* harmony export */   R: () => (/* binding */ fingerprintFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8797);




/** sha256 and size of a file, streamed (data sets can be larger than memory). */
async function fingerprintFile(file) {
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file).size;
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', `cannot read file (${e.code})`, {
            file,
            hint: 'Check the path',
        });
    }
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 }))
        hash.update(chunk);
    return { path: file, sha256: hash.digest('hex'), bytes };
}
/** Number of data rows of a CSV file, by the real parser (quoted newlines are not row breaks). */
async function countCsvRows(file) {
    const source = await (0,_csv_js__WEBPACK_IMPORTED_MODULE_3__/* .openCsv */ .f)(file);
    let rows = 0;
    for await (const b of source.scan({ batchSize: 65536 }))
        rows += b.length;
    return rows;
}


/***/ }),

/***/ 261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ ModelProtoType),
/* harmony export */   bV: () => (/* binding */ ELEMENT_TYPES),
/* harmony export */   ej: () => (/* binding */ TO_OBJECT),
/* harmony export */   es: () => (/* binding */ SignatureModelProtoType),
/* harmony export */   jQ: () => (/* binding */ AttributeType),
/* harmony export */   pe: () => (/* binding */ DataType)
/* harmony export */ });
/* harmony import */ var protobufjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1853);
/* harmony import */ var protobufjs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(protobufjs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The subset of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto) that modelci
 * reads and writes, as a protobufjs JSON descriptor: field numbers and types exactly as upstream.
 * Fields left out (training_info, sparse_initializer details, ...) are skipped by the decoder.
 */
const packed = { options: { packed: true } };
const onnxDescriptor = {
    nested: {
        onnx: {
            nested: {
                AttributeProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        refAttrName: { type: 'string', id: 21 },
                        docString: { type: 'string', id: 13 },
                        type: { type: 'int32', id: 20 },
                        f: { type: 'float', id: 2 },
                        i: { type: 'int64', id: 3 },
                        s: { type: 'bytes', id: 4 },
                        t: { type: 'TensorProto', id: 5 },
                        g: { type: 'GraphProto', id: 6 },
                        sparseTensor: { type: 'SparseTensorProto', id: 22 },
                        tp: { type: 'TypeProto', id: 14 },
                        floats: { rule: 'repeated', type: 'float', id: 7 },
                        ints: { rule: 'repeated', type: 'int64', id: 8 },
                        strings: { rule: 'repeated', type: 'bytes', id: 9 },
                        tensors: { rule: 'repeated', type: 'TensorProto', id: 10 },
                        graphs: { rule: 'repeated', type: 'GraphProto', id: 11 },
                        sparseTensors: { rule: 'repeated', type: 'SparseTensorProto', id: 23 },
                        typeProtos: { rule: 'repeated', type: 'TypeProto', id: 15 },
                    },
                },
                ValueInfoProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        type: { type: 'TypeProto', id: 2 },
                        docString: { type: 'string', id: 3 },
                    },
                },
                NodeProto: {
                    fields: {
                        input: { rule: 'repeated', type: 'string', id: 1 },
                        output: { rule: 'repeated', type: 'string', id: 2 },
                        name: { type: 'string', id: 3 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                        overload: { type: 'string', id: 8 },
                        attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
                        docString: { type: 'string', id: 6 },
                    },
                },
                ModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        docString: { type: 'string', id: 6 },
                        graph: { type: 'GraphProto', id: 7 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                        functions: { rule: 'repeated', type: 'FunctionProto', id: 25 },
                    },
                },
                StringStringEntryProto: {
                    fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } },
                },
                TensorAnnotation: {
                    fields: {
                        tensorName: { type: 'string', id: 1 },
                        quantParameterTensorNames: { rule: 'repeated', type: 'StringStringEntryProto', id: 2 },
                    },
                },
                GraphProto: {
                    fields: {
                        node: { rule: 'repeated', type: 'NodeProto', id: 1 },
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
                        sparseInitializer: { rule: 'repeated', type: 'SparseTensorProto', id: 15 },
                        docString: { type: 'string', id: 10 },
                        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
                        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
                        valueInfo: { rule: 'repeated', type: 'ValueInfoProto', id: 13 },
                        quantizationAnnotation: { rule: 'repeated', type: 'TensorAnnotation', id: 14 },
                    },
                },
                TensorProto: {
                    fields: {
                        dims: { rule: 'repeated', type: 'int64', id: 1, ...packed },
                        dataType: { type: 'int32', id: 2 },
                        floatData: { rule: 'repeated', type: 'float', id: 4, ...packed },
                        int32Data: { rule: 'repeated', type: 'int32', id: 5, ...packed },
                        stringData: { rule: 'repeated', type: 'bytes', id: 6 },
                        int64Data: { rule: 'repeated', type: 'int64', id: 7, ...packed },
                        name: { type: 'string', id: 8 },
                        docString: { type: 'string', id: 12 },
                        rawData: { type: 'bytes', id: 9 },
                        externalData: { rule: 'repeated', type: 'StringStringEntryProto', id: 13 },
                        dataLocation: { type: 'int32', id: 14 },
                        doubleData: { rule: 'repeated', type: 'double', id: 10, ...packed },
                        uint64Data: { rule: 'repeated', type: 'uint64', id: 11, ...packed },
                    },
                },
                SparseTensorProto: {
                    fields: {
                        values: { type: 'TensorProto', id: 1 },
                        indices: { type: 'TensorProto', id: 2 },
                        dims: { rule: 'repeated', type: 'int64', id: 3, ...packed },
                    },
                },
                TensorShapeProto: {
                    fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
                    nested: {
                        Dimension: {
                            oneofs: { value: { oneof: ['dimValue', 'dimParam'] } },
                            fields: {
                                dimValue: { type: 'int64', id: 1 },
                                dimParam: { type: 'string', id: 2 },
                                denotation: { type: 'string', id: 3 },
                            },
                        },
                    },
                },
                TypeProto: {
                    oneofs: {
                        value: {
                            oneof: ['tensorType', 'sequenceType', 'mapType', 'optionalType', 'sparseTensorType'],
                        },
                    },
                    fields: {
                        tensorType: { type: 'Tensor', id: 1 },
                        sequenceType: { type: 'Sequence', id: 4 },
                        mapType: { type: 'Map', id: 5 },
                        optionalType: { type: 'Optional', id: 9 },
                        sparseTensorType: { type: 'SparseTensor', id: 8 },
                        denotation: { type: 'string', id: 6 },
                    },
                    nested: {
                        Tensor: {
                            fields: {
                                elemType: { type: 'int32', id: 1 },
                                shape: { type: 'TensorShapeProto', id: 2 },
                            },
                        },
                        Sequence: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
                        Map: {
                            fields: {
                                keyType: { type: 'int32', id: 1 },
                                valueType: { type: 'TypeProto', id: 2 },
                            },
                        },
                        Optional: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
                        SparseTensor: {
                            fields: {
                                elemType: { type: 'int32', id: 1 },
                                shape: { type: 'TensorShapeProto', id: 2 },
                            },
                        },
                    },
                },
                OperatorSetIdProto: {
                    fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
                },
                FunctionProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        input: { rule: 'repeated', type: 'string', id: 4 },
                        output: { rule: 'repeated', type: 'string', id: 5 },
                        attribute: { rule: 'repeated', type: 'string', id: 6 },
                        attributeProto: { rule: 'repeated', type: 'AttributeProto', id: 11 },
                        node: { rule: 'repeated', type: 'NodeProto', id: 7 },
                        docString: { type: 'string', id: 8 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 9 },
                        domain: { type: 'string', id: 10 },
                        overload: { type: 'string', id: 13 },
                    },
                },
                // Signature-only view of a model: the graph's initializers keep only their names, so the
                // decoder skips weight payloads (a 500 MB model reads in milliseconds).
                SignatureModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        docString: { type: 'string', id: 6 },
                        graph: { type: 'SignatureGraphProto', id: 7 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                    },
                },
                SignatureGraphProto: {
                    fields: {
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'NamedTensor', id: 5 },
                        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
                        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
                        node: { rule: 'repeated', type: 'NodeHead', id: 1 },
                    },
                },
                NamedTensor: { fields: { name: { type: 'string', id: 8 } } },
                NodeHead: {
                    fields: {
                        input: { rule: 'repeated', type: 'string', id: 1 },
                        output: { rule: 'repeated', type: 'string', id: 2 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                    },
                },
            },
        },
    },
};
const root = protobufjs__WEBPACK_IMPORTED_MODULE_0___default().Root.fromJSON(onnxDescriptor);
const ModelProtoType = root.lookupType('onnx.ModelProto');
const SignatureModelProtoType = root.lookupType('onnx.SignatureModelProto');
/** TensorProto.DataType numbers -> the names onnxruntime uses for tensor types. */
const ELEMENT_TYPES = {
    0: 'undefined',
    1: 'float',
    2: 'uint8',
    3: 'int8',
    4: 'uint16',
    5: 'int16',
    6: 'int32',
    7: 'int64',
    8: 'string',
    9: 'bool',
    10: 'float16',
    11: 'double',
    12: 'uint32',
    13: 'uint64',
    14: 'complex64',
    15: 'complex128',
    16: 'bfloat16',
    17: 'float8e4m3fn',
    18: 'float8e4m3fnuz',
    19: 'float8e5m2',
    20: 'float8e5m2fnuz',
    21: 'uint4',
    22: 'int4',
    23: 'float4e2m1',
};
const DataType = {
    FLOAT: 1,
    INT32: 6,
    INT64: 7,
    STRING: 8,
    BOOL: 9,
    DOUBLE: 11,
};
const AttributeType = {
    FLOAT: 1,
    INT: 2,
    STRING: 3,
    TENSOR: 4,
    GRAPH: 5,
    FLOATS: 6,
    INTS: 7,
    STRINGS: 8,
};
const TO_OBJECT = { longs: Number, enums: Number, defaults: false, arrays: true };


/***/ }),

/***/ 9237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ parseOnnxModelInfo),
/* harmony export */   fO: () => (/* binding */ readOnnxModelInfo),
/* harmony export */   readOnnxSignature: () => (/* binding */ readOnnxSignature)
/* harmony export */ });
/* unused harmony export typeName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _proto_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(261);



/** The inputs and outputs of an ONNX model file (the registry's version record uses this). */
function readOnnxSignature(file) {
    return readOnnxModelInfo(file).signature;
}
function readOnnxModelInfo(file) {
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('FILE', `cannot read model file: ${e.message}`, {
            file,
            hint: 'Check the path',
        });
    }
    return parseOnnxModelInfo(bytes, file);
}
function parseOnnxModelInfo(bytes, file = '<model>') {
    const notOnnx = (why) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('MODEL', `not an ONNX model (${why})`, {
        file,
        hint: 'Export the model to ONNX (e.g. skl2onnx, torch.onnx.export) and pass the .onnx file',
    });
    if (bytes.length === 0)
        throw notOnnx('the file is empty');
    let model;
    try {
        model = _proto_js__WEBPACK_IMPORTED_MODULE_2__/* .SignatureModelProtoType */ .es.toObject(_proto_js__WEBPACK_IMPORTED_MODULE_2__/* .SignatureModelProtoType */ .es.decode(bytes), _proto_js__WEBPACK_IMPORTED_MODULE_2__/* .TO_OBJECT */ .ej);
    }
    catch (e) {
        throw notOnnx(`protobuf decoding failed: ${e.message}`);
    }
    const graph = model.graph;
    if (!model.irVersion || !graph)
        throw notOnnx('no ir_version or graph');
    if (!graph.output?.length)
        throw notOnnx('the graph has no outputs');
    // Before IR 4, initializers were also listed as graph inputs: they are weights, not data.
    const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
    const inputs = (graph.input ?? []).filter((v) => !initializers.has(v.name));
    const opsets = {};
    for (const o of model.opsetImport ?? [])
        opsets[o.domain ?? ''] = o.version ?? 0;
    const metadata = {};
    for (const p of model.metadataProps ?? [])
        if (p.key)
            metadata[p.key] = p.value ?? '';
    const operators = [
        ...new Set((graph.node ?? []).map((n) => n.domain ? `${n.domain}:${n.opType ?? ''}` : (n.opType ?? ''))),
    ];
    return {
        signature: {
            inputs: inputs.map((v) => tensorSpec(v, file)),
            outputs: graph.output.map((v) => tensorSpec(v, file)),
        },
        irVersion: model.irVersion,
        opsets,
        producer: { name: model.producerName ?? '', version: model.producerVersion ?? '' },
        metadata,
        operators: operators.sort(),
    };
}
function tensorSpec(v, file) {
    if (!v.name)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('MODEL', 'a graph input or output has no name', {
            file,
            hint: 'Re-export the model; ONNX requires named inputs and outputs',
        });
    const t = v.type;
    const dims = t?.tensorType?.shape?.dim ?? t?.sparseTensorType?.shape?.dim;
    const shape = dims?.map((d) => d.dimValue !== undefined ? d.dimValue : d.dimParam !== undefined ? d.dimParam : null) ?? [];
    return { name: v.name, type: typeName(t), shape };
}
/** `float`, `int64`... for tensors; `sequence<map<int64,float>>` for what ZipMap returns. */
function typeName(t) {
    if (!t)
        return 'unknown';
    if (t.tensorType)
        return _proto_js__WEBPACK_IMPORTED_MODULE_2__/* .ELEMENT_TYPES */ .bV[t.tensorType.elemType ?? 0] ?? 'unknown';
    if (t.sparseTensorType)
        return `sparse<${_proto_js__WEBPACK_IMPORTED_MODULE_2__/* .ELEMENT_TYPES */ .bV[t.sparseTensorType.elemType ?? 0] ?? 'unknown'}>`;
    if (t.sequenceType)
        return `sequence<${typeName(t.sequenceType.elemType)}>`;
    if (t.mapType)
        return `map<${_proto_js__WEBPACK_IMPORTED_MODULE_2__/* .ELEMENT_TYPES */ .bV[t.mapType.keyType ?? 0] ?? 'unknown'},${typeName(t.mapType.valueType)}>`;
    if (t.optionalType)
        return `optional<${typeName(t.optionalType.elemType)}>`;
    return 'unknown';
}


/***/ })

};
