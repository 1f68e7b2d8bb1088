import { DEFAULT_BASE_IMAGE } from './dockerfile.js';
import { localImageReference, SERVER_PORT, SERVER_UID } from './manifests.js';

/** One `modelci serve` option as the README lists it. */
export interface ServeOptionDoc {
  flag: string;
  env: string;
  description: string;
}

export interface ReadmeInput {
  model: string;
  version: string;
  sha256: string;
  artifactFile: string;
  modelciVersion: string;
  onnxruntimeVersion: string;
  /** Linux architectures whose CPU library is in the context. */
  arches: readonly string[];
  serveOptions: readonly ServeOptionDoc[];
  /** The image the Kubernetes manifests run, and their files under kubernetes/. */
  image: string;
  manifests: readonly string[];
}

function manifestWhat(file: string): string {
  if (file.startsWith('kserve/'))
    return 'KServe InferenceService: this image as a custom predictor, v2 protocol';
  if (file.includes('service')) return 'Kubernetes Service in front of the Deployment';
  return 'Kubernetes Deployment: probes on the v2 health endpoints, non-root, read-only root';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The context's README.md: what it holds, how to build it, run it and configure the server. */
export function contextReadme(i: ReadmeInput): string {
  const tag = localImageReference(i.model, i.version);
  const rows = i.serveOptions.map(
    (o) => `| \`--${o.flag}\` | \`${o.env}\` | ${cell(o.description)} |`,
  );
  return `# ${i.model} ${i.version}: container build context

Written by \`modelci package\` (modelci ${i.modelciVersion}). The image serves the model with
\`modelci serve\` over the Open Inference Protocol (KServe v2 REST) on port ${SERVER_PORT}, as user
${SERVER_UID} (not root).

| file | what it is |
| --- | --- |
| \`Dockerfile\` | multi-stage build; \`ARG BASE\` defaults to \`${DEFAULT_BASE_IMAGE}\` |
| \`model/${i.artifactFile}\` | the artifact, sha256 \`${i.sha256}\` (checked again by the build) |
| \`modelci-${i.modelciVersion}.tgz\` | the modelci npm package |
| \`onnxruntime/\` | onnxruntime-node ${i.onnxruntimeVersion}, CPU library for linux ${i.arches.join(', ')} (no GPU libraries) |
| \`healthcheck.mjs\` | the image's \`HEALTHCHECK\`: GET /v2/health/ready |
${i.manifests.map((m) => `| \`kubernetes/${m}\` | ${manifestWhat(m)} |`).join('\n')}

The build needs no network: everything it installs is here.

## Build

\`\`\`sh
docker build -t ${tag} .
# or, without a daemon (HEALTHCHECK needs the docker format):
buildah bud --format docker -t ${tag} .
# another Node.js (>= 20) image on Debian:
docker build --build-arg BASE=node:22-bookworm-slim -t ${tag} .
\`\`\`

## Run

\`\`\`sh
docker run --rm -p ${SERVER_PORT}:${SERVER_PORT} ${tag}
curl -s localhost:${SERVER_PORT}/v2/health/ready
curl -s localhost:${SERVER_PORT}/v2/models/${i.model}
\`\`\`

Arguments after the image name are \`modelci serve\` options (\`docker run ${tag} --threads 2\`);
each option is an environment variable too (\`-e MODELCI_SERVE_THREADS=2\`). The health check asks
\`127.0.0.1:$MODELCI_SERVE_PORT\`: change the port through the variable, not \`--port\`. The image
sets \`MODELCI_SERVE_ARTIFACT\`, \`MODELCI_SERVE_HOST=0.0.0.0\` and \`MODELCI_SERVE_PORT=${SERVER_PORT}\`.

## Kubernetes

\`kubernetes/\` is not part of the image (\`.dockerignore\` leaves it out). Its manifests run
\`${i.image}\`: push the image under that reference (by digest is best), or write them again with
\`modelci package --image <ref>\`; the gitops deploy target rewrites the reference on deploy.

\`\`\`sh
kubectl apply -f kubernetes/                      # Deployment + Service
kubectl apply -f kubernetes/kserve/               # or: a KServe InferenceService (v2 protocol)
\`\`\`

## Serve options

| option | environment | what it does |
| --- | --- | --- |
${rows.join('\n')}
`;
}
