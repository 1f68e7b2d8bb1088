import { Counter, Gauge, Histogram, renderExposition } from '../core/serve/prometheus.js';

// Seconds; spans sub-millisecond loopback calls up to slow batch requests.
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** The server's Prometheus metrics; names follow the `modelci_serve_` prefix. */
export class ServerMetrics {
  readonly requests = new Counter(
    'modelci_serve_requests_total',
    'Inference requests by model, version, canary role and HTTP status code.',
  );
  readonly errors = new Counter(
    'modelci_serve_errors_total',
    'Requests answered with an error, by model and reason (client, server, too_large, timeout).',
  );
  readonly latency = new Histogram(
    'modelci_serve_request_duration_seconds',
    'Inference request latency from the first body byte to the response, in seconds.',
    LATENCY_BUCKETS,
  );
  readonly rows = new Counter('modelci_serve_rows_total', 'Rows predicted, by model and version.');
  readonly modelInfo = new Gauge(
    'modelci_serve_model_info',
    'Loaded model versions (value 1); role is stable or canary, weight the canary share.',
  );
  readonly inflight = new Gauge('modelci_serve_inflight_requests', 'Requests being processed.');
  readonly swaps = new Counter(
    'modelci_serve_model_loads_total',
    'Model loads and hot swaps, by model and outcome.',
  );

  render(): string {
    return renderExposition([
      this.requests,
      this.errors,
      this.latency,
      this.rows,
      this.modelInfo,
      this.inflight,
      this.swaps,
    ]);
  }
}
