import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { checkName, checkVersion, isValidName, sortVersions } from '../core/registry/names.js';
import type { ModelRecord, StagePointer, VersionRecord } from '../core/registry/records.js';
import type { GitHubClient } from '../github/client.js';
import type { StoreConfig } from '../config/schema/registry.js';
import { verifySha256 } from '../store/artifact-store.js';
import { storeForUri } from '../store/index.js';
import { layout } from './layout.js';
import { readRecord } from './record-file.js';

export interface RegistryOptions {
  /** Where downloaded artifacts go (github-release store). Default: the OS temp folder. */
  cacheDir?: string;
  /** For artifacts in GitHub release assets. */
  github?: { client: GitHubClient; repository?: string };
  store?: StoreConfig;
}

/** A model with its version numbers and stage pointers, read without parsing version records. */
export interface ModelSummary {
  name: string;
  versions: string[];
  latest: string | undefined;
  /** stage -> version */
  stages: Record<string, string>;
}

/** `churn@1.2.0`, `churn#production`, `churn@latest`, `churn` (latest). */
export interface ModelRef {
  model: string;
  ref: string;
}

export function parseModelRef(text: string): ModelRef {
  const m = /^([^@#]+)([@#].*)?$/.exec(text.trim());
  if (!m)
    throw new ModelciError('INPUT', `cannot read "${text.slice(0, 80)}" as a model reference`, {
      hint: 'Use <model>, <model>@<X.Y.Z> or <model>#<stage>',
    });
  return { model: checkName(m[1]!), ref: m[2] ?? 'latest' };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Reads a registry folder (`<root>/<model>/{model.yaml,versions/,stages/,profiles/}`). Reads are
 * cheap by design: listing uses directory names, `#stage` reads one pointer and one record.
 */
export class Registry {
  readonly dir: string;
  constructor(
    dir: string,
    private readonly opts: RegistryOptions = {},
  ) {
    this.dir = resolve(dir);
  }

  /** Model names, sorted: folders with a valid name that hold a model.yaml or versions. */
  listModels(): string[] {
    return listDir(this.dir)
      .filter((n) => isValidName(n))
      .filter(
        (n) =>
          existsSync(layout.modelFile(this.dir, n)) || existsSync(layout.versionsDir(this.dir, n)),
      )
      .sort();
  }

  hasModel(name: string): boolean {
    return existsSync(layout.modelDir(this.dir, name));
  }

  /** model.yaml, or undefined when the model has none yet. */
  getModel(name: string): ModelRecord | undefined {
    const file = layout.modelFile(this.dir, name);
    if (!existsSync(file)) return undefined;
    const rec = readRecord('model', file);
    if (rec.name !== name)
      throw new ModelciError(
        'REGISTRY',
        `malformed model record: name is "${rec.name}" in the folder of "${name}"`,
        { file, path: 'name' },
      );
    return rec;
  }

  /** Version numbers, oldest first (file names only; no record is parsed). */
  listVersions(name: string): string[] {
    return sortVersions(
      listDir(layout.versionsDir(this.dir, name))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.slice(0, -5)),
    );
  }

  latestVersion(name: string): string | undefined {
    const all = this.listVersions(name);
    return all[all.length - 1];
  }

  hasVersion(name: string, version: string): boolean {
    return existsSync(layout.versionFile(this.dir, name, version));
  }

  versionFile(name: string, version: string): string {
    return layout.versionFile(this.dir, name, version);
  }

  getVersion(name: string, version: string): VersionRecord {
    const file = layout.versionFile(this.dir, name, version);
    if (!existsSync(file)) {
      if (!this.hasModel(name)) throw this.unknownModel(name);
      throw new ModelciError(
        'REGISTRY',
        `model "${name}" has no version ${checkVersion(version)}`,
        {
          hint: `Known versions: ${this.listVersions(name).slice(-10).join(', ') || 'none'}`,
        },
      );
    }
    const rec = readRecord('version', file);
    if (rec.model !== name || rec.version !== checkVersion(version))
      throw new ModelciError(
        'REGISTRY',
        `malformed version record: it says ${rec.model}@${rec.version} but its file is ${name}@${version}`,
        { file, path: rec.model !== name ? 'model' : 'version' },
      );
    return rec;
  }

  /** Stage names that have a pointer file. */
  listStageNames(name: string): string[] {
    return listDir(layout.stagesDir(this.dir, name))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .filter(isValidName)
      .sort();
  }

  getStage(name: string, stage: string): StagePointer | undefined {
    const file = layout.stageFile(this.dir, name, stage);
    if (!existsSync(file)) return undefined;
    const rec = readRecord('stage', file);
    if (rec.model !== name || rec.stage !== stage)
      throw new ModelciError(
        'REGISTRY',
        `malformed stage pointer: it says ${rec.model}#${rec.stage} but its file is ${name}#${stage}`,
        { file, path: rec.model !== name ? 'model' : 'stage' },
      );
    return rec;
  }

  listStages(name: string): Record<string, StagePointer> {
    const out: Record<string, StagePointer> = {};
    for (const s of this.listStageNames(name)) out[s] = this.getStage(name, s)!;
    return out;
  }

  summary(name: string): ModelSummary {
    const versions = this.listVersions(name);
    const stages: Record<string, string> = {};
    for (const [s, p] of Object.entries(this.listStages(name))) stages[s] = p.version;
    return { name, versions, latest: versions[versions.length - 1], stages };
  }

  /** The version number a reference names: `@1.2.0`, `1.2.0`, `#production`, `latest`, `@latest`. */
  resolveVersion(name: string, ref: string): string {
    checkName(name);
    if (ref === 'latest' || ref === '@latest' || ref === '') {
      const v = this.latestVersion(name);
      if (!v) throw this.hasModel(name) ? this.noVersions(name) : this.unknownModel(name);
      return v;
    }
    if (ref.startsWith('#')) {
      const stage = checkName(ref.slice(1), 'stage');
      const p = this.getStage(name, stage);
      if (!p) {
        if (!this.hasModel(name)) throw this.unknownModel(name);
        throw new ModelciError('REGISTRY', `stage ${stage} of "${name}" holds no version`, {
          hint: `Promote a version first: modelci promote ${name} <version> --stage ${stage}`,
        });
      }
      return p.version;
    }
    return checkVersion(ref.startsWith('@') ? ref.slice(1) : ref);
  }

  /** The version record a reference names. */
  resolve(name: string, ref: string): VersionRecord {
    return this.getVersion(name, this.resolveVersion(name, ref));
  }

  /** Path of the reference data profile of a version (the drift work writes it). */
  profilePath(name: string, version: string): string {
    return layout.profileFile(this.dir, name, version);
  }

  /** A local path holding the record's artifact, after its sha256 was verified. */
  async readArtifact(record: VersionRecord): Promise<string> {
    const key = {
      model: record.model,
      version: record.version,
      fileName: record.artifact.uri.split('/').pop() ?? 'artifact',
      sha256: record.artifact.sha256,
      bytes: record.artifact.bytes,
    };
    const store = storeForUri(record.artifact.uri, {
      registryDir: this.dir,
      cacheDir: this.opts.cacheDir ?? join(tmpdir(), 'modelci-artifacts'),
      ...(this.opts.github ? { github: this.opts.github } : {}),
      ...(this.opts.store ? { config: this.opts.store } : {}),
    });
    const path = await store.fetch(record.artifact.uri, key);
    await verifySha256(path, record.artifact.sha256, `${record.model}@${record.version}`);
    return path;
  }

  private unknownModel(name: string): ModelciError {
    const known = this.listModels();
    return new ModelciError('REGISTRY', `no model "${name}" in the registry`, {
      file: this.dir,
      hint: known.length
        ? `Known models: ${known.slice(0, 20).join(', ')}`
        : 'The registry is empty; register a model first',
    });
  }

  private noVersions(name: string): ModelciError {
    return new ModelciError('REGISTRY', `model "${name}" has no versions yet`, {
      hint: `Register one: modelci register --model ${name} --artifact <file>`,
    });
  }
}

export function openRegistry(dir: string, opts: RegistryOptions = {}): Registry {
  return new Registry(dir, opts);
}
