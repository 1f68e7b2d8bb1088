import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Scalar } from 'yaml';
import { ModelciError } from '../errors.js';
import { labelValue } from '../package/k8s-names.js';

/** Where each workload kind keeps its pod's containers. */
const CONTAINERS: Record<string, string[]> = {
  Pod: ['spec', 'containers'],
  Deployment: ['spec', 'template', 'spec', 'containers'],
  StatefulSet: ['spec', 'template', 'spec', 'containers'],
  DaemonSet: ['spec', 'template', 'spec', 'containers'],
  ReplicaSet: ['spec', 'template', 'spec', 'containers'],
  Job: ['spec', 'template', 'spec', 'containers'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'],
  InferenceService: ['spec', 'predictor', 'containers'],
};

/** The container names `modelci package` gives the server (Deployment, KServe predictor). */
const SERVER_CONTAINERS = ['server', 'kserve-container'];

export interface ImageChange {
  kind: string;
  name: string;
  container: string;
  previous: string;
}

export interface ManifestImageResult {
  /** The file with only the image values changed: every other byte is kept. */
  text: string;
  changes: ImageChange[];
}

export interface ManifestImageRequest {
  /** The file's name, for errors. */
  file: string;
  model: string;
  /** The image to set, or per workload (a rollback restores what each one had). */
  image: string | ((change: ImageChange) => string);
  /** The container to change; default, the only one, else `server` / `kserve-container`. */
  container?: string;
}

type Doc = Document.Parsed;

/** A workload is the model's when it says so (modelci.dev/model, as `modelci package` writes). */
function modelOf(doc: Doc): string | undefined {
  const annotation = doc.getIn(['metadata', 'annotations', 'modelci.dev/model']);
  const label = doc.getIn(['metadata', 'labels', 'modelci.dev/model']);
  return typeof annotation === 'string'
    ? annotation
    : typeof label === 'string'
      ? label
      : undefined;
}

function pickContainer(
  names: string[],
  wanted: string | undefined,
  where: string,
  file: string,
): number {
  if (wanted !== undefined) {
    const i = names.indexOf(wanted);
    if (i < 0)
      throw new ModelciError('DEPLOY', `${where} has no container named ${wanted}`, {
        file,
        hint: `Its containers: ${names.join(', ')}`,
      });
    return i;
  }
  if (names.length === 1) return 0;
  const i = names.findIndex((n) => SERVER_CONTAINERS.includes(n));
  if (i < 0)
    throw new ModelciError(
      'DEPLOY',
      `${where} has ${names.length} containers: which one serves the model?`,
      {
        file,
        hint: 'Name it in environments.<env>.gitops.container',
      },
    );
  return i;
}

/** The new value in the style the old one was written in (plain, or the same quotes). */
function renderScalar(old: Scalar, image: string, file: string): string {
  switch (old.type) {
    case 'QUOTE_SINGLE':
      return `'${image.replaceAll("'", "''")}'`;
    case 'QUOTE_DOUBLE':
      return JSON.stringify(image);
    case 'PLAIN':
      return /^[A-Za-z0-9][\w.:/@+-]*$/.test(image) ? image : JSON.stringify(image);
    default:
      throw new ModelciError('DEPLOY', 'the image is a block scalar: write it on one line', {
        file,
      });
  }
}

/**
 * Sets the image of a model's container in a Kubernetes manifest file (one or more YAML
 * documents): the Deployment, InferenceService, ... that carry the model's `modelci.dev/model`
 * (or, in a file where no document carries one, every workload). Only the bytes of each image
 * value change, so comments, key order and flow style stay as the team wrote them.
 */
export function setManifestImage(text: string, r: ManifestImageRequest): ManifestImageResult {
  const docs: Doc[] = [...parseAllDocuments(text)];
  if (!docs.length) return fail(r, 'holds no YAML document');
  for (const doc of docs)
    if (doc.errors.length)
      throw new ModelciError('PARSE', `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, {
        file: r.file,
      });
  const marked = docs.some((d) => modelOf(d) !== undefined);
  const splices: Array<{ start: number; end: number; value: string }> = [];
  const changes: ImageChange[] = [];
  for (const doc of docs) {
    const kind = doc.get('kind');
    if (typeof kind !== 'string') continue;
    const path = CONTAINERS[kind];
    if (!path) continue;
    const owner = modelOf(doc);
    if (marked && owner !== r.model && owner !== labelValue(r.model)) continue;
    const name = String(doc.getIn(['metadata', 'name']) ?? '?');
    const where = `${kind} ${name}`;
    const list = doc.getIn(path, true);
    if (!isSeq(list)) continue;
    const names = list.items.map((c) => (isMap(c) ? String(c.get('name') ?? '') : ''));
    const i = pickContainer(names, r.container, where, r.file);
    const item = list.items[i];
    const node = isMap(item) ? item.get('image', true) : undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range)
      throw new ModelciError('DEPLOY', `${where}: container ${names[i]} has no image to replace`, {
        file: r.file,
      });
    const change = { kind, name, container: names[i]!, previous: node.value };
    changes.push(change);
    const image = typeof r.image === 'string' ? r.image : r.image(change);
    if (image !== change.previous)
      splices.push({
        start: node.range[0],
        end: node.range[1],
        value: renderScalar(node, image, r.file),
      });
  }
  if (!changes.length)
    return fail(r, `has no workload of model ${r.model} (a Deployment, InferenceService, ...)`);
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.value + out.slice(s.end);
  return { text: out, changes };
}

function fail(r: ManifestImageRequest, what: string): never {
  throw new ModelciError('DEPLOY', what, {
    file: r.file,
    hint: "List the files that hold the model's workloads in environments.<env>.gitops.manifests",
  });
}
