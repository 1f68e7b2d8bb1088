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
    'admin-token': {
      type: 'string',
      placeholder: 'token',
      env: 'MODELCI_SERVE_TOKEN',
      description:
        'Token for the repository (hot swap) API. Prefer the environment variable: a flag shows in the process list.',
    },
    quiet: { type: 'boolean', description: 'Print nothing but the listening line.' },
  },
});
