import {
  Counter,
  Gauge,
  Histogram,
  renderExposition,
  type BoundCounter,
  type BoundHistogram,
} from '../core/serve/prometheus.js';
import { collectProcessMetrics, ProcessMetrics } from './process-metrics.js';

// Seconds; spans sub-millisecond loopback calls up to slow batch requests.
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
// Rows per session.run: 1 unbatched, up to --batch-max-rows when requests are coalesced.
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** One reason per failed request, from the status code that was sent (499: nothing was sent). */
const REASONS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'timeout',
  413: 'too_large',
  429: 'rate_limited',
  499: 'client_closed',
  500: 'server',
  503: 'unavailable',
};

export function errorReason(code: number): string {
  return REASONS[code] ?? (code >= 500 ? 'server' : 'client');
}

/** The labels every inference series carries; empty version/role when no version was chosen. */
export interface InferenceLabels extends Record<string, string> {
  model: string;
  version: string;
  role: string;
}

interface InferenceSeries {
  requests: BoundCounter;
  latency: BoundHistogram;
  errors: BoundCounter | undefined;
}

type Tree<T> = Map<string, Tree<T> | T>;

/**
 * The value under a path of label values, made on first use. Per request, finding a series by a
 * key built from its labels (plus the spread that added `code`) cost more than the rest of the
 * metrics: this walks maps of strings the server already holds.
 */
function memo<T>(root: Tree<T>, path: string[], make: () => T): T {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    let next = node.get(path[i]!) as Tree<T> | undefined;
    if (!next) node.set(path[i]!, (next = new Map()));
    node = next;
  }
  const last = path[path.length - 1]!;
  let value = node.get(last) as T | undefined;
  if (value === undefined) node.set(last, (value = make()));
  return value;
}

/** The server's Prometheus metrics; names follow the `modelci_serve_` prefix. */
export class ServerMetrics {
  readonly requests = new Counter(
    'modelci_serve_requests_total',
    'Inference requests by model, version, role (stable or canary) and the HTTP status code sent (499: the client closed the connection first).',
  );
  readonly errors = new Counter(
    'modelci_serve_errors_total',
    'Inference requests answered with an error, by model, version, role and one reason per status code.',
  );
  readonly latency = new Histogram(
    'modelci_serve_request_duration_seconds',
    'Inference request latency from the request to the answer, in seconds, by model, version, role and code.',
    LATENCY_BUCKETS,
  );
  readonly http = new Counter(
    'modelci_serve_http_requests_total',
    'Every HTTP answer by handler (infer, metadata, health, repository, metrics, other, connection) and status code; connection is a request the HTTP parser refused (400) or timed out (408).',
  );
  readonly rows = new Counter(
    'modelci_serve_rows_total',
    'Rows predicted, by model, version and role (stable, canary, or shadow: run beside the answer).',
  );
  readonly batchRows = new Histogram(
    'modelci_serve_batch_rows',
    'Rows per onnxruntime run, by model and version (above a request’s rows when requests were batched).',
    BATCH_BUCKETS,
  );
  readonly logRows = new Counter(
    'modelci_serve_prediction_log_rows_total',
    'Prediction log rows by model and outcome (written, or dropped over the per-request byte cap).',
  );
  readonly modelInfo = new Gauge(
    'modelci_serve_model_info',
    'Loaded model versions (value 1); role is stable, canary or shadow, weight the canary share.',
  );
  readonly inflight = new Gauge(
    'modelci_serve_inflight_requests',
    'Inference requests being processed (scrapes and probes are not counted).',
  );
  readonly shadowRuns = new Counter(
    'modelci_serve_shadow_runs_total',
    'Requests run again on a shadow version after their answer, by model, version and outcome (ok, failed, or dropped because the shadow queue was full).',
  );
  readonly shadowDuration = new Histogram(
    'modelci_serve_shadow_duration_seconds',
    'Shadow run time in seconds, by model and version (not part of any answer).',
    LATENCY_BUCKETS,
  );
  readonly shadowQueue = new Gauge(
    'modelci_serve_shadow_queue',
    'Shadow runs waiting (bounded by --shadow-queue; runs beyond it are dropped).',
  );
  readonly swaps = new Counter(
    'modelci_serve_model_loads_total',
    'Model loads and hot swaps, by model and outcome (loaded or failed).',
  );
  private readonly process = new ProcessMetrics();
  private readonly inferenceSeries: Tree<InferenceSeries> = new Map();
  private readonly rowSeries: Tree<BoundCounter> = new Map();
  private readonly httpSeries: Tree<BoundCounter> = new Map();

  /** Counts one answered inference request in the counters and the histogram, with one label set. */
  recordInference(labels: InferenceLabels, code: number, seconds: number): void {
    const { model, version, role } = labels;
    const s = memo(this.inferenceSeries, [model, version, role, String(code)], () => {
      const withCode = { model, version, role, code: String(code) };
      return {
        requests: this.requests.bind(withCode),
        latency: this.latency.bind(withCode),
        errors:
          code >= 400
            ? this.errors.bind({ model, version, role, reason: errorReason(code) })
            : undefined,
      };
    });
    s.requests.inc();
    s.latency.observe(seconds);
    s.errors?.inc();
  }

  /** Counts the rows of one answered request (or shadow run: role `shadow`). */
  countRows(labels: InferenceLabels, rows: number): void {
    const { model, version, role } = labels;
    memo(this.rowSeries, [model, version, role], () =>
      this.rows.bind({ model, version, role }),
    ).inc(rows);
  }

  /** Counts one HTTP answer by handler and status code. */
  countHttp(handler: string, code: number): void {
    memo(this.httpSeries, [handler, String(code)], () =>
      this.http.bind({ handler, code: String(code) }),
    ).inc();
  }

  render(): string {
    collectProcessMetrics(this.process);
    return renderExposition([
      this.requests,
      this.errors,
      this.latency,
      this.http,
      this.rows,
      this.batchRows,
      this.logRows,
      this.modelInfo,
      this.inflight,
      this.shadowRuns,
      this.shadowDuration,
      this.shadowQueue,
      this.swaps,
      ...this.process.all(),
    ]);
  }
}
