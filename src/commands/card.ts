import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readRegistryHistory } from '../catalog/git-history.js';
import { catalogRuns, readCatalogModel } from '../catalog/read-catalog.js';
import type { ModelciConfig } from '../config/schema/index.js';
import { concerns } from '../core/catalog/audit-log.js';
import { buildModelCard } from '../core/catalog/card.js';
import { renderCardMarkdown } from '../core/catalog/card-markdown.js';
import { openRegistry, parseModelRef } from '../registry/registry.js';
import { registrySettings } from '../registry/settings.js';

/** `modelci card <model>@<version>`: one version's Model Card as Markdown with Hugging Face metadata. */
export interface RunCardOptions {
  /** `churn@1.2.0`, `churn#production`, `churn` (latest). */
  ref: string;
  registry?: string;
  /** modelci.yaml as loaded (card texts, registry path). */
  config?: ModelciConfig;
  /** Also write the Markdown to this file (e.g. README.md of a model hub repository). */
  out?: string;
  /** Links commits and pull requests (`https://github.com/acme/models`). */
  repositoryUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CardResult {
  model: string;
  version: string;
  markdown: string;
  file?: string;
}

export async function runCard(options: RunCardOptions): Promise<CardResult> {
  const config: ModelciConfig = options.config ?? { version: 1 };
  const reg = openRegistry(options.registry ?? registrySettings(config.registry).path);
  const { model, ref } = parseModelRef(options.ref);
  const version = reg.resolveVersion(model, ref);
  // Unlike the site, one card is all this command makes: an unreadable record is an error here.
  const record = reg.getVersion(model, version);
  const entry = readCatalogModel(reg, model, config, []);
  const history = await readRegistryHistory(reg.dir, options.env ?? process.env);
  entry.history = history?.audit.filter((e) => concerns(e, model)) ?? [];
  entry.runs = catalogRuns(entry, history?.runs.get(model));
  const markdown = renderCardMarkdown(buildModelCard(entry, record), {
    ...(options.repositoryUrl ? { repositoryUrl: options.repositoryUrl } : {}),
  });
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, markdown);
  }
  return { model, version, markdown, ...(options.out ? { file: options.out } : {}) };
}
