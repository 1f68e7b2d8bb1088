// Injected failures: each matching request consumes one and gets GitHub's error answer instead of
// reaching the route, so state is never changed by a faulted request.

export type FaultStatus = 500 | 502 | 403 | 429;

export interface FaultSpec {
  method?: string;
  /** Exact path (without query) or a pattern tested against it. */
  path?: string | RegExp;
  status: FaultStatus;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds for the `retry-after` header (403 and 429; default 1). */
  retryAfter?: number;
}

export interface Fault extends Required<Pick<FaultSpec, 'status' | 'times'>> {
  method?: string;
  path?: string | RegExp;
  retryAfter: number;
  remaining: number;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const DOCS = 'https://docs.github.com/rest';

export class Faults {
  private readonly list: Fault[] = [];

  inject(spec: FaultSpec): Fault {
    const times = spec.times ?? 1;
    const f: Fault = {
      ...spec,
      times,
      remaining: times,
      retryAfter: spec.retryAfter ?? 1,
    };
    this.list.push(f);
    return f;
  }

  /** Faults not yet used up; a test can assert they were all consumed. */
  pending(): Fault[] {
    return this.list.filter((f) => f.remaining > 0);
  }

  clear(): void {
    this.list.length = 0;
  }

  /** The first live fault matching this request, consumed; undefined when none matches. */
  take(method: string, path: string): FaultReply | undefined {
    const f = this.list.find(
      (x) =>
        x.remaining > 0 &&
        (!x.method || x.method.toUpperCase() === method) &&
        (x.path === undefined ||
          (typeof x.path === 'string' ? x.path === path : x.path.test(path))),
    );
    if (!f) return undefined;
    f.remaining--;
    return reply(f);
  }
}

function reply(f: Fault): FaultReply {
  const retry = { 'retry-after': String(f.retryAfter) };
  switch (f.status) {
    case 500:
      return { status: 500, headers: {}, body: { message: 'Server Error' } };
    case 502:
      return {
        status: 502,
        headers: {},
        body: { message: 'Server Error: Sorry, this diff is taking too long to generate.' },
      };
    case 403:
    case 429:
      return {
        status: f.status,
        headers: { ...retry, 'x-ratelimit-remaining': '4000', 'x-ratelimit-limit': '5000' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          status: String(f.status),
        },
      };
  }
}
