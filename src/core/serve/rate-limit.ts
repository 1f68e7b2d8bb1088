/**
 * Token buckets per client (API key or address): each holds up to `burst` tokens and refills at
 * `rate` per second; a request takes one. Pure: the caller passes the clock.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly rate: number,
    readonly burst: number,
    /** Buckets kept at most; full ones (equal to a fresh bucket) are dropped first. */
    private readonly maxClients = 100_000,
  ) {}

  /** 0 when the request may go ahead; otherwise the seconds until the next token. */
  take(client: string, nowMs: number): number {
    let b = this.buckets.get(client);
    if (!b) {
      if (this.buckets.size >= this.maxClients) this.evict(nowMs);
      b = { tokens: this.burst, at: nowMs };
      this.buckets.set(client, b);
    } else {
      b.tokens = Math.min(this.burst, b.tokens + ((nowMs - b.at) / 1000) * this.rate);
      b.at = nowMs;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.rate;
  }

  private evict(nowMs: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((nowMs - b.at) / 1000) * this.rate >= this.burst) this.buckets.delete(k);
    // Every bucket busy: drop the oldest, so memory stays bounded whatever the clients do.
    if (this.buckets.size >= this.maxClients)
      this.buckets.delete(this.buckets.keys().next().value!);
  }

  get clients(): number {
    return this.buckets.size;
  }
}

/** `100/s`, `100` (per second), `6000/min` or `3600/h`: requests per second; undefined if not a rate. */
export function parseRate(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute|h|hour))?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const per = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 }[
    (m[2] ?? 's') as 's'
  ];
  return n > 0 ? n / per : undefined;
}
