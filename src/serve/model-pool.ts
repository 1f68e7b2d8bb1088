import { ProtocolError } from '../core/serve/protocol.js';
import { LoadedModel, type ModelSource } from './loaded-model.js';
import type { ServerMetrics } from './metrics.js';
import { ServedModel } from './served-model.js';

export interface LoadOptions {
  /** Load as the canary with this share of traffic. */
  canaryWeight?: number;
}

/**
 * The models a server holds, by name: loads (serialised per name, so two swaps cannot interleave),
 * hot swaps, canaries, and the `model_info` series that mirror what is loaded.
 */
export class ModelPool {
  private readonly models = new Map<string, ServedModel>();
  private readonly loads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly opts: { threads?: number; log?: (line: string) => void } = {},
  ) {}

  get(name: string): ServedModel | undefined {
    return this.models.get(name);
  }

  get size(): number {
    return this.models.size;
  }

  all(): ServedModel[] {
    return [...this.models.values()];
  }

  /** Loads a model version as the stable version of `source.name` (replacing any, hot). */
  load(source: ModelSource, params: LoadOptions = {}): Promise<LoadedModel> {
    const previous = this.loads.get(source.name) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.loadNow(source, params));
    this.loads.set(source.name, run);
    return run;
  }

  private async loadNow(source: ModelSource, params: LoadOptions): Promise<LoadedModel> {
    let next: LoadedModel;
    try {
      next = await LoadedModel.load(source, { threads: this.opts.threads ?? 1 });
    } catch (e) {
      this.metrics.swaps.inc({ model: source.name, outcome: 'failed' });
      throw e;
    }
    const served = this.models.get(source.name);
    if (!served) {
      if (params.canaryWeight !== undefined) {
        await next.dispose();
        throw new ProtocolError(
          400,
          `model "${source.name}" has no stable version yet; load one before a canary`,
        );
      }
      this.models.set(source.name, new ServedModel(source.name, next));
    } else if (params.canaryWeight !== undefined) {
      served.setCanary(next, params.canaryWeight);
    } else {
      served.swapStable(next);
    }
    this.metrics.swaps.inc({ model: source.name, outcome: 'loaded' });
    this.refreshInfo(source.name);
    this.opts.log?.(
      `loaded ${source.name} version ${source.version}${params.canaryWeight !== undefined ? ` as canary (weight ${params.canaryWeight})` : ''}`,
    );
    return next;
  }

  /** Sends all of a model's traffic back to its stable version. */
  removeCanary(name: string): void {
    this.models.get(name)?.setCanary(undefined, 0);
    this.refreshInfo(name);
  }

  private refreshInfo(name: string): void {
    const served = this.models.get(name);
    this.metrics.modelInfo.remove({ model: name });
    if (!served) return;
    const s = served.stable;
    this.metrics.modelInfo.set(
      { model: name, version: s.version, sha256: s.sha256, role: 'stable', weight: '' },
      1,
    );
    const c = served.canary;
    if (c)
      this.metrics.modelInfo.set(
        {
          model: name,
          version: c.model.version,
          sha256: c.model.sha256,
          role: 'canary',
          weight: String(c.weight),
        },
        1,
      );
  }

  /** Waits for loads under way, then releases every session once its requests finish. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.loads.values()]);
    for (const served of this.models.values()) served.retireAll();
  }
}
