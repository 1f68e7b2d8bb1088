import { defineCommand } from '../option-spec.js';
import { registryOption } from './common.js';

export const serveSpec = defineCommand({
  name: 'serve',
  summary: 'Serve ONNX models over the Open Inference Protocol (KServe v2 REST)',
  description:
    'Serve ONNX models over the Open Inference Protocol (KServe v2 REST): files given as <name>=<file>, or every model a registry stage holds. Prints "modelci serve: listening on <url>" once ready; SIGTERM drains and exits 0; SIGHUP (registry mode) reloads the stage pointers and hot-swaps changed versions. Every option is also an environment variable, MODELCI_SERVE_<OPTION> (a flag wins), so a container image can be configured either way.',
  usage: [
    'serve --artifact bc=model.onnx [--artifact ...] --port 8080',
    'serve --registry registry --stage production --port 8080',
  ],
  options: {
    artifact: {
      env: 'MODELCI_SERVE_ARTIFACT',
      type: 'list',
      placeholder: 'name=file.onnx',
      separator: 'line',
      description: 'A model to serve under a name (repeatable).',
      deprecated: { cli: ['model'], note: '--model names a model everywhere else' },
    },
    registry: { ...registryOption, env: 'MODELCI_SERVE_REGISTRY' },
    stage: {
      env: 'MODELCI_SERVE_STAGE',
      type: 'string',
      placeholder: 'stage',
      description: 'With --registry: serve what this stage holds.',
    },
    port: {
      env: 'MODELCI_SERVE_PORT',
      type: 'integer',
      min: 0,
      max: 65535,
      default: 8080,
      description: 'Port to listen on; 0 picks a free one.',
    },
    host: {
      env: 'MODELCI_SERVE_HOST',
      type: 'string',
      placeholder: 'addr',
      default: '127.0.0.1',
      description: 'Interface to bind.',
    },
    canary: {
      env: 'MODELCI_SERVE_CANARY',
      type: 'list',
      placeholder: 'name=file.onnx',
      separator: 'line',
      description: 'Serve a second version of <name> to a share of requests (repeatable).',
    },
    'canary-weight': {
      env: 'MODELCI_SERVE_CANARY_WEIGHT',
      type: 'number',
      min: 0,
      max: 1,
      default: 0.1,
      description: 'The canary share (0..1).',
    },
    shadow: {
      env: 'MODELCI_SERVE_SHADOW',
      type: 'list',
      placeholder: 'name=file.onnx',
      separator: 'line',
      description:
        'Run every request of <name> on this version too, after its answer; the shadow never answers and its outputs go to the prediction log with role shadow (repeatable).',
    },
    'shadow-queue': {
      env: 'MODELCI_SERVE_SHADOW_QUEUE',
      type: 'integer',
      min: 1,
      default: 64,
      description:
        'Shadow runs waiting at most; beyond it runs are dropped and counted, so a slow shadow never holds the answers.',
    },
    'log-predictions': {
      env: 'MODELCI_SERVE_LOG_PREDICTIONS',
      type: 'string',
      placeholder: 'file',
      description: 'Append one JSONL row per prediction (read by drift).',
    },
    features: {
      env: 'MODELCI_SERVE_FEATURES',
      type: 'list',
      placeholder: 'name=a,b,...',
      separator: 'line',
      description: 'Feature names for the prediction log of a wide input (repeatable).',
    },
    'max-body-bytes': {
      env: 'MODELCI_SERVE_MAX_BODY_BYTES',
      type: 'integer',
      min: 1,
      default: 8388608,
      description: 'Larger request bodies get 413.',
    },
    'request-timeout-ms': {
      env: 'MODELCI_SERVE_REQUEST_TIMEOUT_MS',
      type: 'integer',
      min: 1,
      default: 30000,
      description: 'Slow clients get 408 after this.',
    },
    threads: {
      env: 'MODELCI_SERVE_THREADS',
      type: 'integer',
      min: 1,
      default: 1,
      description: 'onnxruntime threads per model session.',
    },
    'api-keys': {
      env: 'MODELCI_SERVE_API_KEYS_FILE',
      type: 'string',
      placeholder: 'file',
      description:
        'API keys, one a line (or `sha256:<hex>` of one): inference, metadata and /metrics then need `Authorization: Bearer <key>`. Without it, MODELCI_SERVE_API_KEYS holds the keys themselves (lines or commas).',
    },
    'rate-limit': {
      env: 'MODELCI_SERVE_RATE_LIMIT',
      type: 'string',
      placeholder: 'n/s',
      description:
        'Requests per second per API key (per client address without keys), e.g. 100/s or 6000/min; 429 with Retry-After over it.',
    },
    'rate-burst': {
      env: 'MODELCI_SERVE_RATE_BURST',
      type: 'integer',
      min: 1,
      description: 'Requests allowed at once above the rate. Default, one second of the rate.',
    },
    'admin-token-file': {
      env: 'MODELCI_SERVE_ADMIN_TOKEN_FILE',
      type: 'string',
      placeholder: 'file',
      description:
        'File holding the token of the repository (hot swap) API, at least 16 characters. Without it, MODELCI_SERVE_ADMIN_TOKEN; never on the command line.',
    },
    'allow-model-dir': {
      env: 'MODELCI_SERVE_ALLOW_MODEL_DIR',
      type: 'list',
      placeholder: 'dir',
      separator: 'line',
      description:
        'A folder the repository API may load model files from (repeatable); registry mode adds the registry folder.',
    },
    'batch-max-rows': {
      env: 'MODELCI_SERVE_BATCH_MAX_ROWS',
      type: 'integer',
      min: 1,
      default: 1,
      description:
        'Coalesce concurrent requests for a model into one run of up to this many rows; 1 turns batching off.',
    },
    'batch-wait-ms': {
      env: 'MODELCI_SERVE_BATCH_WAIT_MS',
      type: 'integer',
      min: 0,
      default: 2,
      description:
        'Longest a request waits for others already on their way to share its run (with --batch-max-rows above 1).',
    },
    'max-log-bytes': {
      env: 'MODELCI_SERVE_MAX_LOG_BYTES',
      type: 'integer',
      min: 1024,
      default: 1048576,
      description:
        'Prediction log bytes one request may write; rows beyond are dropped and counted.',
    },
    quiet: {
      type: 'boolean',
      env: 'MODELCI_SERVE_QUIET',
      description: 'Print nothing but the listening line.',
    },
  },
});
