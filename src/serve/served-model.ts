import { routesToCanary } from '../core/serve/canary.js';
import type { LoadedModel } from './loaded-model.js';
import { routingPoint } from './routing-point.js';

/**
 * A model name as clients see it: the stable version, optionally a canary that takes a share of
 * the traffic, and optionally a shadow that runs every request beside them without answering. Swapping replaces a pointer between two requests (JS runs one at a time), so no
 * request sees a half-loaded model; the old version is released after its requests finish.
 */
export class ServedModel {
  private sequence = 0;
  /** Requests for this name being read or checked: the ones a waiting batch could still get. */
  private arriving = 0;
  private canaryModel: LoadedModel | undefined;
  private canaryWeight = 0;
  private shadowModel: LoadedModel | undefined;

  constructor(
    readonly name: string,
    private stableModel: LoadedModel,
  ) {}

  get stable(): LoadedModel {
    return this.stableModel;
  }

  get canary(): { model: LoadedModel; weight: number } | undefined {
    return this.canaryModel ? { model: this.canaryModel, weight: this.canaryWeight } : undefined;
  }

  get shadow(): LoadedModel | undefined {
    return this.shadowModel;
  }

  /** The versions that answer requests (stable first): a shadow never does. */
  get versions(): LoadedModel[] {
    return this.canaryModel ? [this.stableModel, this.canaryModel] : [this.stableModel];
  }

  /** Every version held in memory: the answering ones and the shadow. */
  get loaded(): LoadedModel[] {
    return this.shadowModel ? [...this.versions, this.shadowModel] : this.versions;
  }

  /** The canary share requests are routed with now (0 without a canary). */
  get weight(): number {
    return this.canaryWeight;
  }

  /** The version that answers this request, already acquired: call `release()` when done. */
  route(id: string | undefined, version?: string): LoadedModel | undefined {
    let chosen: LoadedModel | undefined;
    if (version !== undefined) chosen = this.versions.find((m) => m.version === version);
    else if (
      this.canaryModel &&
      routesToCanary(this.canaryWeight, routingPoint(id), this.sequence++)
    )
      chosen = this.canaryModel;
    else chosen = this.stableModel;
    chosen?.acquire();
    return chosen;
  }

  /** Makes `next` the stable version; returns the one it replaced (already retired). */
  swapStable(next: LoadedModel): LoadedModel {
    const old = this.stableModel;
    this.stableModel = next;
    if (old !== next && old !== this.canaryModel && old !== this.shadowModel) old.retire();
    return old;
  }

  /** Sets (or with no model, removes) the shadow version. */
  setShadow(next: LoadedModel | undefined): LoadedModel | undefined {
    const old = this.shadowModel;
    this.shadowModel = next;
    if (old && old !== next && old !== this.stableModel && old !== this.canaryModel) old.retire();
    return old;
  }

  /** Sets (or with weight 0 / no model, removes) the canary version. */
  setCanary(next: LoadedModel | undefined, weight: number): LoadedModel | undefined {
    const old = this.canaryModel;
    this.canaryModel = next && weight > 0 ? next : undefined;
    this.canaryWeight = this.canaryModel ? weight : 0;
    if (old && old !== this.canaryModel && old !== this.stableModel && old !== this.shadowModel)
      old.retire();
    if (next && !this.canaryModel && next !== this.stableModel) next.retire();
    return old;
  }

  /** A request for this name started; call `arrived()` once it is handed over or has failed. */
  incoming(): void {
    this.arriving++;
  }

  /**
   * The request reached the model (or failed before): true when no other is on its way, and then
   * batches waiting for company run now.
   */
  arrived(): boolean {
    this.arriving--;
    if (this.arriving > 0) return false;
    for (const m of this.versions) m.flushBatches();
    return true;
  }

  retireAll(): void {
    for (const m of this.loaded) m.retire();
  }
}
