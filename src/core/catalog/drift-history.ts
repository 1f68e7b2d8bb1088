import type { CatalogProblem, DriftCheck } from './types.js';

/**
 * Drift checks from history files (`modelci drift --history`, a JSON list of
 * `{at, drifted, share, n_drifted, n_tested, run_url?, model?, threshold?}`), sorted by model.
 * A file given as `<model>=<file>` holds that model's checks; otherwise each entry's `model`
 * says, or the registry's only model. Entries that cannot be read are problems, not failures.
 */
export function driftChecks(
  data: unknown,
  file: string,
  forModel: string | undefined,
  models: string[],
): { checks: Map<string, DriftCheck[]>; problems: CatalogProblem[] } {
  const checks = new Map<string, DriftCheck[]>();
  const problems: CatalogProblem[] = [];
  const problem = (message: string, model?: string): void => {
    problems.push({ file, message, ...(model ? { model } : {}) });
  };
  if (!Array.isArray(data)) {
    problem('drift history is not a JSON list of checks; its checks are not shown', forModel);
    return { checks, problems };
  }
  const only = models.length === 1 ? models[0] : undefined;
  data.forEach((raw: unknown, i) => {
    const e = raw as Record<string, unknown>;
    const valid =
      e !== null &&
      typeof e === 'object' &&
      typeof e.at === 'string' &&
      typeof e.drifted === 'boolean' &&
      typeof e.share === 'number' &&
      Number.isFinite(e.share) &&
      typeof e.n_drifted === 'number' &&
      typeof e.n_tested === 'number';
    if (!valid) {
      problem(
        `[${i}]: not a drift check (needs at, drifted, share, n_drifted, n_tested)`,
        forModel,
      );
      return;
    }
    const model = forModel ?? (typeof e.model === 'string' ? e.model : only);
    if (!model) {
      problem(`[${i}]: names no model; pass the file as <model>=${file}`);
      return;
    }
    if (!models.includes(model)) {
      problem(`[${i}]: model "${model}" is not in the registry`);
      return;
    }
    const check: DriftCheck = {
      at: e.at as string,
      drifted: e.drifted as boolean,
      share: e.share as number,
      n_drifted: e.n_drifted as number,
      n_tested: e.n_tested as number,
      source: file,
      model,
      ...(typeof e.run_url === 'string' ? { run_url: e.run_url } : {}),
      ...(typeof e.threshold === 'number' ? { threshold: e.threshold } : {}),
      ...(typeof e.performance_drifted === 'boolean'
        ? { performance_drifted: e.performance_drifted }
        : {}),
    };
    const list = checks.get(model) ?? [];
    list.push(check);
    checks.set(model, list);
  });
  return { checks, problems };
}

/** Oldest first, one check per time and model (the same file given twice adds nothing). */
export function mergeDriftChecks(lists: DriftCheck[][]): DriftCheck[] {
  const byAt = new Map<string, DriftCheck>();
  for (const list of lists) for (const c of list) byAt.set(c.at, c);
  return [...byAt.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
