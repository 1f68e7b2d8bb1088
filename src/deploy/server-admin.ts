import { ModelciError } from '../core/errors.js';

/** A model version the server can load: a file it may read, its label and digest. */
export interface LoadSource {
  uri: string;
  version: string;
  sha256: string;
}

/**
 * The repository (admin) API and the metrics of a running `modelci serve`, as the deploy target
 * and the progressive rollout use them. The admin token comes from MODELCI_SERVE_ADMIN_TOKEN, the
 * API key (metadata and /metrics of a server started with --api-keys) from MODELCI_SERVE_API_KEY.
 */
export class ServerAdmin {
  private readonly adminToken: string | undefined;
  private readonly apiKey: string | undefined;

  constructor(
    readonly base: string,
    opts: { adminToken?: string; apiKey?: string; env?: NodeJS.ProcessEnv } = {},
  ) {
    const env = opts.env ?? process.env;
    this.adminToken = opts.adminToken ?? env.MODELCI_SERVE_ADMIN_TOKEN ?? env.MODELCI_SERVE_TOKEN;
    this.apiKey = opts.apiKey ?? env.MODELCI_SERVE_API_KEY;
  }

  private async call(
    path: string,
    parameters: Record<string, unknown>,
    what: string,
    timeoutMs = 120_000,
  ): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.adminToken ? { authorization: `Bearer ${this.adminToken}` } : {}),
      },
      body: JSON.stringify({ parameters }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status !== 200)
      throw new ModelciError(
        'DEPLOY',
        `the server at ${this.base} refused to ${what}: HTTP ${res.status} ${typeof body.error === 'string' ? body.error : ''}`.trim(),
      );
    return body;
  }

  private model(name: string, action: 'load' | 'unload'): string {
    return `/v2/repository/models/${encodeURIComponent(name)}/${action}`;
  }

  /** Hot-swaps the stable version. */
  async loadStable(model: string, s: LoadSource, timeoutMs?: number): Promise<void> {
    await this.call(this.model(model, 'load'), { ...s }, `load version ${s.version}`, timeoutMs);
  }

  /** Loads (or, already loaded, re-weights) the canary. */
  async loadCanary(model: string, s: LoadSource, weight: number): Promise<void> {
    await this.call(
      this.model(model, 'load'),
      { ...s, canary_weight: weight },
      `load version ${s.version} as a canary`,
    );
  }

  /** A new share for the canary already loaded: the server keeps its session (no reload). */
  async setCanaryWeight(model: string, version: string, weight: number): Promise<void> {
    await this.call(
      this.model(model, 'load'),
      { version, canary_weight: weight },
      `give canary ${version} a share of ${weight}`,
    );
  }

  async loadShadow(model: string, s: LoadSource): Promise<void> {
    await this.call(
      this.model(model, 'load'),
      { ...s, shadow: true },
      `load version ${s.version} as a shadow`,
    );
  }

  /** Sends every request back to the stable version. */
  async removeCanary(model: string): Promise<void> {
    await this.call(this.model(model, 'unload'), { role: 'canary' }, 'remove the canary');
  }

  /** The version answering as stable, and the canary's if any; undefined for an unknown model. */
  async versions(
    model: string,
  ): Promise<{ stable: string; canary: string | undefined } | undefined> {
    const res = await fetch(`${this.base}/v2/models/${encodeURIComponent(model)}`, {
      headers: this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {},
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 404) return undefined;
    const body = (await res.json().catch(() => ({}))) as { versions?: string[] };
    if (!res.ok || !body.versions?.length)
      throw new ModelciError(
        'DEPLOY',
        `the server at ${this.base} did not describe "${model}": HTTP ${res.status}`,
      );
    return { stable: body.versions[0]!, canary: body.versions[1] };
  }

  /** The Prometheus text of /metrics. */
  async metrics(): Promise<string> {
    const res = await fetch(`${this.base}/metrics`, {
      headers: this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {},
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok)
      throw new ModelciError(
        'DEPLOY',
        `the server at ${this.base} answered /metrics with HTTP ${res.status}`,
      );
    return res.text();
  }
}
