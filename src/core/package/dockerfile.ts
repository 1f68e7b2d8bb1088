import { SERVER_PORT, SERVER_UID } from './manifests.js';

/**
 * The Dockerfile of a packaged model server (`modelci package`): plain data in, text out.
 * Every value from the registry goes through `labelValue`/`envValue`, so a description cannot
 * end a line or expand a build variable.
 */

/**
 * node:24-bookworm-slim pinned by digest (Node 24.18.0): the digest public Dockerfiles pin, e.g.
 * github.com/cyanxxy/open-ocr-cli-mcp's `FROM node:24-bookworm-slim@sha256:6f7b03f7…452d`.
 */
export const DEFAULT_BASE_IMAGE =
  'node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d';

/** Where things live in the image. */
export const IMAGE_PATHS = {
  modelci: '/opt/modelci',
  model: '/opt/model',
  healthcheck: '/opt/modelci-healthcheck.mjs',
} as const;

export interface DockerfileInput {
  model: string;
  version: string;
  sha256: string;
  /** File name of the artifact under model/ in the context. */
  artifactFile: string;
  /** The npm tarball of modelci in the context. */
  modelciTarball: string;
  /** The image labels, in order (`imageLabels`). */
  labels: ReadonlyArray<readonly [string, string]>;
}

export interface LabelInput {
  model: string;
  version: string;
  sha256: string;
  /** The commit the version was built from (lineage.commit). */
  commit?: string;
  /** The version's created_at. */
  created: string;
  description?: string;
  /** `https://github.com/<owner>/<repo>`. */
  sourceUrl?: string;
  modelciVersion: string;
}

/** OCI annotations (org.opencontainers.image.*) and the model's own (io.modelci.*). */
export function imageLabels(i: LabelInput): Array<[string, string]> {
  const labels: Array<[string, string]> = [
    ['org.opencontainers.image.title', `${i.model} model server`],
    [
      'org.opencontainers.image.description',
      i.description ??
        `${i.model} ${i.version} served over the Open Inference Protocol (KServe v2)`,
    ],
    ['org.opencontainers.image.version', i.version],
    ['org.opencontainers.image.created', i.created],
  ];
  if (i.commit) labels.push(['org.opencontainers.image.revision', i.commit]);
  if (i.sourceUrl) labels.push(['org.opencontainers.image.source', i.sourceUrl]);
  labels.push(
    ['io.modelci.model.name', i.model],
    ['io.modelci.model.version', i.version],
    ['io.modelci.model.sha256', i.sha256],
  );
  if (i.commit) labels.push(['io.modelci.model.commit', i.commit]);
  labels.push(['io.modelci.version', i.modelciVersion]);
  // A label is one line of text; what the registry holds may not be.
  return labels.map(([k, v]) => [k, v.replace(/\s*[\r\n\t]+\s*/g, ' ').trim()]);
}

/** A double-quoted Dockerfile word (of one line): no variable expansion, quotes and backslashes escaped. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

export function dockerfile(i: DockerfileInput): string {
  const p = IMAGE_PATHS;
  const ort = `${p.modelci}/node_modules/onnxruntime-node`;
  const labels = i.labels.map(([k, v]) => `      ${k}=${quoted(v)}`).join(' \\\n');
  return `# ${i.model} ${i.version} served by \`modelci serve\`; written by \`modelci package\` (see README.md).
# Another Node.js (>= 20) image on Debian can replace the base: --build-arg BASE=<image>.
ARG BASE=${DEFAULT_BASE_IMAGE}

FROM \${BASE} AS build
WORKDIR /build
COPY model/ model/
# Checked again here: an artifact changed after \`modelci package\` fails the build.
RUN cd model && sha256sum --check --strict SHA256SUMS
COPY ${i.modelciTarball} ./
COPY onnxruntime/ onnxruntime/
# Only node and tar: no package manager, no network. The CPU library of this image's
# architecture is kept, and loaded once so a base without its C++ runtime fails here.
RUN mkdir -p ${p.modelci} \\
 && tar -xzf ${i.modelciTarball} -C ${p.modelci} --strip-components=1 --no-same-owner \\
 && mv onnxruntime/node_modules ${p.modelci}/node_modules \\
 && arch="$(node -p process.arch)" \\
 && for d in ${ort}/bin/napi-v*/linux/*; do [ "\${d##*/}" = "$arch" ] || rm -rf "$d"; done \\
 && node -e "require('${ort}')"

FROM \${BASE}
ARG BASE
LABEL org.opencontainers.image.base.name="\${BASE}" \\
${labels}
RUN useradd --uid ${SERVER_UID} --user-group --no-create-home \\
      --home-dir /nonexistent --shell /usr/sbin/nologin modelci
COPY --from=build ${p.modelci} ${p.modelci}
COPY --from=build /build/model ${p.model}
COPY healthcheck.mjs ${p.healthcheck}
# Every \`modelci serve\` option is an environment variable (MODELCI_SERVE_<OPTION>) or an argument.
ENV NODE_ENV=production \\
    MODELCI_SERVE_ARTIFACT=${quoted(`${i.model}=${p.model}/${i.artifactFile}`)} \\
    MODELCI_SERVE_HOST=0.0.0.0 \\
    MODELCI_SERVE_PORT=${SERVER_PORT}
USER ${SERVER_UID}:${SERVER_UID}
EXPOSE ${SERVER_PORT}
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\
  CMD ["node", "${p.healthcheck}"]
ENTRYPOINT ["node", "${p.modelci}/bin/modelci.js", "serve"]
`;
}

/** What the image build reads: only the Dockerfile's inputs. */
export const DOCKERIGNORE = `# Only what the Dockerfile copies goes to the builder.
*
!model/
!onnxruntime/
!modelci-*.tgz
!healthcheck.mjs
`;

/** HEALTHCHECK without curl (slim images have none): node asks the server's readiness endpoint. */
export const HEALTHCHECK_SCRIPT = `// The image's HEALTHCHECK: exit 0 when modelci serve answers 200 on /v2/health/ready.
const port = process.env.MODELCI_SERVE_PORT || '${SERVER_PORT}';
const res = await fetch(\`http://127.0.0.1:\${port}/v2/health/ready\`, {
  signal: AbortSignal.timeout(4000),
}).catch(() => undefined);
process.exit(res?.status === 200 ? 0 : 1);
`;

export function sha256Sums(sha256: string, file: string): string {
  return `${sha256}  ${file}\n`;
}
