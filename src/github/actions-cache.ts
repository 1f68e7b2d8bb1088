import * as cache from '@actions/cache';

/** Folders saved and restored across workflow runs (what onnx/runtime.ts's FolderCache needs). */
export interface ActionsCache {
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

/**
 * @actions/cache needs the runner's cache service (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL plus
 * ACTIONS_RUNTIME_TOKEN). Without it (local runs, tests) there is no cache: callers carry on.
 */
export function actionsCacheAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    !!(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL) &&
    !!env.ACTIONS_RUNTIME_TOKEN &&
    cache.isFeatureAvailable()
  );
}

export function createActionsCache(env: NodeJS.ProcessEnv = process.env): ActionsCache | undefined {
  if (!actionsCacheAvailable(env)) return undefined;
  return {
    restore: (paths, key) => cache.restoreCache(paths, key),
    save: async (paths, key) => {
      await cache.saveCache(paths, key);
    },
  };
}
