import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ModelciError } from '../core/errors.js';
import {
  dockerfile,
  DOCKERIGNORE,
  HEALTHCHECK_SCRIPT,
  imageLabels,
  sha256Sums,
} from '../core/package/dockerfile.js';
import { kubernetesManifests, localImageReference } from '../core/package/manifests.js';
import { contextReadme, type ServeOptionDoc } from '../core/package/readme.js';
import { VERSION } from '../core/version.js';
import { ONNXRUNTIME_VERSION } from '../onnx/runtime.js';
import { copyLinuxCpuRuntime, onnxRuntimePackage } from '../onnx/runtime-package.js';
import { openRegistry, parseModelRef, type RegistryOptions } from '../registry/registry.js';
import { serveSpec } from '../spec/commands/serve.js';
import { verifySha256 } from '../store/artifact-store.js';
import { packModelci } from './modelci-tarball.js';

export interface RunPackageOptions {
  /** `churn@1.2.0`, `churn#production`, `churn` (latest). */
  ref: string;
  registryDir: string;
  registryOptions?: RegistryOptions;
  out: string;
  /** The image reference the Kubernetes manifests run; default `<model>:<version>`. */
  image?: string;
  /** `https://github.com/acme/models`: the image's source label. */
  sourceUrl?: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface PackageResult {
  model: string;
  version: string;
  sha256: string;
  /** The build context folder, absolute. */
  context: string;
  dockerfile: string;
  /** The Kubernetes manifests' folder and the image reference they run. */
  manifests: string;
  image: string;
  /** Files written, relative to the context, sorted (folders of many files as one entry). */
  files: string[];
  /** Linux architectures onnxruntime's CPU library is there for. */
  arches: string[];
  labels: Array<[string, string]>;
}

/** The output folder must be absent or an empty folder: a context is never merged into other files. */
function checkOut(out: string): void {
  let entries: string[];
  try {
    if (!statSync(out).isDirectory())
      throw new ModelciError('FILE', 'the output folder is a file', {
        file: out,
        hint: 'Give a new or empty folder',
      });
    entries = readdirSync(out);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    throw e;
  }
  if (entries.length)
    throw new ModelciError(
      'FILE',
      `the output folder is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, e.g. ${entries.slice(0, 3).join(', ')})`,
      { file: out, hint: 'Give a new or empty folder; the context is written whole, never merged' },
    );
}

/** The serve options the README lists, with their environment names, from serve's spec. */
function serveOptionDocs(): ServeOptionDoc[] {
  return Object.entries(serveSpec.options).flatMap(([flag, def]) =>
    def.env ? [{ flag, env: def.env, description: def.description }] : [],
  );
}

/**
 * `modelci package`: one registered version -> a container build context in `out`, written to a
 * temporary folder beside it and renamed at the end, so an error leaves nothing behind.
 */
export async function runPackage(o: RunPackageOptions): Promise<PackageResult> {
  const out = resolve(o.out);
  checkOut(out);
  const reg = openRegistry(o.registryDir, o.registryOptions);
  const { model, ref } = parseModelRef(o.ref);
  const record = reg.resolve(model, ref);
  const what = `${record.model}@${record.version}`;
  const image = o.image ?? localImageReference(model, record.version);
  // Built before anything is written: a bad image reference or name fails here.
  const manifests = kubernetesManifests({
    model,
    version: record.version,
    image,
    sha256: record.artifact.sha256,
  });
  const artifact = await reg.readArtifact(record);
  const sha256 = record.artifact.sha256;
  const artifactFile = `${model}.${record.artifact.format || 'onnx'}`;
  o.log(`packaging ${what} (sha256 ${sha256.slice(0, 12)}…)`);

  mkdirSync(dirname(out), { recursive: true });
  const tmp = mkdtempSync(join(dirname(out), `.${basename(out)}.partial-`));
  try {
    chmodSync(tmp, 0o755); // mkdtemp's 0700 would be the context's mode after the rename
    mkdirSync(join(tmp, 'model'));
    copyFileSync(artifact, join(tmp, 'model', artifactFile));
    // The copy is what the image gets: checked, not assumed.
    await verifySha256(join(tmp, 'model', artifactFile), sha256, what);
    writeFileSync(join(tmp, 'model', 'SHA256SUMS'), sha256Sums(sha256, artifactFile));
    const tarball = await packModelci(tmp, o.env);
    const arches = copyLinuxCpuRuntime(
      await onnxRuntimePackage(o.env, o.log),
      join(tmp, 'onnxruntime'),
    );
    const description = reg.getModel(model)?.description;
    const labels = imageLabels({
      model,
      version: record.version,
      sha256,
      ...(record.lineage.commit ? { commit: record.lineage.commit } : {}),
      created: record.created_at,
      ...(description ? { description } : {}),
      ...(o.sourceUrl ? { sourceUrl: o.sourceUrl } : {}),
      modelciVersion: VERSION,
    });
    const text = {
      Dockerfile: dockerfile({
        model,
        version: record.version,
        sha256,
        artifactFile,
        modelciTarball: tarball,
        labels,
      }),
      '.dockerignore': DOCKERIGNORE,
      'healthcheck.mjs': HEALTHCHECK_SCRIPT,
      'README.md': contextReadme({
        model,
        version: record.version,
        sha256,
        artifactFile,
        modelciVersion: VERSION,
        onnxruntimeVersion: ONNXRUNTIME_VERSION,
        arches,
        serveOptions: serveOptionDocs(),
        image,
        manifests: manifests.map((m) => m.path),
      }),
    };
    for (const [file, body] of Object.entries(text)) writeFileSync(join(tmp, file), body);
    for (const m of manifests) {
      mkdirSync(dirname(join(tmp, 'kubernetes', m.path)), { recursive: true });
      writeFileSync(join(tmp, 'kubernetes', m.path), m.text);
    }
    // rename(2) replaces an empty folder, so an empty --out is taken as absent.
    renameSync(tmp, out);
    return {
      model,
      version: record.version,
      sha256,
      context: out,
      dockerfile: join(out, 'Dockerfile'),
      manifests: join(out, 'kubernetes'),
      image,
      files: [
        ...Object.keys(text),
        `model/${artifactFile}`,
        'model/SHA256SUMS',
        tarball,
        'onnxruntime/',
        ...manifests.map((m) => `kubernetes/${m.path}`),
      ].sort(),
      arches,
      labels,
    };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
