// An independent reader of the Prometheus text exposition format (0.0.4), strict enough to catch
// what a scraper rejects: bad names, bad label syntax, samples without a TYPE, wrong suffixes.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: string;
  help?: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`line ${line}: label without "="`);
    const name = text.slice(i, eq).trim();
    if (!LABEL_NAME.test(name)) throw new Error(`line ${line}: bad label name "${name}"`);
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label value must be quoted`);
    let j = eq + 2;
    let value = '';
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\\') {
        const next = text[++j];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`line ${line}: bad escape \\${next}`);
      } else value += text[j];
    }
    if (text[j] !== '"') throw new Error(`line ${line}: unterminated label value`);
    if (name in labels) throw new Error(`line ${line}: duplicate label ${name}`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (i < text.length) throw new Error(`line ${line}: expected "," between labels`);
  }
  return labels;
}

function parseValue(v: string, line: number): number {
  if (v === '+Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v))
    throw new Error(`line ${line}: bad value "${v}"`);
  return Number(v);
}

export function parsePrometheusText(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, Family>();
  const lines = text.split('\n');
  lines.pop();
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '') return;
    const meta = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(raw);
    if (meta) {
      const [, kind, name, rest] = meta;
      if (!NAME.test(name!)) throw new Error(`line ${line}: bad metric name ${name}`);
      const fam = families.get(name!) ?? { name: name!, type: 'untyped', samples: [] };
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest ?? ''))
          throw new Error(`line ${line}: bad type ${rest}`);
        if (fam.samples.length) throw new Error(`line ${line}: TYPE after samples of ${name}`);
        fam.type = rest!;
      } else fam.help = rest ?? '';
      families.set(name!, fam);
      return;
    }
    if (raw.startsWith('#')) return;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(raw);
    if (!m) throw new Error(`line ${line}: not a sample: ${raw}`);
    const [, name, labelText, value] = m;
    const base = [...families.keys()].find(
      (f) =>
        f === name ||
        (families.get(f)!.type === 'histogram' &&
          [`${f}_bucket`, `${f}_sum`, `${f}_count`].includes(name!)),
    );
    if (!base) throw new Error(`line ${line}: sample ${name} has no TYPE line before it`);
    families.get(base)!.samples.push({
      name: name!,
      labels: labelText ? parseLabels(labelText, line) : {},
      value: parseValue(value!, line),
    });
  });
  for (const fam of families.values()) {
    if (fam.type !== 'histogram') continue;
    // Buckets are cumulative and the +Inf bucket equals _count, per series.
    const bySeries = new Map<string, Sample[]>();
    for (const s of fam.samples.filter((s) => s.name.endsWith('_bucket'))) {
      const { le: _le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      bySeries.set(key, [...(bySeries.get(key) ?? []), s]);
    }
    for (const [key, buckets] of bySeries) {
      for (let i = 1; i < buckets.length; i++)
        if (buckets[i]!.value < buckets[i - 1]!.value)
          throw new Error(`${fam.name}${key}: buckets are not cumulative`);
      const inf = buckets.find((b) => b.labels.le === '+Inf');
      const count = fam.samples.find(
        (s) => s.name === `${fam.name}_count` && JSON.stringify(s.labels) === key,
      );
      if (!inf || !count || inf.value !== count.value)
        throw new Error(`${fam.name}${key}: +Inf bucket must equal _count`);
    }
  }
  return families;
}
