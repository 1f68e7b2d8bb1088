/** One sample of a Prometheus text exposition: the series name, its labels and value. */
export interface ExpositionSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/y;

function unescape(v: string): string {
  return v.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function number(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/**
 * The samples of a Prometheus text exposition (format 0.0.4): what `modelci serve` writes on
 * /metrics, read back by the progressive rollout. Comments and blank lines are skipped; a line that
 * is not a sample is an error naming it.
 */
export function parseExposition(text: string): ExpositionSample[] {
  const out: ExpositionSample[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = LINE.exec(line);
    if (!m)
      throw new SyntaxError(`line ${i + 1} of the metrics is not a sample: ${line.slice(0, 80)}`);
    const labels: Record<string, string> = {};
    const body = m[2] ?? '';
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const l = LABEL.exec(body);
      if (!l)
        throw new SyntaxError(
          `line ${i + 1} of the metrics has malformed labels: ${body.slice(0, 80)}`,
        );
      labels[l[1]!] = unescape(l[2]!);
    }
    out.push({ name: m[1]!, labels, value: number(m[3]!) });
  });
  return out;
}
