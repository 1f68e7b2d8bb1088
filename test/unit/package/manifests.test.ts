import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  DEFAULT_RESOURCES,
  kubernetesManifests,
  localImageReference,
  PREDICTION_LOG_FILE,
  SERVER_UID,
  type ManifestInput,
} from '../../../src/core/package/manifests.js';
import { checkImageReference } from '../../../src/core/package/image-reference.js';
import { contextReadme } from '../../../src/core/package/readme.js';
import { objectName, labelValue } from '../../../src/core/package/k8s-names.js';
import { podPolicyFindings } from '../../../src/core/package/pod-policy.js';
import { errorOf } from '../../harness/error-of.js';
import {
  fixtureBytes,
  kubernetesSchemas,
  recordedSha256,
  schemaErrors,
  sha256,
} from '../../harness/kubernetes-schemas.js';

// Manifests are walked by key path, as kubectl would: loose on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const DIGEST = `sha256:${'ab12'.repeat(16)}`;
const INPUT: ManifestInput = {
  model: 'churn',
  version: '1.4.0',
  image: `ghcr.io/acme/models/churn@${DIGEST}`,
  sha256: 'f'.repeat(64),
};

function manifests(input: Partial<ManifestInput> = {}): Record<string, Json> {
  const files = kubernetesManifests({ ...INPUT, ...input });
  return Object.fromEntries(
    files.map((f) => {
      const docs = parseAllDocuments(f.text);
      expect(docs, f.path).toHaveLength(1);
      expect(docs[0]!.errors, f.path).toEqual([]);
      return [f.path, parse(f.text) as Json];
    }),
  );
}

// Kubernetes' own validation of object names (apimachinery IsDNS1035Label) and label values.
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function expectValidLabels(labels: Record<string, string>): void {
  for (const [k, v] of Object.entries(labels)) {
    expect(k, k).toMatch(LABEL_KEY);
    expect(v.length, `${k}=${v}`).toBeLessThanOrEqual(63);
    expect(v, `${k}=${v}`).toMatch(LABEL_VALUE);
  }
}

describe('schema fixtures', () => {
  it('are the bytes fetch-schemas.sh names, and the CRD serves v1beta1', () => {
    const recorded = recordedSha256();
    expect([...recorded.keys()].sort()).toEqual([
      'deployment-apps-v1.json.gz',
      'service-v1.json.gz',
      'serving.kserve.io_inferenceservices.yaml.gz',
    ]);
    for (const [file, sum] of recorded) expect(sha256(fixtureBytes(file)), file).toBe(sum);
    const s = kubernetesSchemas().inferenceServiceSchema as Json;
    expect(Object.keys(s.properties.spec.properties.predictor.properties)).toContain('containers');
  });
});

describe('kubernetesManifests', () => {
  it('writes a Deployment, a Service and a KServe InferenceService that pass their schemas', () => {
    const m = manifests();
    expect(Object.keys(m)).toEqual([
      'deployment.yaml',
      'service.yaml',
      'kserve/inferenceservice.yaml',
    ]);
    const v = kubernetesSchemas();
    expect(schemaErrors(v.deployment, m['deployment.yaml'])).toEqual([]);
    expect(schemaErrors(v.service, m['service.yaml'])).toEqual([]);
    expect(schemaErrors(v.inferenceService, m['kserve/inferenceservice.yaml'])).toEqual([]);
    expect(m['deployment.yaml']!.kind).toBe('Deployment');
    expect(m['service.yaml']!.kind).toBe('Service');
    expect(m['kserve/inferenceservice.yaml']!.apiVersion).toBe('serving.kserve.io/v1beta1');
  });

  it('fails the strict schemas on a misspelled field, a wrong type or a missing required one', () => {
    const v = kubernetesSchemas();
    const m = manifests();
    const d = structuredClone(m['deployment.yaml']!);
    d.spec.template.spec.containers[0].readinessProbe.httpGet.paht = '/v2/health/ready';
    expect(schemaErrors(v.deployment, d)).toContain(
      '/spec/template/spec/containers/0/readinessProbe/httpGet: must NOT have additional properties (paht)',
    );
    const d2 = structuredClone(m['deployment.yaml']!);
    d2.spec.replicas = '1';
    expect(schemaErrors(v.deployment, d2).join('\n')).toMatch(/\/spec\/replicas: must be integer/);
    const s = structuredClone(m['service.yaml']!);
    delete s.spec.ports[0].port;
    expect(schemaErrors(v.service, s).join('\n')).toMatch(/must have required property 'port'/);
    const i = structuredClone(m['kserve/inferenceservice.yaml']!);
    i.spec.predictor.containers[0].securityContext.runAsNonRot = true;
    expect(schemaErrors(v.inferenceService, i).join('\n')).toMatch(/runAsNonRot/);
    // A custom predictor has no protocolVersion (only spec.predictor.model does): KServe reads
    // the PROTOCOL variable of its first container instead, which is why the manifest sets it.
    const p = structuredClone(m['kserve/inferenceservice.yaml']!);
    p.spec.predictor.protocolVersion = 'v2';
    expect(schemaErrors(v.inferenceService, p).join('\n')).toMatch(/protocolVersion/);
    const n = structuredClone(m['kserve/inferenceservice.yaml']!);
    delete n.spec.predictor.containers[0].name;
    expect(schemaErrors(v.inferenceService, n).join('\n')).toMatch(/required property 'name'/);
  });

  it('runs a non-root, read-only, unprivileged pod with probes on the v2 health endpoints', () => {
    const m = manifests();
    for (const file of ['deployment.yaml', 'kserve/inferenceservice.yaml']) {
      const doc = m[file]!;
      expect(podPolicyFindings(doc), file).toEqual([]);
      const pod = file === 'deployment.yaml' ? doc.spec.template.spec : doc.spec.predictor;
      const c = pod.containers[0];
      expect(c.image).toBe(INPUT.image);
      expect(c.imagePullPolicy).toBe('IfNotPresent');
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: SERVER_UID,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(c.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      const port = c.ports[0];
      expect(port.containerPort).toBe(8080);
      const probePort = file === 'deployment.yaml' ? port.name : 8080;
      expect(c.readinessProbe.httpGet).toEqual({ path: '/v2/health/ready', port: probePort });
      expect(c.livenessProbe.httpGet).toEqual({ path: '/v2/health/live', port: probePort });
      expect(c.resources).toEqual(DEFAULT_RESOURCES);
      // The prediction log is written where an emptyDir is mounted.
      const env = Object.fromEntries(c.env.map((e: Json) => [e.name, e.value]));
      expect(env.MODELCI_SERVE_LOG_PREDICTIONS).toBe(PREDICTION_LOG_FILE);
      expect(env.MODELCI_SERVE_HOST).toBe('0.0.0.0');
      expect(env.MODELCI_SERVE_PORT).toBe('8080');
      const mount = c.volumeMounts.find((v: Json) =>
        PREDICTION_LOG_FILE.startsWith(`${v.mountPath}/`),
      );
      const volume = pod.volumes.find((v: Json) => v.name === mount.name);
      expect(volume.emptyDir).toBeDefined();
      // Every mount has its volume.
      for (const vm of c.volumeMounts)
        expect(pod.volumes.map((v: Json) => v.name)).toContain(vm.name);
    }
    const isvc = m['kserve/inferenceservice.yaml']!.spec.predictor.containers[0];
    expect(isvc.name).toBe('kserve-container');
    expect(isvc.env[0]).toEqual({ name: 'PROTOCOL', value: 'v2' });
    const svc = m['service.yaml']!;
    expect(svc.spec.selector).toEqual(m['deployment.yaml']!.spec.selector.matchLabels);
    expect(svc.spec.ports[0].targetPort).toBe('http');
  });

  it('has a policy check that finds what a pod breaks, naming the key path', () => {
    const m = manifests();
    const d = structuredClone(m['deployment.yaml']!);
    delete d.spec.template.spec.securityContext.runAsNonRoot;
    expect(podPolicyFindings(d)).toEqual([]); // the container still says it
    delete d.spec.template.spec.containers[0].securityContext.runAsNonRoot;
    expect(podPolicyFindings(d)).toEqual([
      'spec.template.spec.containers[0].securityContext.runAsNonRoot: must be true',
    ]);
    const i = structuredClone(m['kserve/inferenceservice.yaml']!);
    const c = i.spec.predictor.containers[0];
    c.securityContext.readOnlyRootFilesystem = false;
    c.securityContext.allowPrivilegeEscalation = true;
    c.securityContext.capabilities = { add: ['SYS_ADMIN'] };
    delete c.resources.limits.memory;
    delete c.livenessProbe;
    i.spec.predictor.hostNetwork = true;
    i.spec.predictor.volumes.push({ name: 'host', hostPath: { path: '/' } });
    expect(podPolicyFindings(i)).toEqual([
      'spec.predictor.hostNetwork: must not be true',
      'spec.predictor.volumes[2].hostPath: host paths are not allowed',
      'spec.predictor.containers[0].securityContext.allowPrivilegeEscalation: must be false',
      'spec.predictor.containers[0].securityContext.readOnlyRootFilesystem: must be true',
      'spec.predictor.containers[0].securityContext.capabilities.drop: must include ALL',
      'spec.predictor.containers[0].securityContext.capabilities.add: only NET_BIND_SERVICE is allowed',
      'spec.predictor.containers[0].resources.limits.memory: must be set',
      'spec.predictor.containers[0].livenessProbe: must be set',
    ]);
    const root = structuredClone(m['deployment.yaml']!);
    root.spec.template.spec.containers[0].securityContext.runAsUser = 0;
    expect(podPolicyFindings(root)).toEqual([
      'spec.template.spec.containers[0].securityContext.runAsUser: must not be 0 (root)',
    ]);
  });

  it('labels every object with app.kubernetes.io/* and the model name and version', () => {
    const m = manifests();
    for (const [file, doc] of Object.entries(m)) {
      expect(doc.metadata.name, file).toBe('churn');
      expect(doc.metadata.labels, file).toMatchObject({
        'app.kubernetes.io/name': 'churn',
        'app.kubernetes.io/instance': 'churn',
        'app.kubernetes.io/version': '1.4.0',
        'app.kubernetes.io/component': 'model-server',
        'app.kubernetes.io/managed-by': 'modelci',
        'modelci.dev/model': 'churn',
        'modelci.dev/version': '1.4.0',
      });
      expect(doc.metadata.annotations['modelci.dev/artifact-sha256']).toBe('f'.repeat(64));
    }
    // The selector leaves the version out: a new version rolls the same Deployment.
    expect(m['deployment.yaml']!.spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'churn',
      'app.kubernetes.io/instance': 'churn',
    });
    expect(m['deployment.yaml']!.spec.template.metadata.labels['modelci.dev/version']).toBe(
      '1.4.0',
    );
  });

  it('maps model names Kubernetes refuses to valid, distinct names, and keeps valid ones', () => {
    const names = [
      'churn_v2',
      'churn-v2',
      'churn.v2',
      '2024-model',
      'model_',
      'a'.repeat(80),
      `${'b'.repeat(40)}_x`,
      `${'b'.repeat(40)}_y`,
    ];
    const mapped = names.map((n) => objectName(n));
    for (const [i, name] of mapped.entries()) {
      expect(name, names[i]).toMatch(DNS_1035);
      expect(name.length, names[i]).toBeLessThanOrEqual(47);
    }
    expect(new Set(mapped).size).toBe(names.length);
    expect(objectName('churn-v2')).toBe('churn-v2');
    expect(objectName('churn_v2')).toMatch(/^churn-v2-[0-9a-f]{6}$/);
    expect(objectName('2024-model')).toMatch(/^m-2024-model-[0-9a-f]{6}$/);
    expect(labelValue('churn_v2')).toBe('churn_v2');
    expect(labelValue('model_')).toMatch(LABEL_VALUE);
    expect(labelValue('1.0.0+build.5')).toMatch(LABEL_VALUE);

    const m = manifests({ model: 'churn_v2', version: '1.0.0+build.5' });
    const v = kubernetesSchemas();
    expect(schemaErrors(v.deployment, m['deployment.yaml'])).toEqual([]);
    expect(schemaErrors(v.inferenceService, m['kserve/inferenceservice.yaml'])).toEqual([]);
    for (const doc of Object.values(m)) {
      expect(doc.metadata.name).toMatch(/^churn-v2-[0-9a-f]{6}$/);
      expectValidLabels(doc.metadata.labels);
      expect(doc.metadata.annotations['modelci.dev/model']).toBe('churn_v2');
      expect(doc.metadata.annotations['modelci.dev/version']).toBe('1.0.0+build.5');
    }
    expectValidLabels(m['deployment.yaml']!.spec.template.metadata.labels);
  });

  it('takes resources, port, replicas, namespace and serve options', () => {
    const m = manifests({
      port: 9000,
      replicas: 3,
      namespace: 'models',
      resources: { limits: { memory: '2Gi' }, requests: { cpu: '500m' } },
      serveOptions: { threads: 2, 'batch-max-rows': 64, quiet: true },
      image: 'registry.local:5000/churn:1.4.0',
    });
    const v = kubernetesSchemas();
    expect(schemaErrors(v.deployment, m['deployment.yaml'])).toEqual([]);
    expect(schemaErrors(v.service, m['service.yaml'])).toEqual([]);
    expect(schemaErrors(v.inferenceService, m['kserve/inferenceservice.yaml'])).toEqual([]);
    const d = m['deployment.yaml']!;
    const c = d.spec.template.spec.containers[0];
    expect(d.spec.replicas).toBe(3);
    expect(d.metadata.namespace).toBe('models');
    expect(c.imagePullPolicy).toBe('Always'); // a tag can move
    expect(c.resources).toEqual({
      requests: { cpu: '500m', memory: '256Mi' },
      limits: { cpu: '1', memory: '2Gi' },
    });
    expect(c.ports[0].containerPort).toBe(9000);
    expect(c.env.slice(1)).toEqual([
      { name: 'MODELCI_SERVE_PORT', value: '9000' },
      { name: 'MODELCI_SERVE_LOG_PREDICTIONS', value: PREDICTION_LOG_FILE },
      { name: 'MODELCI_SERVE_THREADS', value: '2' },
      { name: 'MODELCI_SERVE_BATCH_MAX_ROWS', value: '64' },
      { name: 'MODELCI_SERVE_QUIET', value: 'true' },
    ]);
    const isvc = m['kserve/inferenceservice.yaml']!.spec.predictor;
    expect(isvc.minReplicas).toBe(3);
    expect(isvc.containers[0].readinessProbe.httpGet.port).toBe(9000);
    // Strings stay strings in the YAML ("9000", "true"), as EnvVar.value must be.
    const text = kubernetesManifests({ ...INPUT, port: 9000 })[0]!.text;
    expect(text).toMatch(/value: "9000"/);
  });

  it('refuses bad input with the field it came from, before writing anything', () => {
    const cases: Array<[Partial<ManifestInput>, string, RegExp]> = [
      [{ image: 'GHCR.io/Acme/Churn' }, 'image', /not an image reference/],
      [{ image: 'ghcr.io/acme/churn@sha256:abc' }, 'image', /not an image reference/],
      [
        { resources: { requests: { memory: '2Gi' } } },
        'resources.requests.memory',
        /above its limit 1Gi/,
      ],
      [
        { resources: { limits: { cpu: 'two' } } },
        'resources.limits.cpu',
        /not a positive Kubernetes quantity/,
      ],
      [{ serveOptions: { host: '127.0.0.1' } }, 'serveOptions.host', /set by the manifests/],
      [{ serveOptions: { 'Batch Rows': 2 } }, 'serveOptions.Batch Rows', /not a serve option name/],
      [{ uid: 0 }, 'uid', /not a non-root user id/],
      [{ port: 70000 }, 'port', /not between 1 and 65535/],
      [{ namespace: 'Models' }, 'namespace', /not a namespace name/],
      [{ version: '' }, 'version', /not a model version/],
    ];
    for (const [input, path, message] of cases) {
      const e = errorOf(() => kubernetesManifests({ ...INPUT, ...input }));
      expect(e.where.path, JSON.stringify(input)).toBe(path);
      expect(e.message).toMatch(message);
    }
  });

  it('names a local image before one is pushed: <model>:<version>, mapped where that is none', () => {
    expect(localImageReference('churn', '1.4.0')).toBe('churn:1.4.0');
    expect(localImageReference('churn_v2', '1.0.0+build.5')).toBe('churn_v2:1.0.0-build.5');
    expect(localImageReference('model_', '1.0.0')).toMatch(/^model-[0-9a-f]{6}:1\.0\.0$/);
    for (const [m, v] of [
      ['model_', '1.0.0'],
      ['a..b', '2.0.0'],
      ['x-', '1'],
    ])
      expect(() => checkImageReference(localImageReference(m!, v!))).not.toThrow();
    // Such a model packs: its manifests and the README's build command use the mapped name.
    const image = localImageReference('x-', '1.0.0');
    expect(() => kubernetesManifests({ ...INPUT, model: 'x-', image })).not.toThrow();
    const readme = contextReadme({
      model: 'x-',
      version: '1.0.0',
      sha256: 'f'.repeat(64),
      artifactFile: 'x-.onnx',
      modelciVersion: '0.1.0',
      onnxruntimeVersion: '1.30.0',
      arches: ['x64'],
      serveOptions: [],
      image,
      manifests: [],
    });
    expect(readme).toContain(`docker build -t ${image} .`);
  });

  it('writes each file with a header that names the model, version and image', () => {
    const [deployment] = kubernetesManifests(INPUT);
    expect(deployment!.text.split('\n').slice(0, 2)).toEqual([
      '# Written by `modelci package`: the Deployment for model churn 1.4.0.',
      `# Image: ${INPUT.image}`,
    ]);
    // Labels repeated in the pod template are written out, not as YAML aliases.
    expect(deployment!.text).not.toMatch(/[&*]a\d/);
  });
});
