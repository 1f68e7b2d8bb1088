import { Document } from 'yaml';
import { ModelciError } from '../errors.js';
import { checkImageReference, isDigestReference } from './image-reference.js';
import { checkQuantity, quantityValue } from './k8s-quantity.js';
import { isDnsLabel, labelValue, objectName } from './k8s-names.js';
import { serveEnv } from './serve-env.js';

/**
 * The user id the server runs as in the image (`USER 10001` in the Dockerfile): outside the
 * ranges distributions give system and login users, so it owns nothing on the host either.
 */
export const SERVER_UID = 10001;
/** The port `modelci serve` listens on in the image. */
export const SERVER_PORT = 8080;
/** Where the prediction log goes: an emptyDir, the only writable folder besides /tmp. */
export const PREDICTION_LOG_DIR = '/var/log/modelci';
export const PREDICTION_LOG_FILE = `${PREDICTION_LOG_DIR}/predictions.jsonl`;

export interface ResourceList {
  cpu: string;
  memory: string;
}

export interface ContainerResources {
  requests: ResourceList;
  limits: ResourceList;
}

/** One onnxruntime thread's worth of CPU, and room for Node.js plus a model of some MB. */
export const DEFAULT_RESOURCES: ContainerResources = {
  requests: { cpu: '250m', memory: '256Mi' },
  limits: { cpu: '1', memory: '1Gi' },
};

export interface ManifestInput {
  /** The model's name in the registry (any name modelci accepts; mapped for Kubernetes). */
  model: string;
  version: string;
  /** The image, best by digest (`ghcr.io/acme/churn@sha256:...`). */
  image: string;
  /** The artifact's sha256 from the version record (an annotation). */
  sha256?: string;
  port?: number;
  /** The image's non-root user id (SERVER_UID). */
  uid?: number;
  replicas?: number;
  namespace?: string;
  /** Overrides of DEFAULT_RESOURCES, field by field. */
  resources?: { requests?: Partial<ResourceList>; limits?: Partial<ResourceList> };
  /** `modelci serve` options (`threads`, `batch-max-rows`, ...), passed as MODELCI_SERVE_* env. */
  serveOptions?: Readonly<Record<string, string | number | boolean>>;
  /** Size limit of the prediction log's emptyDir. */
  predictionLogLimit?: string;
}

export interface ManifestFile {
  /** Relative to the manifests folder. */
  path: string;
  text: string;
}

/**
 * The image name a context is built as before it is pushed: `<model>:<version>`, the tag its
 * README builds; where that is no image reference (a model name ending in `-`, a version with
 * `+build`), the model's object name and the version with `-` for what a tag refuses.
 */
export function localImageReference(model: string, version: string): string {
  const tag = version.replace(/[^\w.-]/g, '-');
  const ref = `${model}:${tag}`;
  try {
    checkImageReference(ref);
    return ref;
  } catch {
    return `${objectName(model)}:${tag}`;
  }
}

/** Options the manifests set themselves: the address probes reach and the log's volume. */
const RESERVED_SERVE_OPTIONS = ['host', 'port', 'log-predictions'];

type Json = Record<string, unknown>;

function resolveResources(input: ManifestInput['resources']): ContainerResources {
  const out: ContainerResources = {
    requests: { ...DEFAULT_RESOURCES.requests, ...input?.requests },
    limits: { ...DEFAULT_RESOURCES.limits, ...input?.limits },
  };
  for (const kind of ['cpu', 'memory'] as const) {
    checkQuantity(out.requests[kind], `resources.requests.${kind}`);
    checkQuantity(out.limits[kind], `resources.limits.${kind}`);
    // The API server refuses a request above its limit; say so before anything is written.
    if (quantityValue(out.requests[kind])! > quantityValue(out.limits[kind])!)
      throw new ModelciError(
        'INPUT',
        `the ${kind} request ${out.requests[kind]} is above its limit ${out.limits[kind]}`,
        { path: `resources.requests.${kind}`, hint: 'Raise the limit or lower the request' },
      );
  }
  return out;
}

function checkInput(input: ManifestInput): void {
  if (!input.version || !/^[0-9A-Za-z.+-]+$/.test(input.version))
    throw new ModelciError('INPUT', `"${input.version}" is not a model version`, {
      path: 'version',
    });
  checkImageReference(input.image);
  const port = input.port ?? SERVER_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ModelciError('INPUT', `port ${port} is not between 1 and 65535`, { path: 'port' });
  const uid = input.uid ?? SERVER_UID;
  if (!Number.isInteger(uid) || uid < 1)
    throw new ModelciError('INPUT', `uid ${uid} is not a non-root user id`, {
      path: 'uid',
      hint: 'runAsNonRoot needs a numeric user id above 0',
    });
  if (input.replicas !== undefined && (!Number.isInteger(input.replicas) || input.replicas < 1))
    throw new ModelciError('INPUT', `replicas ${input.replicas} is not a positive integer`, {
      path: 'replicas',
    });
  if (input.namespace !== undefined && !isDnsLabel(input.namespace))
    throw new ModelciError('INPUT', `"${input.namespace}" is not a namespace name`, {
      path: 'namespace',
      hint: 'lower-case letters, digits and -, starting with a letter, 63 at most',
    });
  for (const option of Object.keys(input.serveOptions ?? {}))
    if (RESERVED_SERVE_OPTIONS.includes(option))
      throw new ModelciError('INPUT', `serve option ${option} is set by the manifests`, {
        path: `serveOptions.${option}`,
        hint: 'Probes need the server on 0.0.0.0 at the given port, and the log on its volume',
      });
  if (input.predictionLogLimit !== undefined)
    checkQuantity(input.predictionLogLimit, 'predictionLogLimit');
}

/** Everything a Deployment's pod and a KServe predictor share. */
function podParts(input: ManifestInput, probePort: string | number) {
  const port = input.port ?? SERVER_PORT;
  const uid = input.uid ?? SERVER_UID;
  const env = [
    { name: 'MODELCI_SERVE_HOST', value: '0.0.0.0' },
    { name: 'MODELCI_SERVE_PORT', value: String(port) },
    { name: 'MODELCI_SERVE_LOG_PREDICTIONS', value: PREDICTION_LOG_FILE },
    ...serveEnv(input.serveOptions ?? {}),
  ];
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: probePort },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  const container = {
    image: input.image,
    // A digest never changes what it names; a tag can, so it is pulled again.
    imagePullPolicy: isDigestReference(input.image) ? 'IfNotPresent' : 'Always',
    env,
    resources: resolveResources(input.resources),
    // A model load can take a while: the startup probe holds liveness off for up to 2 minutes.
    startupProbe: probe('/v2/health/live', 2, 60),
    readinessProbe: probe('/v2/health/ready', 5, 3),
    livenessProbe: probe('/v2/health/live', 10, 3),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: uid,
      runAsGroup: uid,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [
      { name: 'predictions', mountPath: PREDICTION_LOG_DIR },
      { name: 'tmp', mountPath: '/tmp' },
    ],
  };
  const pod = {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: uid,
      runAsGroup: uid,
      fsGroup: uid,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumes: [
      { name: 'predictions', emptyDir: { sizeLimit: input.predictionLogLimit ?? '1Gi' } },
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
    ],
  };
  return { port, container, pod };
}

function yamlFile(path: string, header: string[], manifest: Json): ManifestFile {
  // Labels appear twice in a Deployment: written out both times, never as a YAML alias.
  const doc = new Document(manifest, { aliasDuplicateObjects: false });
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  return { path, text: doc.toString({ lineWidth: 100 }) };
}

/**
 * Kubernetes manifests for a model server image: `deployment.yaml` and `service.yaml` (apply the
 * folder: `kubectl apply -f kubernetes/`), and `kserve/inferenceservice.yaml`, the same server as a
 * KServe custom predictor speaking the v2 protocol (apply it instead, where KServe runs). Both run
 * as the image's non-root user on a read-only root file system, without privileges, with the
 * prediction log on an emptyDir and probes on the Open Inference Protocol's health endpoints.
 */
export function kubernetesManifests(input: ManifestInput): ManifestFile[] {
  checkInput(input);
  const name = objectName(input.model);
  const selector = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': name,
  };
  const labels = {
    ...selector,
    'app.kubernetes.io/version': labelValue(input.version),
    'app.kubernetes.io/component': 'model-server',
    'app.kubernetes.io/managed-by': 'modelci',
    'modelci.dev/model': labelValue(input.model),
    'modelci.dev/version': labelValue(input.version),
  };
  // Annotations take any text: the names as the registry spells them.
  const annotations = {
    'modelci.dev/model': input.model,
    'modelci.dev/version': input.version,
    ...(input.sha256 ? { 'modelci.dev/artifact-sha256': input.sha256 } : {}),
  };
  const metadata = {
    name,
    ...(input.namespace ? { namespace: input.namespace } : {}),
    labels,
    annotations,
  };
  const header = (what: string) => [
    `Written by \`modelci package\`: ${what} for model ${input.model} ${input.version}.`,
    `Image: ${input.image}`,
  ];

  const plain = podParts(input, 'http');
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: input.replicas ?? 1,
      selector: { matchLabels: selector },
      // New pods become ready before old ones go: no gap in answers during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels,
          annotations: {
            ...annotations,
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(plain.port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          ...plain.pod,
          containers: [
            {
              name: 'server',
              ...plain.container,
              ports: [{ name: 'http', containerPort: plain.port, protocol: 'TCP' }],
            },
          ],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  };
  // Knative (KServe's serverless mode) names the serving port http1 and wants probes on it.
  const kserve = podParts(input, input.port ?? SERVER_PORT);
  const inferenceService = {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata,
    spec: {
      predictor: {
        minReplicas: input.replicas ?? 1,
        ...kserve.pod,
        containers: [
          {
            // KServe reads the protocol of a custom predictor from this container's PROTOCOL.
            name: 'kserve-container',
            ...kserve.container,
            env: [{ name: 'PROTOCOL', value: 'v2' }, ...kserve.container.env],
            ports: [{ name: 'http1', containerPort: kserve.port, protocol: 'TCP' }],
          },
        ],
      },
    },
  };
  return [
    yamlFile('deployment.yaml', header('the Deployment'), deployment),
    yamlFile('service.yaml', header('the Service in front of the Deployment'), service),
    yamlFile(
      'kserve/inferenceservice.yaml',
      [
        ...header('a KServe InferenceService (v2 protocol, custom predictor)'),
        'Apply this instead of deployment.yaml and service.yaml where KServe runs.',
      ],
      inferenceService,
    ),
  ];
}
