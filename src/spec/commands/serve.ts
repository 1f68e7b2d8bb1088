import { defineCommand } from '../option-spec.js';
import { registryOption } from './common.js';

export const serveSpec = defineCommand({
  name: 'serve',
  summary: 'Serve ONNX models over the Open Inference Protocol (KServe v2 REST)',
  description:
    'Serve ONNX models over the Open Inference Protocol (KServe v2 REST): files given as <name>=<file>, or every model a registry stage holds. Prints "modelci serve: listening on <url>" once ready; SIGTERM drains and exits 0; SIGHUP (registry mode) reloads the stage pointers and hot-swaps changed versions.',
  usage: [
    'serve --artifact bc=model.onnx [--artifact ...] --port 8080',
    'serve --registry registry --stage production --port 8080',
  ],
  options: {
    artifact: {
      type: 'list',
      placeholder: 'name=file.onnx',
      separator: 'line',
      description: 'A model to serve under a name (repeatable).',
      deprecated: { cli: ['model'], note: '--model names a model everywhere else' },
    },
    registry: registryOption,
    stage: {
      type: 'string',
      placeholder: 'stage',
      description: 'With --registry: serve what this stage holds.',
    },
    port: {
      type: 'integer',
      min: 0,
      max: 65535,
      default: 8080,
      description: 'Port to listen on; 0 picks a free one.',
    },
    host: {
      type: 'string',
      placeholder: 'addr',
      default: '127.0.0.1',
      description: 'Interface to bind.',
    },
    canary: {
      type: 'list',
      placeholder: 'name=file.onnx',
      separator: 'line',
      description: 'Serve a second version of <name> to a share of requests (repeatable).',
    },
    'canary-weight': {
      type: 'number',
      min: 0,
      max: 1,
      default: 0.1,
      description: 'The canary share (0..1).',
    },
    shadow: {
      type: 'list',
      placeholder: 'name=file.onnx',
      separator: 'line',
      description:
        'Run every request of <name> on this version too, after its answer; the shadow never answers and its outputs go to the prediction log with role shadow (repeatable).',
    },
    'shadow-queue': {
      type: 'integer',
      min: 1,
      default: 64,
      description:
        'Shadow runs waiting at most; beyond it runs are dropped and counted, so a slow shadow never holds the answers.',
    },
    'log-predictions': {
      type: 'string',
      placeholder: 'file',
      description: 'Append one JSONL row per prediction (read by drift).',
    },
    features: {
      type: 'list',
      placeholder: 'name=a,b,...',
      separator: 'line',
      description: 'Feature names for the prediction log of a wide input (repeatable).',
    },
    'max-body-bytes': {
      type: 'integer',
      min: 1,
      default: 8388608,
      description: 'Larger request bodies get 413.',
    },
    'request-timeout-ms': {
      type: 'integer',
      min: 1,
      default: 30000,
      description: 'Slow clients get 408 after this.',
    },
    threads: {
      type: 'integer',
      min: 1,
      default: 1,
      description: 'onnxruntime threads per model session.',
    },
    'api-keys': {
      type: 'string',
      placeholder: 'file',
      description:
        'API keys, one a line (or `sha256:<hex>` of one): inference, metadata and /metrics then need `Authorization: Bearer <key>`. Without it, MODELCI_SERVE_API_KEYS holds the keys themselves (lines or commas).',
    },
    'rate-limit': {
      type: 'string',
      placeholder: 'n/s',
      description:
        'Requests per second per API key (per client address without keys), e.g. 100/s or 6000/min; 429 with Retry-After over it.',
    },
    'rate-burst': {
      type: 'integer',
      min: 1,
      description: 'Requests allowed at once above the rate. Default, one second of the rate.',
    },
    'admin-token-file': {
      type: 'string',
      placeholder: 'file',
      description:
        'File holding the token of the repository (hot swap) API, at least 16 characters. Without it, MODELCI_SERVE_ADMIN_TOKEN; never on the command line.',
    },
    'allow-model-dir': {
      type: 'list',
      placeholder: 'dir',
      separator: 'line',
      description:
        'A folder the repository API may load model files from (repeatable); registry mode adds the registry folder.',
    },
    'batch-max-rows': {
      type: 'integer',
      min: 1,
      default: 1,
      description:
        'Coalesce concurrent requests for a model into one run of up to this many rows; 1 turns batching off.',
    },
    'batch-wait-ms': {
      type: 'integer',
      min: 0,
      default: 2,
      description:
        'Longest a request waits for others already on their way to share its run (with --batch-max-rows above 1).',
    },
    'max-log-bytes': {
      type: 'integer',
      min: 1024,
      default: 1048576,
      description:
        'Prediction log bytes one request may write; rows beyond are dropped and counted.',
    },
    quiet: { type: 'boolean', description: 'Print nothing but the listening line.' },
  },
});
