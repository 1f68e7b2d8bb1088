import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { setManifestImage } from '../../../src/core/deploy/manifest-image.js';
import { kubernetesManifests } from '../../../src/core/package/manifests.js';
import { errorOf } from '../../harness/error-of.js';

const OLD = 'ghcr.io/acme/churn@sha256:' + '1'.repeat(64);
const NEW = 'ghcr.io/acme/churn@sha256:' + '2'.repeat(64);

const HAND_WRITTEN = `# Production churn model: edited by the platform team.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn   # keep in sync with the Service
  annotations: {modelci.dev/model: churn, team: "risk"}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
          args: ["--config-path", "/etc/envoy.yaml"]
        - name: server
          image: '${OLD}'   # set by modelci deploy
          env: [{name: MODELCI_SERVE_THREADS, value: "2"}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fraud
  annotations:
    modelci.dev/model: fraud
spec:
  template:
    spec:
      containers:
        - name: server
          image: ghcr.io/acme/fraud:2.0.0
---
# The Service is not a workload: untouched.
apiVersion: v1
kind: Service
metadata: {name: churn}
spec: {ports: [{port: 80}]}
`;

describe('setManifestImage', () => {
  it("changes only the bytes of the model's image, keeping comments, quotes and flow style", () => {
    const r = setManifestImage(HAND_WRITTEN, { file: 'churn.yaml', model: 'churn', image: NEW });
    expect(r.text).toBe(HAND_WRITTEN.replace(`'${OLD}'`, `'${NEW}'`));
    expect(r.changes).toEqual([
      { kind: 'Deployment', name: 'churn', container: 'server', previous: OLD },
    ]);
    // The other model's Deployment and the sidecar keep their images.
    const docs = parseAllDocuments(r.text).map((d) => d.toJS());
    expect(docs[0].spec.template.spec.containers[0].image).toBe('envoyproxy/envoy:v1.31.0');
    expect(docs[0].spec.template.spec.containers[1].image).toBe(NEW);
    expect(docs[1].spec.template.spec.containers[0].image).toBe('ghcr.io/acme/fraud:2.0.0');
  });

  it('is a no-op when the image is already there', () => {
    const r = setManifestImage(HAND_WRITTEN, { file: 'churn.yaml', model: 'churn', image: OLD });
    expect(r.text).toBe(HAND_WRITTEN);
    expect(r.changes).toHaveLength(1);
  });

  it('updates the manifests modelci package writes, for a name Kubernetes refuses too', () => {
    for (const model of ['churn', 'churn_v2']) {
      const files = kubernetesManifests({ model, version: '1.0.0', image: OLD });
      for (const f of files) {
        if (f.path === 'service.yaml') {
          expect(() => setManifestImage(f.text, { file: f.path, model, image: NEW })).toThrow(
            /has no workload of model/,
          );
          continue;
        }
        const r = setManifestImage(f.text, { file: f.path, model, image: NEW });
        expect(r.changes.map((c) => c.container)).toEqual([
          f.path === 'deployment.yaml' ? 'server' : 'kserve-container',
        ]);
        // Parsed, only the image differs.
        const want = parse(f.text);
        const got = parse(r.text);
        const c = f.path === 'deployment.yaml' ? got.spec.template.spec : got.spec.predictor;
        expect(c.containers[0].image).toBe(NEW);
        c.containers[0].image = OLD;
        expect(got).toEqual(want);
        const lines = f.text.split('\n');
        const changed = r.text.split('\n').filter((l, n) => l !== lines[n]);
        expect(changed).toHaveLength(1);
        expect(changed[0]).toMatch(new RegExp(`^ +image: ${NEW}$`));
      }
    }
  });

  it('updates every workload when no document names a model, and quotes what YAML would misread', () => {
    const text =
      'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: app:1 # old\n';
    const r = setManifestImage(text, {
      file: 'd.yaml',
      model: 'x',
      image: 'registry.local:5000/app:2',
    });
    expect(r.text).toBe(text.replace('app:1', 'registry.local:5000/app:2'));
    const odd = setManifestImage(text, { file: 'd.yaml', model: 'x', image: 'app #2' });
    expect(parse(odd.text).spec.template.spec.containers[0].image).toBe('app #2');
  });

  it('restores each workload its own image when given a function (a rollback)', () => {
    const r = setManifestImage(HAND_WRITTEN, {
      file: 'churn.yaml',
      model: 'churn',
      image: (c) => (c.name === 'churn' ? 'ghcr.io/acme/churn:1.3.0' : c.previous),
    });
    expect(r.text).toBe(HAND_WRITTEN.replace(`'${OLD}'`, `'ghcr.io/acme/churn:1.3.0'`));
  });

  it('says which file and what is wrong when it cannot tell or find the container', () => {
    const two = HAND_WRITTEN.replace('- name: server', '- name: app');
    const e = errorOf(() =>
      setManifestImage(two, { file: 'churn.yaml', model: 'churn', image: NEW }),
    );
    expect(e.message).toBe('Deployment churn has 2 containers: which one serves the model?');
    expect(e.where.file).toBe('churn.yaml');
    expect(e.hint).toMatch(/gitops.container/);
    const named = setManifestImage(two, {
      file: 'churn.yaml',
      model: 'churn',
      image: NEW,
      container: 'app',
    });
    expect(named.changes[0]!.container).toBe('app');
    expect(
      errorOf(() =>
        setManifestImage(HAND_WRITTEN, {
          file: 'c.yaml',
          model: 'churn',
          image: NEW,
          container: 'api',
        }),
      ).message,
    ).toBe('Deployment churn has no container named api');
    expect(
      errorOf(() => setManifestImage(HAND_WRITTEN, { file: 'c.yaml', model: 'spam', image: NEW }))
        .message,
    ).toMatch(/has no workload of model spam/);
    expect(
      errorOf(() =>
        setManifestImage('kind: [unclosed\n', { file: 'bad.yaml', model: 'x', image: NEW }),
      ).code,
    ).toBe('PARSE');
    expect(
      errorOf(() =>
        setManifestImage('kind: Pod\nspec:\n  containers:\n    - name: a\n', {
          file: 'p.yaml',
          model: 'x',
          image: NEW,
        }),
      ).message,
    ).toBe('Pod ?: container a has no image to replace');
  });
});
