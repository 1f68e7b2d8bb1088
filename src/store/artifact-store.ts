import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { ModelciError } from '../core/errors.js';
import type { StoreConfig } from '../config/schema/registry.js';
import type { GitHubClient } from '../github/client.js';

/** Where one artifact goes: the store decides the uri from it. */
export interface ArtifactKey {
  model: string;
  version: string;
  /** The artifact's file name, e.g. `model.onnx`. */
  fileName: string;
  sha256: string;
  bytes: number;
}

/**
 * A place artifact bytes live. Stores are chosen by the uri's scheme on read, so records written
 * with one store stay readable after the config moves to another. Object storage adds a scheme.
 */
export interface ArtifactStore {
  /** uri scheme this store reads, e.g. `git`, `file`, `github-release`. */
  readonly scheme: string;
  /** Copies or uploads the file; returns the uri recorded in the version record. */
  put(file: string, key: ArtifactKey): Promise<string>;
  /** A local path holding the bytes of `uri` (downloaded when needed), not yet verified. */
  fetch(uri: string, key: ArtifactKey): Promise<string>;
}

/** What a store is made from: the registry folder, `registry.store`, GitHub access. */
export interface StoreContext {
  registryDir: string;
  config?: StoreConfig;
  /** Needed by the github-release store. */
  github?: { client: GitHubClient; repository?: string };
  cacheDir: string;
}

/** A store's name in `registry.store.type` (the schema's enum). */
export type StoreType = NonNullable<StoreConfig['type']>;

/** One kind of store: what `registry.store.type` makes for writes, and the uri scheme it reads. */
export interface StoreKind {
  /** The scheme of the uris it records (`git`, `file`, ...): reads pick the store by it. */
  scheme: string;
  /** The store new artifacts go to, from `registry.store`. */
  forWrite(ctx: StoreContext): ArtifactStore;
  /** The store that reads `uri` (whatever the config says now). */
  forUri(uri: string, ctx: StoreContext): ArtifactStore;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface FileFingerprint {
  sha256: string;
  bytes: number;
}

export async function fingerprintFile(file: string): Promise<FileFingerprint> {
  let bytes: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ModelciError('FILE', 'not a regular file', { file });
    bytes = st.size;
  } catch (e) {
    if (e instanceof ModelciError) throw e;
    throw new ModelciError('FILE', 'artifact not found', {
      file,
      hint: 'Check the path; the artifact is the trained model file (e.g. model.onnx)',
    });
  }
  return { sha256: await sha256File(file), bytes };
}

/** Throws unless the file's sha256 is the recorded one: every read goes through here. */
export async function verifySha256(file: string, expected: string, what: string): Promise<void> {
  let actual: string;
  try {
    actual = await sha256File(file);
  } catch {
    throw new ModelciError('REGISTRY', `artifact of ${what} is missing`, {
      file,
      hint: 'The store lost the file; restore it or register the model again',
    });
  }
  if (actual !== expected)
    throw new ModelciError(
      'REGISTRY',
      `sha256 mismatch for the artifact of ${what}: recorded ${expected.slice(0, 12)}…, found ${actual.slice(0, 12)}…`,
      { file, hint: 'The artifact was changed or corrupted after registration; do not deploy it' },
    );
}
