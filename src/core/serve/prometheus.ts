/**
 * A minimal Prometheus registry rendered in the text exposition format (version 0.0.4): counters,
 * gauges and histograms with labels. Hand-written to keep the server free of dependencies.
 */

export type Labels = Record<string, string>;

interface Series<V> {
  labels: Labels;
  value: V;
}

interface HistogramValue {
  buckets: number[];
  sum: number;
  count: number;
}

// Label names cannot hold `=` and each value is length-prefixed, so different label sets never
// share a key. Several series are touched per request: JSON.stringify of sorted entries was ~5%
// of a small request's time; the names usually come in order already.
function key(labels: Labels): string {
  const names = Object.keys(labels);
  for (let i = 1; i < names.length; i++)
    if (names[i - 1]! > names[i]!) {
      names.sort();
      break;
    }
  let k = '';
  for (const n of names) {
    const v = labels[n]!;
    k += `${n}=${v.length}:${v},`;
  }
  return k;
}

/** Label values escape backslash, double quote and newline (exposition format rules). */
export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  if (extra) parts.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function num(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) return 'NaN';
  return String(v);
}

function helpText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

abstract class Metric<V> {
  protected readonly series = new Map<string, Series<V>>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  protected at(labels: Labels, init: () => V): Series<V> {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels: { ...labels }, value: init() };
      this.series.set(k, s);
    }
    return s;
  }
  abstract render(): string[];
}

/** One series of a counter, found once: for code that counts per request. */
export interface BoundCounter {
  inc(by?: number): void;
}

/** One series of a histogram, found once. */
export interface BoundHistogram {
  observe(value: number): void;
}

export class Counter extends Metric<number> {
  inc(labels: Labels = {}, by = 1): void {
    this.at(labels, () => 0).value += by;
  }
  /** The series of these labels (counters never drop a series, so it stays valid). */
  bind(labels: Labels): BoundCounter {
    const s = this.at(labels, () => 0);
    return {
      inc: (by = 1) => {
        s.value += by;
      },
    };
  }
  /** For totals kept elsewhere and read at scrape time (CPU seconds from the OS). */
  set(labels: Labels, total: number): void {
    this.at(labels, () => 0).value = total;
  }
  get(labels: Labels = {}): number {
    return this.series.get(key(labels))?.value ?? 0;
  }
  render(): string[] {
    return [
      `# HELP ${this.name} ${helpText(this.help)}`,
      `# TYPE ${this.name} counter`,
      ...[...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${num(s.value)}`),
    ];
  }
}

export class Gauge extends Metric<number> {
  set(labels: Labels, value: number): void {
    this.at(labels, () => 0).value = value;
  }
  inc(labels: Labels = {}, by = 1): void {
    this.at(labels, () => 0).value += by;
  }
  dec(labels: Labels = {}, by = 1): void {
    this.at(labels, () => 0).value -= by;
  }
  get(labels: Labels = {}): number {
    return this.series.get(key(labels))?.value ?? 0;
  }
  /** Drops every series whose labels include these (e.g. a version that was swapped out). */
  remove(match: Labels): void {
    for (const [k, s] of this.series)
      if (Object.entries(match).every(([n, v]) => s.labels[n] === v)) this.series.delete(k);
  }
  render(): string[] {
    return [
      `# HELP ${this.name} ${helpText(this.help)}`,
      `# TYPE ${this.name} gauge`,
      ...[...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${num(s.value)}`),
    ];
  }
}

export class Histogram extends Metric<HistogramValue> {
  constructor(
    name: string,
    help: string,
    readonly bounds: number[],
  ) {
    super(name, help);
  }
  observe(labels: Labels, value: number): void {
    this.add(this.seriesOf(labels).value, value);
  }
  /** The series of these labels (histograms never drop a series, so it stays valid). */
  bind(labels: Labels): BoundHistogram {
    const s = this.seriesOf(labels);
    return { observe: (value) => this.add(s.value, value) };
  }
  private seriesOf(labels: Labels): Series<HistogramValue> {
    return this.at(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
  }
  private add(h: HistogramValue, value: number): void {
    for (let i = 0; i < this.bounds.length; i++) if (value <= this.bounds[i]!) h.buckets[i]!++;
    h.sum += value;
    h.count++;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${helpText(this.help)}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.bounds.forEach((b, i) =>
        lines.push(
          `${this.name}_bucket${labelText(s.labels, ['le', num(b)])} ${s.value.buckets[i]}`,
        ),
      );
      lines.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.value.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${num(s.value.sum)}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.value.count}`);
    }
    return lines;
  }
}

/** Renders metrics one family after another; the body ends with a newline as the format requires. */
export function renderExposition(metrics: { render(): string[] }[]): string {
  return metrics.flatMap((m) => m.render()).join('\n') + '\n';
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
