import type * as ActionsCacheModule from '@actions/cache';

/** Folders saved and restored across workflow runs (what onnx/runtime.ts's FolderCache needs). */
export interface ActionsCache {
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

/**
 * @actions/cache (with its HTTP client, undici and the twirp/protobuf code: ~1 MB of bundle) loads
 * only when a cache is really read or written: an action that never needs it does not parse it.
 */
const loadCache = (): Promise<typeof ActionsCacheModule> =>
  import(/* webpackChunkName: "actions-cache" */ '@actions/cache');

/**
 * @actions/cache needs the runner's cache service (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL plus
 * ACTIONS_RUNTIME_TOKEN). Without it (local runs, tests) there is no cache: callers carry on.
 * Answered from the environment alone; the module's own check runs when the cache is used.
 */
export function actionsCacheAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL) && !!env.ACTIONS_RUNTIME_TOKEN;
}

/** The runner's cache, or undefined without one; restore finds nothing when the service says no. */
export function createActionsCache(env: NodeJS.ProcessEnv = process.env): ActionsCache | undefined {
  if (!actionsCacheAvailable(env)) return undefined;
  return {
    restore: async (paths, key) => {
      const cache = await loadCache();
      return cache.isFeatureAvailable() ? cache.restoreCache(paths, key) : undefined;
    },
    save: async (paths, key) => {
      const cache = await loadCache();
      if (cache.isFeatureAvailable()) await cache.saveCache(paths, key);
    },
  };
}
