import { defineCommand } from '../option-spec.js';
import { configOption, jsonOption, registryOption, repositoryOption } from './common.js';

export const packageSpec = defineCommand({
  name: 'package',
  summary: "Write a container build context for a registered model's server",
  description:
    "Write a self-contained container build context that serves one registered model version with `modelci serve`: a multi-stage Dockerfile (non-root, health check on /v2/health/ready, OCI labels), the artifact verified against the registry's sha256 (and again by the build), the modelci package and onnxruntime's Linux CPU library, so the build needs no network. The context is written to a temporary folder beside --out and renamed at the end: on any error nothing is written.",
  usage: [
    'package --model churn#production --out build/churn',
    'package --model churn@1.4.0 --registry registry --out build/churn',
  ],
  notes: [
    'Layout of --out: Dockerfile, .dockerignore, README.md (how to build and run it), healthcheck.mjs, model/<model>.onnx with model/SHA256SUMS, modelci-<version>.tgz (the npm package), onnxruntime/node_modules/ (onnxruntime-node, Linux x64/arm64 CPU libraries only), kubernetes/ (deployment.yaml and service.yaml: `kubectl apply -f kubernetes/`; kserve/inferenceservice.yaml: the same server as a KServe v2 custom predictor), not part of the image.',
    'Build: `docker build -t churn:1.4.0 build/churn` (or `buildah bud --format docker`); `--build-arg BASE=<image>` replaces the pinned node:24-bookworm-slim base. Run: `docker run -p 8080:8080 churn:1.4.0 [serve options]`; every serve option is also an environment variable (MODELCI_SERVE_<OPTION>, see `modelci serve --help`).',
  ],
  options: {
    model: {
      type: 'string',
      placeholder: 'name',
      required: true,
      description:
        'Model name (a folder of the registry) and which version: `<name>@<X.Y.Z>`, `<name>#<stage>` (what the stage holds), or `<name>` alone (its latest version).',
    },
    registry: registryOption,
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'dir',
      required: true,
      description: 'Folder to write the build context to: absent or empty.',
    },
    image: {
      type: 'string',
      placeholder: 'ref',
      description:
        'The image reference the Kubernetes manifests in kubernetes/ run, best by digest (`ghcr.io/acme/churn@sha256:<digest>`); the gitops deploy target can set it later. Default, `<model>:<version>`.',
    },
    repository: {
      ...repositoryOption,
      description:
        "GitHub repository (owner/repo) of the image's `org.opencontainers.image.source` label, and of artifacts kept as release assets. Default, the workflow run's repository (GITHUB_REPOSITORY).",
    },
    config: configOption,
    json: jsonOption,
  },
  action: {
    folder: 'package',
    outputs: {
      context: { description: 'The build context folder (`--out`).' },
      dockerfile: { description: 'The Dockerfile in it.' },
      manifests: {
        description: 'The folder of the Kubernetes manifests (`<context>/kubernetes`).',
      },
      model: { description: 'The packaged model.' },
      version: { description: 'The packaged version.' },
      sha256: { description: "The artifact's sha256." },
      labels: {
        description:
          'The image labels the Dockerfile sets, one `key=value` a line (for docker/metadata-action or build-push-action `labels`).',
      },
    },
    branding: { icon: 'package', color: 'blue' },
  },
});
