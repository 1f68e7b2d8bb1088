import { ModelciError } from '../core/errors.js';
import { ProtocolError, type MetadataTensor } from '../core/serve/protocol.js';
import type { BoundHistogram } from '../core/serve/prometheus.js';
import type { BatchPolicy } from './batcher.js';
import { LoadedModel, type ModelSource } from './loaded-model.js';
import type { ServerMetrics } from './metrics.js';
import { ServedModel } from './served-model.js';

export interface LoadOptions {
  /** Load as the canary with this share of traffic. */
  canaryWeight?: number;
  /** Load as the shadow: runs every request after its answer, never answers. */
  shadow?: boolean;
}

function roleOf(params: LoadOptions): 'stable' | 'canary' | 'shadow' {
  return params.shadow ? 'shadow' : params.canaryWeight !== undefined ? 'canary' : 'stable';
}

function describeInputs(inputs: MetadataTensor[]): string {
  return inputs.map((t) => `${t.name} ${t.datatype} [${t.shape.join(', ')}]`).join(', ');
}

/** Why two input lists differ (names, datatypes, shapes), or undefined when they are equal. */
function inputsDiffer(expected: MetadataTensor[], actual: MetadataTensor[]): string | undefined {
  const key = (ts: MetadataTensor[]) =>
    JSON.stringify(
      [...ts].sort((a, b) => (a.name < b.name ? -1 : 1)).map((t) => [t.name, t.datatype, t.shape]),
    );
  if (key(expected) === key(actual)) return undefined;
  return `its inputs are ${describeInputs(actual)}; the served version takes ${describeInputs(expected)}`;
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
    private readonly opts: {
      threads?: number;
      batch?: BatchPolicy;
      log?: (line: string) => void;
    } = {},
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
    // Found on the first run (a version that never runs shows no series), then kept.
    let runs: BoundHistogram | undefined;
    try {
      next = await LoadedModel.load(source, {
        threads: this.opts.threads ?? 1,
        ...(this.opts.batch ? { batch: this.opts.batch } : {}),
        onRun: (rows) =>
          (runs ??= this.metrics.batchRows.bind({
            model: source.name,
            version: source.version,
          })).observe(rows),
      });
    } catch (e) {
      this.metrics.swaps.inc({ model: source.name, outcome: 'failed' });
      throw e;
    }
    const served = this.models.get(source.name);
    const role = roleOf(params);
    // Clients send one request shape to a name: a canary or shadow that needs other inputs than
    // the stable version would fail every request it gets (and a new stable one, the others').
    const others = role === 'stable' ? [served?.canary?.model, served?.shadow] : [served?.stable];
    for (const other of others) {
      const mismatch = other && inputsDiffer(other.signature.inputs, next.signature.inputs);
      if (!mismatch) continue;
      await next.dispose();
      this.metrics.swaps.inc({ model: source.name, outcome: 'failed' });
      throw new ModelciError(
        'MODEL',
        `version ${source.version} of "${source.name}" cannot serve beside ${other.version}: ${mismatch}`,
        {
          file: source.file,
          hint:
            role === 'stable'
              ? 'Remove the canary and the shadow first (unload) or load a version with their inputs'
              : `A ${role} must take the same inputs as the stable version`,
        },
      );
    }
    if (!served) {
      if (role !== 'stable') {
        await next.dispose();
        throw new ProtocolError(
          400,
          `model "${source.name}" has no stable version yet; load one before a ${role}`,
        );
      }
      this.models.set(source.name, new ServedModel(source.name, next));
    } else if (role === 'canary') {
      served.setCanary(next, params.canaryWeight!);
    } else if (role === 'shadow') {
      served.setShadow(next);
    } else {
      served.swapStable(next);
    }
    this.metrics.swaps.inc({ model: source.name, outcome: 'loaded' });
    this.refreshInfo(source.name);
    this.opts.log?.(
      `loaded ${source.name} version ${source.version}${role === 'canary' ? ` as canary (weight ${params.canaryWeight})` : role === 'shadow' ? ' as shadow' : ''}`,
    );
    return next;
  }

  /** Sends all of a model's traffic back to its stable version. */
  removeCanary(name: string): void {
    this.models.get(name)?.setCanary(undefined, 0);
    this.refreshInfo(name);
  }

  /** Routes `weight` of a model's requests to the canary it has. */
  setCanaryWeight(name: string, weight: number): void {
    const served = this.models.get(name);
    const canary = served?.canary;
    if (!served || !canary) return;
    served.setCanary(canary.model, weight);
    this.refreshInfo(name);
    this.opts.log?.(`canary ${canary.model.version} of ${name} now takes ${weight} of requests`);
  }

  /** Stops running a model's requests on its shadow. */
  removeShadow(name: string): void {
    this.models.get(name)?.setShadow(undefined);
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
    const shadow = served.shadow;
    if (shadow)
      this.metrics.modelInfo.set(
        { model: name, version: shadow.version, sha256: shadow.sha256, role: 'shadow', weight: '' },
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
