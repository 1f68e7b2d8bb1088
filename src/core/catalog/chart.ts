import { formatNumber } from '../report/number-format.js';
import { markup, joinHtml, type Html } from './html.js';

/**
 * Line charts as inline SVG: no script, no third-party host, colours from the page's CSS (so they
 * follow light and dark), an accessible name and a text summary for screen readers, and a
 * tooltip (`<title>`) on each point. A shaded band shows the 95% interval where points have one.
 */
export interface ChartPoint {
  label: string;
  value: number;
  /** Interval bounds, drawn as a band. */
  low?: number;
  high?: number;
  /** Extra class for the point (e.g. `bad` for a drifted check). */
  kind?: 'bad' | 'good';
  /** A vertical marker with this label (e.g. the stage that holds the version). */
  mark?: string;
}

export interface LineChart {
  /** Unique on the page: used for the title/description ids. */
  id: string;
  title: string;
  points: ChartPoint[];
  /** What one point is, for the summary: "version", "check". */
  unit: string;
  /** Fixed y range (e.g. [0, 1] for a share); default from the data. */
  yDomain?: [number, number];
  /** A horizontal reference line (e.g. the drift threshold). */
  threshold?: { value: number; label: string };
  /** Formats y values on the axis and in tooltips. */
  format?: (v: number) => string;
}

const W = 560;
const H = 200;
const M = { left: 56, right: 16, top: 16, bottom: 30 };
/** Above this many points, dots are left out (the line and the table carry the values). */
const MAX_DOTS = 200;

const round = (v: number): string => (Math.round(v * 10) / 10).toString();

/** About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

function domain(chart: LineChart): [number, number] {
  if (chart.yDomain) return chart.yDomain;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of chart.points)
    for (const v of [p.value, p.low, p.high])
      if (v !== undefined && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (chart.threshold) {
    lo = Math.min(lo, chart.threshold.value);
    hi = Math.max(hi, chart.threshold.value);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.abs(hi) * 0.05 || 0.5;
  return [lo - pad, hi + pad];
}

/** Summary sentence for screen readers: range, first and last, best and worst. */
export function describeChart(chart: LineChart): string {
  const fmt = chart.format ?? ((v: number) => formatNumber(v));
  const pts = chart.points;
  if (pts.length === 0) return `No ${chart.unit}s to chart.`;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  let max = first;
  let min = first;
  for (const p of pts) {
    if (p.value > max.value) max = p;
    if (p.value < min.value) min = p;
  }
  const n = `${pts.length} ${chart.unit}${pts.length === 1 ? '' : 's'}`;
  if (pts.length === 1)
    return `${chart.title}: ${fmt(first.value)} (${first.label}), 1 ${chart.unit}.`;
  return `${chart.title} over ${n}: from ${fmt(first.value)} (${first.label}) to ${fmt(last.value)} (${last.label}); highest ${fmt(max.value)} (${max.label}), lowest ${fmt(min.value)} (${min.label}).`;
}

export function renderLineChart(chart: LineChart): Html {
  const fmt = chart.format ?? ((v: number) => formatNumber(v));
  const pts = chart.points.filter((p) => Number.isFinite(p.value));
  const [lo, hi] = domain(chart);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number): number =>
    pts.length === 1 ? M.left + plotW / 2 : M.left + (i * plotW) / (pts.length - 1);
  const y = (v: number): number =>
    M.top + plotH - ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo || 1)) * plotH;

  const ticks = niceTicks(lo, hi).filter((t) => t >= lo && t <= hi);
  const grid = ticks.map(
    (t) =>
      markup`<line
          class="chart-grid"
          x1="${M.left}"
          x2="${W - M.right}"
          y1="${round(y(t))}"
          y2="${round(y(t))}"
        /><text class="chart-tick" x="${M.left - 6}" y="${round(y(t) + 4)}" text-anchor="end"
          >${fmt(t)}</text
        >`,
  );

  // Band: one polygon per run of consecutive points that have an interval.
  const bands: string[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 1) {
      const top = run.map((i) => `${round(x(i))},${round(y(pts[i]!.high!))}`);
      const bottom = run.map((i) => `${round(x(i))},${round(y(pts[i]!.low!))}`).reverse();
      bands.push([...top, ...bottom].join(' '));
    }
    run = [];
  };
  pts.forEach((p, i) => {
    if (p.low !== undefined && p.high !== undefined) run.push(i);
    else flush();
  });
  flush();

  const line = pts.map((p, i) => `${i ? 'L' : 'M'}${round(x(i))} ${round(y(p.value))}`).join('');
  const dots =
    pts.length <= MAX_DOTS
      ? pts.map((p, i) => {
          const ci =
            p.low !== undefined && p.high !== undefined ? ` [${fmt(p.low)}, ${fmt(p.high)}]` : '';
          return markup`<circle
            class="chart-point${p.kind ? ` ${p.kind}` : ''}"
            cx="${round(x(i))}"
            cy="${round(y(p.value))}"
            r="3.5"
            ><title>${p.label}: ${fmt(p.value)}${ci}</title></circle
          >`;
        })
      : [];
  // Labels of stage marks stack downwards, so marks on neighbouring versions stay readable; a
  // label near the right edge is drawn to the left of its line.
  let markNo = 0;
  const marks = pts.flatMap((p, i) => {
    if (!p.mark) return [];
    const right = x(i) > W * 0.7;
    const ly = M.top + 10 + 12 * (markNo++ % 4);
    return [
      markup`<line class="chart-mark" x1="${round(x(i))}" x2="${round(x(i))}" y1="${M.top}" y2="${M.top + plotH}"/><text class="chart-mark-label" x="${round(x(i) + (right ? -4 : 4))}" y="${ly}" text-anchor="${right ? 'end' : 'start'}">${p.mark}</text>`,
    ];
  });
  // A single point has no band: its interval is drawn as an error bar.
  const bars =
    pts.length === 1 && pts[0]!.low !== undefined && pts[0]!.high !== undefined
      ? markup`<line class="chart-bar" x1="${round(x(0))}" x2="${round(x(0))}" y1="${round(y(pts[0]!.low))}" y2="${round(y(pts[0]!.high!))}"/>`
      : '';
  const threshold = chart.threshold
    ? markup`<line
          class="chart-threshold"
          x1="${M.left}"
          x2="${W - M.right}"
          y1="${round(y(chart.threshold.value))}"
          y2="${round(y(chart.threshold.value))}"
        /><text
          class="chart-threshold-label"
          x="${M.left + 4}"
          y="${round(y(chart.threshold.value) - 4)}"
          text-anchor="start"
          >${chart.threshold.label}</text
        >`
    : '';

  // X labels: first, last and up to four between, so they never overlap.
  const labelAt = new Set<number>([0, pts.length - 1]);
  const between = Math.min(4, pts.length - 2);
  for (let k = 1; k <= between; k++)
    labelAt.add(Math.round((k * (pts.length - 1)) / (between + 1)));
  const xLabels = [...labelAt]
    .filter((i) => i >= 0 && i < pts.length)
    .sort((a, b) => a - b)
    .map(
      (i) =>
        markup`<text
          class="chart-tick"
          x="${round(x(i))}"
          y="${H - 8}"
          text-anchor="${pts.length === 1 ? 'middle' : i === 0 ? 'start' : i === pts.length - 1 ? 'end' : 'middle'}"
          >${pts[i]!.label}</text
        >`,
    );

  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  return markup`<svg
    class="chart"
    viewBox="0 0 ${W} ${H}"
    width="${W}"
    height="${H}"
    role="img"
    aria-labelledby="${titleId} ${descId}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="${titleId}">${chart.title}</title>
    <desc id="${descId}">
      ${describeChart({ ...chart, points: pts })}${bands.length || bars ? (bars ? ' The bar is the 95% interval.' : ' The shaded band is the 95% interval.') : ''}
    </desc>
    ${grid}
    <line
      class="chart-axis"
      x1="${M.left}"
      x2="${W - M.right}"
      y1="${M.top + plotH}"
      y2="${M.top + plotH}"
    />
    ${joinHtml(bands.map((b) => markup`<polygon class="chart-band" points="${b}" />`))}${bars}${threshold}${marks}
    <path class="chart-line" d="${line}" />
    ${dots}${xLabels}
  </svg>`;
}
