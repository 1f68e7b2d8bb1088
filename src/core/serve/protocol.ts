/**
 * The Open Inference Protocol (KServe v2 REST) messages and their validation against a model's
 * signature. Pure: JSON in, typed flat tensors out (or a ProtocolError with the HTTP status).
 * Spec: https://github.com/kserve/open-inference-protocol (rest_predict_v2.yaml).
 */

export type Datatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

/** Input or output as the model declares it; `-1` marks a variable dimension (e.g. batch). */
export interface MetadataTensor {
  name: string;
  datatype: Datatype;
  shape: number[];
}

export interface ServingSignature {
  inputs: MetadataTensor[];
  outputs: MetadataTensor[];
}

export type Parameters = Record<string, string | number | boolean>;

/**
 * Request parameter a deploy smoke test sets: the server answers as usual but does not log the
 * prediction, so drift checks on the prediction log see production traffic only.
 */
export const SMOKE_PARAMETER = 'modelci_smoke';

/**
 * Bounds on what a client can make the server store or echo: the id goes to the prediction log
 * and back in the response, parameters may be logged; a 50,000-character id on a 1,000-row request
 * once wrote ~50 MB of log.
 */
export const REQUEST_LIMITS = {
  idLength: 256,
  parameters: 32,
  parameterKeyLength: 64,
  parameterValueLength: 1024,
} as const;

export interface RequestInput {
  name: string;
  shape: number[];
  datatype: Datatype;
  parameters?: Parameters;
  data: unknown[];
}

export interface InferenceRequest {
  id?: string;
  parameters?: Parameters;
  inputs: RequestInput[];
  outputs?: { name: string; parameters?: Parameters }[];
}

export interface ResponseOutput {
  name: string;
  shape: number[];
  datatype: Datatype;
  parameters?: Parameters;
  data: (number | boolean | string)[];
}

export interface InferenceResponse {
  model_name: string;
  model_version?: string;
  id?: string;
  parameters?: Parameters;
  outputs: ResponseOutput[];
}

/**
 * JSON has no NaN or Infinity and the protocol's tensor_data allows numbers, strings and booleans
 * (never null): a non-finite FP32/FP64 output element is sent as the string "NaN", "Infinity" or
 * "-Infinity", the spelling JavaScript's Number() and Python's float() read back.
 */
export function encodeFloatElement(v: number): number | string {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** True for the strings encodeFloatElement writes for non-finite values. */
export function isEncodedNonFinite(v: unknown): v is 'NaN' | 'Infinity' | '-Infinity' {
  return v === 'NaN' || v === 'Infinity' || v === '-Infinity';
}

/**
 * A validated input: flat row-major values already checked against datatype and shape (a typed
 * array when batching stacked FP32/FP64 rows straight into the run's tensor).
 */
export interface DecodedInput {
  name: string;
  datatype: Datatype;
  shape: number[];
  values: (number | boolean | string)[] | Float32Array | Float64Array;
}

export interface DecodedRequest {
  id: string | undefined;
  parameters: Parameters | undefined;
  inputs: DecodedInput[];
  /** Output names to return; all of the model's outputs when the request names none. */
  outputs: string[];
}

/** A request the server rejects; `status` is the HTTP status to answer with, plus any headers. */
export class ProtocolError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const ONNX_TO_DATATYPE: Record<string, Datatype> = {
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

export const DATATYPES = new Set<string>(Object.values(ONNX_TO_DATATYPE));

/** KServe datatype of an ONNX element type (`float`, onnxruntime's `float32`, ...). */
export function datatypeOfOnnxType(type: string): Datatype | undefined {
  return ONNX_TO_DATATYPE[type];
}

const INTEGER_RANGE: Partial<Record<Datatype, [number, number]>> = {
  UINT8: [0, 255],
  UINT16: [0, 65535],
  UINT32: [0, 4294967295],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Largest finite float32 (3.4028234663852886e38). */
export const FP32_MAX = 3.4028234663852886e38;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function checkParameters(v: unknown, where: string): Parameters | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) throw new ProtocolError(400, `${where} "parameters" must be an object`);
  const entries = Object.entries(v);
  if (entries.length > REQUEST_LIMITS.parameters)
    throw new ProtocolError(
      400,
      `${where} "parameters" has ${entries.length} entries; at most ${REQUEST_LIMITS.parameters} are accepted`,
    );
  for (const [k, p] of entries) {
    if (k.length > REQUEST_LIMITS.parameterKeyLength)
      throw new ProtocolError(
        400,
        `${where} parameter "${k.slice(0, 20)}…" has a ${k.length}-character name; at most ${REQUEST_LIMITS.parameterKeyLength}`,
      );
    if (!['string', 'number', 'boolean'].includes(typeof p))
      throw new ProtocolError(
        400,
        `${where} parameter "${k}" must be a string, number or boolean (got ${describeValue(p)})`,
      );
    if (typeof p === 'string' && p.length > REQUEST_LIMITS.parameterValueLength)
      throw new ProtocolError(
        400,
        `${where} parameter "${k}" is ${p.length} characters long; at most ${REQUEST_LIMITS.parameterValueLength}`,
      );
  }
  return v as Parameters;
}

/** Flattens nested data row-major; the element count is checked against the shape afterwards. */
function flatten(data: unknown[], out: unknown[], depth: number, input: string): void {
  if (depth > 32) throw new ProtocolError(400, `input "${input}": data is nested too deeply`);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (Array.isArray(v)) flatten(v, out, depth + 1, input);
    else out.push(v);
  }
}

function badElement(v: unknown, datatype: Datatype, input: string, index: number): ProtocolError {
  const range = INTEGER_RANGE[datatype];
  const finite = typeof v === 'number' && Number.isFinite(v);
  const what =
    datatype === 'BOOL'
      ? 'true or false'
      : datatype === 'BYTES'
        ? 'a string'
        : range && finite
          ? `a whole number in [${range[0]}, ${range[1]}]`
          : datatype === 'FP32' && finite
            ? `a number within ±${FP32_MAX} (larger values overflow to infinity in float32)`
            : 'a number';
  return new ProtocolError(
    400,
    `input "${input}": element ${index} is ${describeValue(v)}, but datatype ${datatype} needs ${what}`,
  );
}

/** Index of the first element that does not fit the datatype, or -1. One tight loop per kind. */
function firstBadElement(values: unknown[], datatype: Datatype): number {
  const n = values.length;
  if (datatype === 'BOOL') {
    for (let i = 0; i < n; i++) if (typeof values[i] !== 'boolean') return i;
    return -1;
  }
  if (datatype === 'BYTES') {
    for (let i = 0; i < n; i++) if (typeof values[i] !== 'string') return i;
    return -1;
  }
  const range = INTEGER_RANGE[datatype];
  if (datatype === 'FP32') {
    // Math.fround is what Float32Array stores: a value past FP32_MAX (plus half an ulp) is Infinity.
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isFinite(Math.fround(v))) return i;
    }
    return -1;
  }
  if (!range) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) return i;
    }
    return -1;
  }
  const [lo, hi] = range;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) return i;
  }
  return -1;
}

function parseInput(raw: unknown, i: number): RequestInput {
  if (!isObject(raw)) throw new ProtocolError(400, `inputs[${i}] must be an object`);
  const { name, shape, datatype, data, parameters } = raw;
  if (typeof name !== 'string' || name === '')
    throw new ProtocolError(400, `inputs[${i}].name must be a non-empty string`);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0))
    throw new ProtocolError(
      400,
      `input "${name}": "shape" must be a list of whole numbers ≥ 0 (got ${JSON.stringify(shape)?.slice(0, 60)})`,
    );
  if (typeof datatype !== 'string' || !DATATYPES.has(datatype))
    throw new ProtocolError(
      400,
      `input "${name}": unknown datatype ${describeValue(datatype)}; use one of ${[...DATATYPES].join(', ')}`,
    );
  if (!Array.isArray(data))
    throw new ProtocolError(400, `input "${name}": "data" must be an array (flat or nested)`);
  return {
    name,
    shape: shape as number[],
    datatype: datatype as Datatype,
    data,
    ...(parameters === undefined
      ? {}
      : { parameters: checkParameters(parameters, `input "${name}"`) }),
  };
}

/** Parses the JSON body of an infer request; shape errors only, no model knowledge yet. */
export function parseInferenceRequest(body: unknown): InferenceRequest {
  if (!isObject(body))
    throw new ProtocolError(400, 'request body must be a JSON object with "inputs"');
  const { id, parameters, inputs, outputs } = body;
  if (id !== undefined && typeof id !== 'string')
    throw new ProtocolError(400, '"id" must be a string');
  if (typeof id === 'string' && id.length > REQUEST_LIMITS.idLength)
    throw new ProtocolError(
      400,
      `"id" is ${id.length} characters long; at most ${REQUEST_LIMITS.idLength} are accepted`,
    );
  if (!Array.isArray(inputs) || inputs.length === 0)
    throw new ProtocolError(400, '"inputs" must be a non-empty array');
  const parsedOutputs: InferenceRequest['outputs'] = [];
  if (outputs !== undefined) {
    if (!Array.isArray(outputs)) throw new ProtocolError(400, '"outputs" must be an array');
    outputs.forEach((o, i) => {
      if (!isObject(o) || typeof o.name !== 'string')
        throw new ProtocolError(400, `outputs[${i}] must be an object with a "name"`);
      parsedOutputs.push({
        name: o.name,
        ...(o.parameters === undefined
          ? {}
          : { parameters: checkParameters(o.parameters, `output "${o.name}"`)! }),
      });
    });
  }
  return {
    ...(id === undefined ? {} : { id }),
    ...(parameters === undefined ? {} : { parameters: checkParameters(parameters, 'request')! }),
    inputs: inputs.map(parseInput),
    ...(outputs === undefined ? {} : { outputs: parsedOutputs }),
  };
}

function shapeText(shape: number[]): string {
  return `[${shape.join(', ')}]`;
}

interface SignatureLookup {
  byName: Map<string, MetadataTensor>;
  outputNames: Set<string>;
  allOutputs: string[];
}

// Built once per signature (a loaded model keeps its own), not on every request.
const LOOKUPS = new WeakMap<ServingSignature, SignatureLookup>();

function lookupOf(signature: ServingSignature): SignatureLookup {
  let l = LOOKUPS.get(signature);
  if (!l) {
    l = {
      byName: new Map(signature.inputs.map((t) => [t.name, t])),
      outputNames: new Set(signature.outputs.map((t) => t.name)),
      allOutputs: signature.outputs.map((t) => t.name),
    };
    LOOKUPS.set(signature, l);
  }
  return l;
}

/**
 * Checks a parsed request against the model's signature: every input present once, the same
 * datatype, the same rank, fixed dimensions equal, element count equal to the shape's product.
 */
export function validateAgainstSignature(
  request: InferenceRequest,
  signature: ServingSignature,
  limits: { maxBatch?: number } = {},
): DecodedRequest {
  const { byName, outputNames, allOutputs } = lookupOf(signature);
  const seen = new Set<string>();
  const inputs: DecodedInput[] = [];
  for (const input of request.inputs) {
    const spec = byName.get(input.name);
    if (!spec)
      throw new ProtocolError(
        400,
        `unknown input "${input.name}"; the model's inputs are ${signature.inputs.map((t) => `"${t.name}"`).join(', ')}`,
      );
    if (seen.has(input.name))
      throw new ProtocolError(400, `input "${input.name}" is given more than once`);
    seen.add(input.name);
    if (input.datatype !== spec.datatype)
      throw new ProtocolError(
        400,
        `input "${input.name}" has datatype ${input.datatype}, but the model expects ${spec.datatype}`,
      );
    const shapeOk =
      input.shape.length === spec.shape.length &&
      spec.shape.every((d, k) => d < 0 || d === input.shape[k]);
    if (!shapeOk)
      throw new ProtocolError(
        400,
        `input "${input.name}" has shape ${shapeText(input.shape)}, but the model expects ${shapeText(spec.shape)} (-1 = any size)`,
      );
    if (
      limits.maxBatch !== undefined &&
      input.shape.length > 0 &&
      input.shape[0]! > limits.maxBatch
    )
      throw new ProtocolError(
        400,
        `input "${input.name}" has ${input.shape[0]} rows; this server accepts at most ${limits.maxBatch} per request`,
      );
    const expected = input.shape.reduce((a, b) => a * b, 1);
    const values: unknown[] = [];
    flatten(input.data, values, 0, input.name);
    if (values.length !== expected)
      throw new ProtocolError(
        400,
        `input "${input.name}" has ${values.length} values, but shape ${shapeText(input.shape)} needs ${expected}`,
      );
    const bad = firstBadElement(values, input.datatype);
    if (bad >= 0) throw badElement(values[bad], input.datatype, input.name, bad);
    inputs.push({
      name: input.name,
      datatype: input.datatype,
      shape: input.shape,
      values: values as DecodedInput['values'],
    });
  }
  const missing = signature.inputs.filter((t) => !seen.has(t.name)).map((t) => `"${t.name}"`);
  if (missing.length)
    throw new ProtocolError(400, `missing input ${missing.join(', ')} required by the model`);
  let outputs = allOutputs;
  if (request.outputs && request.outputs.length > 0) {
    for (const o of request.outputs)
      if (!outputNames.has(o.name))
        throw new ProtocolError(
          400,
          `unknown output "${o.name}"; the model's outputs are ${[...outputNames].map((n) => `"${n}"`).join(', ')}`,
        );
    outputs = request.outputs.map((o) => o.name);
  }
  return { id: request.id, parameters: request.parameters, inputs, outputs };
}
