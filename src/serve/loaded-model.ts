import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { ModelciError } from '../core/errors.js';
import {
  datatypeOfOnnxType,
  encodeFloatElement,
  ProtocolError,
  type Datatype,
  type DecodedInput,
  type DecodedRequest,
  type MetadataTensor,
  type ResponseOutput,
  type ServingSignature,
} from '../core/serve/protocol.js';
import { createSession } from '../onnx/session.js';
import { loadOnnxRuntime, type OnnxRuntime } from '../onnx/runtime.js';
import { Batcher, type BatchPolicy } from './batcher.js';

export interface ModelSource {
  name: string;
  /** Version label reported in responses and metrics (`file` when serving a bare file). */
  version: string;
  file: string;
  /** When given, the file's sha256 must match before the model is loaded. */
  sha256?: string;
}

const TENSOR_TYPE: Record<Datatype, Tensor.Type | undefined> = {
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

function toMetadata(
  meta: readonly InferenceSession.ValueMetadata[],
  file: string,
): MetadataTensor[] {
  return meta.map((m) => {
    if (!m.isTensor)
      throw new ModelciError(
        'MODEL',
        `"${m.name}" is not a tensor; the server serves tensors only`,
        {
          file,
          hint: 'Export the model with tensor inputs and outputs (e.g. zipmap=False for sklearn)',
        },
      );
    const datatype = datatypeOfOnnxType(m.type);
    if (!datatype)
      throw new ModelciError(
        'MODEL',
        `"${m.name}" has element type ${m.type}, which is not served`,
        {
          file,
        },
      );
    return {
      name: m.name,
      datatype,
      shape: m.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : -1)),
    };
  });
}

// Typed array for each onnxruntime element type; JSON numbers were range-checked by the protocol.
function tensorData(type: Tensor.Type, values: DecodedInput['values']): Tensor.DataType {
  const nums = values as number[];
  switch (type) {
    case 'float32':
      return values instanceof Float32Array ? values : Float32Array.from(nums);
    case 'float64':
      return values instanceof Float64Array ? values : Float64Array.from(nums);
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
      return Uint8Array.from(values as boolean[], (v) => (v ? 1 : 0));
    default:
      return values as string[];
  }
}

function outputData(t: Tensor): ResponseOutput['data'] {
  const data = t.data as ArrayLike<unknown>;
  if (t.type === 'bool') return Array.from(data as Uint8Array, (v) => v !== 0);
  if (t.type === 'int64' || t.type === 'uint64') return Array.from(data as BigInt64Array, Number);
  if (t.type === 'float32' || t.type === 'float64')
    return Array.from(data as Float32Array | Float64Array, encodeFloatElement);
  return Array.from(data as ArrayLike<number | string>);
}

export interface LoadedModelOptions {
  /** onnxruntime intra-op threads (default 1). */
  threads?: number;
  /** Dynamic batching; off when absent or maxRows ≤ 1. */
  batch?: BatchPolicy;
  /** Told the rows of every onnxruntime run (the batch size histogram). */
  onRun?: (rows: number) => void;
}

/**
 * One version of one model held in memory: its onnxruntime session, its signature, and how many
 * requests are running on it, so a hot swap releases the session only after they finish.
 */
export class LoadedModel {
  private inflight = 0;
  private retired = false;
  private released = false;
  private readonly batcher: Batcher | undefined;

  private constructor(
    readonly source: ModelSource,
    readonly sha256: string,
    readonly signature: ServingSignature,
    private readonly session: InferenceSession,
    private readonly ort: OnnxRuntime,
    private readonly opts: LoadedModelOptions,
  ) {
    this.batcher =
      opts.batch && opts.batch.maxRows > 1
        ? new Batcher((r) => this.run(r), signature, opts.batch)
        : undefined;
  }

  /**
   * Reads, verifies and opens a model. `threads` is onnxruntime's intra-op pool per session:
   * 1 by default, because a server runs requests side by side and small models lose more to
   * thread hand-offs than they gain (bench/serve.bench.ts); raise it for large models.
   */
  static async load(source: ModelSource, opts: LoadedModelOptions = {}): Promise<LoadedModel> {
    let bytes: Buffer;
    try {
      bytes = await readFile(source.file);
    } catch (e) {
      throw new ModelciError('FILE', `cannot read model file: ${(e as Error).message}`, {
        file: source.file,
        hint: 'Check the path given to --model or the registry artifact',
      });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (source.sha256 && source.sha256 !== sha256)
      throw new ModelciError(
        'MODEL',
        `sha256 mismatch: expected ${source.sha256}, file has ${sha256}`,
        { file: source.file, hint: 'The artifact changed after it was registered; re-register it' },
      );
    const ort = await loadOnnxRuntime();
    const open = (model: Uint8Array): Promise<InferenceSession> =>
      createSession(model, source.file, {
        intraOpNumThreads: opts.threads ?? 1,
        interOpNumThreads: 1,
      });
    let session = await open(bytes);
    if (session.outputMetadata.some((m) => !m.isTensor)) {
      // skl2onnx's default ZipMap output: served as the [N, classes] tensor it zips, same name.
      // protobufjs loads only for such a model.
      const { removeZipMap } = await import(
        /* webpackChunkName: "onnx-zipmap" */ '../onnx/zipmap.js'
      );
      const rewrite = removeZipMap(bytes, source.file);
      if (rewrite) {
        await session.release();
        session = await open(rewrite.bytes);
      }
    }
    const signature = {
      inputs: toMetadata(session.inputMetadata, source.file),
      outputs: toMetadata(session.outputMetadata, source.file),
    };
    return new LoadedModel(source, sha256, signature, session, ort, opts);
  }

  get version(): string {
    return this.source.version;
  }

  get busy(): number {
    return this.inflight;
  }

  /**
   * Answers a validated request, in a batch with concurrent ones when batching is on. Callers hold
   * the model with `acquire`/`release` around it.
   */
  infer(request: DecodedRequest, quiet = false): Promise<ResponseOutput[]> {
    return this.batcher ? this.batcher.submit(request, quiet) : this.run(request);
  }

  /** Runs the requests waiting for a batch now (see Batcher.submit's `quiet`). */
  flushBatches(): void {
    this.batcher?.flushAll();
  }

  /** One onnxruntime run. */
  private async run(request: DecodedRequest): Promise<ResponseOutput[]> {
    this.opts.onRun?.(request.inputs[0]?.shape[0] ?? 1);
    const feeds: Record<string, Tensor> = {};
    for (const input of request.inputs) {
      const type = TENSOR_TYPE[input.datatype];
      if (!type)
        throw new ProtocolError(
          400,
          `input "${input.name}": datatype ${input.datatype} is not supported by this server`,
        );
      feeds[input.name] = new this.ort.Tensor(type, tensorData(type, input.values), input.shape);
    }
    // Errors come back to the request (500) and the server's log; onnxruntime's own stderr line
    // would only repeat them.
    const results = await this.session.run(feeds, request.outputs, { logSeverityLevel: 4 });
    return request.outputs.map((name) => {
      const t = results[name]!;
      return {
        name,
        datatype: datatypeOfOnnxType(t.type)!,
        shape: [...t.dims],
        data: outputData(t),
      };
    });
  }

  acquire(): void {
    this.inflight++;
  }

  release(): void {
    this.inflight--;
    if (this.retired && this.inflight === 0) void this.dispose();
  }

  /** Marks the model swapped out: its session is released once no request runs on it. */
  retire(): void {
    this.retired = true;
    if (this.inflight === 0) void this.dispose();
  }

  async dispose(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.session.release();
  }
}
