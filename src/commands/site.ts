import { join } from 'node:path';
import { readCatalog } from '../catalog/read-catalog.js';
import { writeSite } from '../catalog/write-site.js';
import type { ModelciConfig } from '../config/schema/index.js';
import { renderSite } from '../core/catalog/render-site.js';
import { sitePaths } from '../core/catalog/paths.js';
import type { CatalogProblem } from '../core/catalog/types.js';
import { registrySettings } from '../registry/settings.js';

/** `modelci site` / the site action: the registry, its git history and drift history as a static site. */
export interface RunSiteOptions {
  /** Where the site goes; replaced whole on every build. */
  out: string;
  /** Registry folder; default `registry.path` from the config. */
  registry?: string;
  /** modelci.yaml as loaded (card texts, stage order, registry path). */
  config?: ModelciConfig;
  /** Drift history files (`modelci drift --history`), each `<file>` or `<model>=<file>`. */
  driftHistory?: string[];
  title?: string;
  /** Links commits and pull requests (`https://github.com/acme/models`), from the run environment. */
  repositoryUrl?: string;
  /** ISO time of the build; default now. */
  now?: string;
  /** For git. */
  env?: NodeJS.ProcessEnv;
}

export interface SiteResult {
  out: string;
  /** The page to open: `<out>/index.html`. */
  index: string;
  pages: number;
  bytes: number;
  models: number;
  versions: number;
  /** Registry and drift files that could not be read (shown on the site too). */
  problems: CatalogProblem[];
  notes: string[];
}

export async function runSite(options: RunSiteOptions): Promise<SiteResult> {
  const config: ModelciConfig = options.config ?? { version: 1 };
  const registry = options.registry ?? registrySettings(config.registry).path;
  const { data, notes } = await readCatalog({
    registry,
    config,
    now: options.now ?? new Date().toISOString(),
    ...(options.driftHistory ? { driftHistory: options.driftHistory } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.repositoryUrl ? { repositoryUrl: options.repositoryUrl } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const written = writeSite(options.out, renderSite(data));
  return {
    out: options.out,
    index: join(options.out, sitePaths.catalog),
    pages: written.files,
    bytes: written.bytes,
    models: data.models.length,
    versions: data.models.reduce((n, m) => n + m.versions.length, 0),
    problems: data.problems,
    notes,
  };
}
