import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { readContract } from '../config/contract-file.js';
import { loadConfig, resolveModel, type LoadedConfig } from '../config/load.js';
import { renderContractYaml } from '../core/contract/contract-yaml.js';
import { inferContract } from '../core/contract/infer.js';
import type { ContractFile } from '../core/contract/schema.js';
import { ModelciError } from '../core/errors.js';
import type { TableProfile } from '../core/profile/table-profile.js';
import { openRegistry } from '../registry/index.js';
import { registrySettings } from '../registry/settings.js';
import { isProfilePath, profileFile, readProfile, type ProfileProgress } from './profile.js';

/**
 * `modelci contract infer`: a contract from data, a profile JSON, or the profile stored with a
 * registered version, written as commented YAML for the team to edit and commit.
 */
export interface InferContractOptions {
  /** Data or a profile JSON; absent: the profile stored with `version` in the registry. */
  data?: string;
  model?: string;
  /** Registry version whose stored profile is used when `data` is absent (default latest). */
  version?: string;
  registry?: string;
  config?: string;
  configExplicit?: boolean;
  /** Where the YAML goes; default `<registry>/<model>/contract.yaml`. */
  out?: string;
  /** Replace an existing contract (it may hold the team's edits). */
  force?: boolean;
  label?: string;
  id?: string;
  margin?: number;
  onProgress?: (p: ProfileProgress) => void;
}

export interface InferContractResult {
  file: string;
  /** What the contract was inferred from. */
  source: string;
  rows: number;
  contract: ContractFile;
}

/** The model's contract file: `models.<m>.contract`, else `<registry>/<m>/contract.yaml`. */
export function modelContractPath(loaded: LoadedConfig, model: string, registry?: string): string {
  const own = loaded.config.models[model]?.contract;
  if (own) return own;
  return join(registry ?? registrySettings(loaded.config.registry).path, model, 'contract.yaml');
}

export async function runInferContract(opts: InferContractOptions): Promise<InferContractResult> {
  const loaded = loadConfig(opts.config, { explicit: opts.configExplicit ?? false });
  const named = opts.model !== undefined || Object.keys(loaded.config.models).length > 0;
  const { name, model } = resolveModel(loaded, opts.model);
  const registryDir = opts.registry ?? registrySettings(loaded.config.registry).path;
  if (!opts.out && !named)
    throw new ModelciError('USAGE', 'where should the contract go?', {
      hint: 'Pass --out <contract.yaml>, or --model <name> to write <registry>/<name>/contract.yaml',
    });
  const out = opts.out ?? modelContractPath(loaded, name, opts.registry);
  if (existsSync(out) && !opts.force)
    throw new ModelciError('INPUT', 'a contract is already there (it may hold the team’s edits)', {
      file: out,
      hint: 'Pass --force to replace it, or --out another file',
    });
  const { profile, source } = await referenceProfile(opts, name, registryDir);
  if (profile.rows === 0)
    throw new ModelciError('DATA', 'the data is empty: no rows to infer a contract from', {
      file: source,
    });
  const label = opts.label ?? model.data.label;
  if (opts.id !== undefined && !profile.columns.has(opts.id))
    throw new ModelciError('INPUT', `no column "${opts.id}" to be the id`, {
      file: source,
      hint: `Columns are: ${[...profile.columns.keys()].slice(0, 20).join(', ')}`,
    });
  const { contract, notes } = inferContract(profile, {
    ...(opts.margin !== undefined ? { margin: opts.margin } : {}),
    ...(label ? { label } : {}),
    ...(opts.id !== undefined ? { id: opts.id } : {}),
    ...(named ? { model: name } : {}),
    source,
  });
  mkdirSync(dirname(out), { recursive: true });
  // What is written must read back with the loader `validate` uses; nothing half-written if not.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(
    tmp,
    /\.json$/i.test(out)
      ? JSON.stringify(contract, null, 2) + '\n'
      : renderContractYaml(contract, notes),
  );
  try {
    readContract(tmp);
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { file: out, source, rows: profile.rows, contract };
}

async function referenceProfile(
  opts: InferContractOptions,
  model: string,
  registryDir: string,
): Promise<{ profile: TableProfile; source: string }> {
  if (opts.data !== undefined) {
    if (isProfilePath(opts.data)) return { profile: readProfile(opts.data), source: opts.data };
    const { profile } = await profileFile(
      opts.data,
      opts.onProgress ? { onProgress: opts.onProgress } : {},
    );
    return { profile, source: opts.data };
  }
  const registry = openRegistry(registryDir);
  const version = registry.resolveVersion(model, opts.version ?? 'latest');
  const file = registry.profilePath(model, version);
  if (!existsSync(file))
    throw new ModelciError('INPUT', `no profile is stored with ${model} ${version}`, {
      file,
      hint: 'Pass --data <training data or profile.json>, or register versions with a profile (modelci register --profile-data)',
    });
  // Relative to the checkout when inside it: the source is written into the committed YAML.
  const shown = relative(process.cwd(), file);
  const where = shown.startsWith('..') || isAbsolute(shown) ? file : shown;
  return { profile: readProfile(file), source: `${model}@${version} (${where})` };
}
