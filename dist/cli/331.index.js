export const id = 331;
export const ids = [331];
export const modules = {

/***/ 5453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentCommand: () => (/* binding */ commentCommand)
});

// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/report/markdown.ts
/**
 * Escaping for text that comes from data or users (metric names, values, params, labels) before it
 * goes into GitHub-flavoured Markdown. The result is inline text that cannot open a tag, a code
 * span, a link or emphasis, cannot end a table cell, and cannot ping anyone.
 */
/** Zero-width space after `@`: GitHub only pings `@name` when the name follows the `@` directly. */
const MENTION_BREAK = '&#8203;';
/** Longest piece of untrusted text put in one table cell; the full text goes to <details>. */
const MAX_CELL_CHARS = 120;
function escapeText(text, maxChars = Infinity) {
    // eslint-disable-next-line no-control-regex
    let s = text.replace(/\r\n?|\n|\t/g, ' ').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '');
    if (s.length > maxChars)
        s = `${s.slice(0, Math.max(0, maxChars - 1))}…`;
    return s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
        .replace(/@/g, `@${MENTION_BREAK}`);
}
/** Text for a table cell: one line, escaped, shortened. */
function cell(text, maxChars = MAX_CELL_CHARS) {
    const s = escapeText(text, maxChars);
    return s === '' ? ' ' : s;
}
/** A GFM table; cells must already be escaped with `cell()` or built from trusted text. */
function table(header, align, rows) {
    const sep = align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : ':---'));
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(sep), ...rows.map(line)].join('\n');
}
/** A link destination built from our own URL pieces; encodes what would end the link early. */
function safeUrl(url) {
    return url.replace(/[\s()<>"'`\\]/g, (c) => encodeURIComponent(c));
}
function details(summary, body) {
    return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

;// CONCATENATED MODULE: ./src/core/report/direction.ts
/** Default directions by a metric's last key segment (lowercased); `*` matches any suffix. */
const DEFAULT_DIRECTIONS = [
    [/^(balanced_)?accuracy(_.*)?$/, 'higher'],
    [/^precision(_.*)?$/, 'higher'],
    [/^recall(_.*)?$/, 'higher'],
    [/^f1(_.*)?$/, 'higher'],
    [/^((roc|pr)_)?auc(_.*)?$/, 'higher'],
    [/^average_precision$/, 'higher'],
    [/^r2$/, 'higher'],
    [/^((log|val|train|test)_)?loss$/, 'lower'],
    [/^(rmse|mse|mae|mape|brier|brier_score)$/, 'lower'],
    [/^latency(_.*)?$/, 'lower'],
];
/** `eval.per_class[2].f1` -> `f1`; `scores[0]` -> `scores`. */
function lastSegment(key) {
    const noIndex = key.replace(/(\[\d+\])+$/, '');
    const dot = noIndex.lastIndexOf('.');
    return dot === -1 ? noIndex : noIndex.slice(dot + 1);
}
/**
 * Higher or lower is better for a flattened key: the configured direction by full key, then by
 * last segment, then the defaults for common names; undefined when nobody knows.
 */
function metricDirection(key, configured = {}) {
    const last = lastSegment(key);
    const own = Object.hasOwn(configured, key)
        ? configured[key]
        : Object.hasOwn(configured, last)
            ? configured[last]
            : undefined;
    if (own)
        return own;
    const name = last.toLowerCase();
    return DEFAULT_DIRECTIONS.find(([re]) => re.test(name))?.[1];
}

;// CONCATENATED MODULE: ./src/core/report/metric-diff.ts

function isNumber(v) {
    return typeof v === 'number' && Number.isFinite(v);
}
/**
 * Unchanged when |delta| is within the larger of the absolute tolerance and the relative tolerance
 * times |base| (the `math.isclose` rule), else better or worse by the direction.
 */
function verdictOf(base, head, direction, opts = {}) {
    const delta = head - base;
    const allowed = Math.max(opts.tolerance ?? 0, (opts.relativeTolerance ?? 0) * Math.abs(base));
    if (Math.abs(delta) <= allowed)
        return 'unchanged';
    if (!direction)
        return undefined;
    return delta > 0 === (direction === 'higher') ? 'better' : 'worse';
}
/** One row per metric: head's keys in order, then metrics only the base has. */
function diffMetrics(base, head, opts = {}) {
    const rows = [];
    for (const [key, h] of head) {
        if (!base.has(key)) {
            rows.push({ kind: 'added', key, head: h });
            continue;
        }
        const b = base.get(key);
        if (isNumber(b) && isNumber(h)) {
            const direction = metricDirection(key, opts.directions);
            rows.push({
                kind: 'numeric',
                key,
                base: b,
                head: h,
                delta: h - b,
                relative: b === 0 ? null : (h - b) / Math.abs(b),
                direction,
                verdict: verdictOf(b, h, direction, opts),
            });
        }
        else {
            rows.push({ kind: 'text', key, base: b, head: h, changed: !Object.is(b, h) });
        }
    }
    for (const [key, b] of base)
        if (!head.has(key))
            rows.push({ kind: 'removed', key, base: b });
    return rows;
}
function countVerdicts(rows) {
    const n = { better: 0, worse: 0, unchanged: 0, added: 0, removed: 0 };
    for (const r of rows) {
        if (r.kind === 'added')
            n.added++;
        else if (r.kind === 'removed')
            n.removed++;
        else if (r.kind === 'numeric' && r.verdict)
            n[r.verdict]++;
    }
    return n;
}

;// CONCATENATED MODULE: ./src/core/report/number-format.ts
/** Default significant digits shown in tables. */
const DEFAULT_PRECISION = 4;
/** A number rounded to `precision` significant digits; integers are shown whole. */
function formatNumber(v, precision = DEFAULT_PRECISION) {
    if (!Number.isFinite(v))
        return String(v);
    if (Number.isInteger(v) && Math.abs(v) < 1e12)
        return String(v);
    const x = Number(v.toPrecision(precision));
    if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e12))
        return x.toExponential(precision - 1).replace(/\.?0+e/, 'e');
    return String(x);
}
/** `+0.0128`, `-3`, `0`. */
function formatSigned(v, precision = DEFAULT_PRECISION) {
    const s = formatNumber(v, precision);
    return v > 0 ? `+${s}` : s;
}
/** A relative change as a signed percentage with 3 significant digits; `n/a` for a zero base. */
function formatPercent(relative) {
    if (relative === null)
        return 'n/a';
    return `${formatSigned(relative * 100, 3)}%`;
}

;// CONCATENATED MODULE: ./src/core/report/metrics-table.ts



const VERDICT_LABEL = {
    better: '✅ better',
    worse: '❌ worse',
    unchanged: '➖ unchanged',
};
/** Changed, but nobody said whether higher or lower is better. */
const NO_DIRECTION_LABEL = '❔ changed';
const MISSING = '—';
function shown(v, precision) {
    if (typeof v === 'number' && Number.isFinite(v))
        return formatNumber(v, precision);
    return cell(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
}
function full(v) {
    return cell(typeof v === 'string' ? v : String(v), 2000);
}
/** One table line per row: metric | base | head | Δ | Δ% | verdict. */
function metricRowCells(r, precision) {
    const name = cell(r.key);
    switch (r.kind) {
        case 'numeric':
            return [
                name,
                formatNumber(r.base, precision),
                formatNumber(r.head, precision),
                formatSigned(r.delta, precision),
                formatPercent(r.relative),
                r.verdict ? VERDICT_LABEL[r.verdict] : NO_DIRECTION_LABEL,
            ];
        case 'text':
            return [
                name,
                shown(r.base, precision),
                shown(r.head, precision),
                ' ',
                ' ',
                r.changed ? 'changed (not a number)' : VERDICT_LABEL.unchanged,
            ];
        case 'added':
            return [name, MISSING, shown(r.head, precision), ' ', ' ', '🆕 added'];
        case 'removed':
            return [name, shown(r.base, precision), MISSING, ' ', ' ', '🗑️ removed'];
    }
}
/** `cache` keeps each row's line across the re-renders of truncation. */
function metricsTable(rows, precision, cache = new Map()) {
    const head = table(['metric', 'base', 'head', 'Δ', 'Δ%', 'verdict'], ['left', 'right', 'right', 'right', 'right', 'left'], []);
    const lineOf = (r) => {
        let line = cache.get(r);
        if (line === undefined)
            cache.set(r, (line = `| ${metricRowCells(r, precision).join(' | ')} |`));
        return line;
    };
    return `${head}\n${rows.map(lineOf).join('\n')}`;
}
/** Every value unrounded, for the collapsed section. */
function fullValuesTable(rows) {
    return table(['metric', 'base', 'head'], ['left', 'right', 'right'], rows.map((r) => [
        cell(r.key, 2000),
        r.kind === 'added' ? MISSING : full(r.base),
        r.kind === 'removed' ? MISSING : full(r.head),
    ]));
}
/** `**1 worse** · 3 better · 2 unchanged · 1 added`: the line a reviewer reads first. */
function verdictSummary(rows) {
    const n = countVerdicts(rows);
    const parts = [];
    if (n.worse)
        parts.push(`**${n.worse} worse**`);
    if (n.better)
        parts.push(`${n.better} better`);
    if (n.unchanged)
        parts.push(`${n.unchanged} unchanged`);
    const unknown = rows.filter((r) => r.kind === 'numeric' && !r.verdict).length;
    if (unknown)
        parts.push(`${unknown} changed without a known direction`);
    const text = rows.filter((r) => r.kind === 'text').length;
    if (text)
        parts.push(`${text} not numeric`);
    if (n.added)
        parts.push(`${n.added} added`);
    if (n.removed)
        parts.push(`${n.removed} removed`);
    return parts.length ? parts.join(' · ') : 'no metrics';
}
/** Rows a truncated table keeps first: what a reviewer must see (regressions) before the rest. */
function rowPriority(r) {
    if (r.kind === 'numeric')
        return r.verdict === 'worse' ? 0 : r.verdict === 'better' ? 1 : r.verdict ? 5 : 2;
    if (r.kind === 'text')
        return r.changed ? 3 : 5;
    return 4;
}

;// CONCATENATED MODULE: ./src/core/report/evaluation-markdown.ts



const evaluation_markdown_MISSING = '—';
function interval(ci, precision, signed = false) {
    if (!ci)
        return '';
    const f = signed ? formatSigned : formatNumber;
    return ` [${f(ci[0], precision)}, ${f(ci[1], precision)}]`;
}
function withCi(m, precision) {
    return m ? `${formatNumber(m.value, precision)}${interval(m.ci, precision)}` : evaluation_markdown_MISSING;
}
function formatPValue(p) {
    if (!Number.isFinite(p))
        return evaluation_markdown_MISSING;
    return p < 0.001 ? '< 0.001' : formatNumber(p, 2);
}
function comparisonCells(c, precision) {
    if (!c)
        return [evaluation_markdown_MISSING, evaluation_markdown_MISSING, evaluation_markdown_MISSING, ' '];
    return [
        `${formatSigned(c.delta, precision)}${interval(c.ci_delta, precision, true)}`,
        formatPercent(c.relative_delta),
        `${formatPValue(c.p_value)} (${c.test === 'mcnemar' ? 'McNemar' : 'paired bootstrap'})`,
        c.verdict ? VERDICT_LABEL[c.verdict] : NO_DIRECTION_LABEL,
    ];
}
/** Metrics with intervals; with a baseline, the paired comparison and its significance. */
function reportMetricsTable(r, precision) {
    const names = Object.keys(r.metrics);
    if (!r.baseline_metrics && !r.comparison)
        return table(['metric', 'value (95% CI)'], ['left', 'right'], names.map((n) => [cell(n), withCi(r.metrics[n], precision)]));
    for (const n of Object.keys(r.baseline_metrics ?? {}))
        if (!names.includes(n))
            names.push(n);
    return table(['metric', 'baseline', 'candidate (95% CI)', 'Δ (95% CI)', 'Δ%', 'p', 'verdict'], ['left', 'right', 'right', 'right', 'right', 'right', 'left'], names.map((n) => {
        const c = r.comparison?.[n];
        const baseline = r.baseline_metrics?.[n] ?? (c ? { value: c.baseline } : undefined);
        return [
            cell(n),
            withCi(baseline, precision),
            withCi(r.metrics[n], precision),
            ...comparisonCells(c, precision),
        ];
    }));
}
function gatesSection(g) {
    const failed = g.results.filter((x) => !x.passed).length;
    const head = g.passed
        ? `**Gates: ✅ passed** (${g.results.length} of ${g.results.length})`
        : `**Gates: ❌ failed** (${failed} of ${g.results.length} failed)`;
    if (g.results.length === 0)
        return head;
    return `${head}\n\n${table(['gate', 'result', 'reason'], ['left', 'left', 'left'], g.results.map((x) => [cell(x.gate), x.passed ? '✅ pass' : '❌ fail', cell(x.reason, 300)]))}`;
}
/** Only slices that regressed: a slice that got worse while the total did not is the point. */
function sliceRegressions(slices, precision) {
    const rows = [];
    for (const s of slices) {
        if (!s.regressed)
            continue;
        const worse = Object.entries(s.comparison ?? {}).filter(([, c]) => c.verdict === 'worse');
        const shown = worse.length ? worse : Object.entries(s.comparison ?? {}).slice(0, 1);
        if (shown.length === 0)
            rows.push([cell(`${s.column} = ${s.value}`), String(s.rows), ' ', ' ', ' ', ' ', ' ']);
        for (const [metric, c] of shown)
            rows.push([
                cell(`${s.column} = ${s.value}`),
                String(s.rows),
                cell(metric),
                formatNumber(c.baseline, precision),
                formatNumber(c.candidate, precision),
                formatSigned(c.delta, precision),
                formatPValue(c.p_value),
            ]);
    }
    if (rows.length === 0)
        return undefined;
    return `**Slice regressions**\n\n${table(['slice', 'rows', 'metric', 'baseline', 'candidate', 'Δ', 'p'], ['left', 'right', 'left', 'right', 'right', 'right', 'right'], rows)}`;
}
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return u === 0 ? `${n} B` : `${formatNumber(v, 3)} ${units[u]}`;
}
function tensors(list) {
    return list
        .map((t) => cell(`${t.name}: ${t.type}[${t.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`, 200))
        .join('<br>');
}
function fingerprint(f) {
    if (!f)
        return evaluation_markdown_MISSING;
    const rows = f.rows === undefined ? '' : `, ${f.rows} rows`;
    return `${cell(f.path, 80)} (${cell(f.sha256.slice(0, 12))}, ${formatBytes(f.bytes)}${rows})`;
}
function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
/** What changed between the baseline and the candidate model, besides the metrics. */
function modelDiff(r) {
    const c = r.candidate;
    const b = r.baseline;
    const rows = [];
    const sizeDelta = b && b.model.bytes > 0
        ? ` (${formatPercent((c.model.bytes - b.model.bytes) / b.model.bytes)})`
        : '';
    rows.push([
        'size',
        b ? formatBytes(b.model.bytes) : evaluation_markdown_MISSING,
        `${formatBytes(c.model.bytes)}${sizeDelta}`,
    ]);
    rows.push([
        'sha256',
        b ? cell(b.model.sha256.slice(0, 12)) : evaluation_markdown_MISSING,
        cell(c.model.sha256.slice(0, 12)),
    ]);
    const io = (k) => !b ? evaluation_markdown_MISSING : same(b.signature[k], c.signature[k]) ? 'unchanged' : tensors(b.signature[k]);
    rows.push(['inputs', io('inputs'), tensors(c.signature.inputs)]);
    rows.push(['outputs', io('outputs'), tensors(c.signature.outputs)]);
    if (r.dataset.training_data || b?.training_data)
        rows.push([
            'training data',
            b ? fingerprint(b.training_data) : evaluation_markdown_MISSING,
            fingerprint(r.dataset.training_data),
        ]);
    const bp = b?.params ?? {};
    const cp = c.params ?? {};
    for (const k of [...new Set([...Object.keys(bp), ...Object.keys(cp)])]) {
        if (b && same(bp[k], cp[k]))
            continue;
        const v = (x) => x === undefined ? evaluation_markdown_MISSING : cell(JSON.stringify(x) ?? String(x), 80);
        rows.push([`param ${cell(k, 60)}`, b ? v(bp[k]) : evaluation_markdown_MISSING, v(cp[k])]);
    }
    if (!b)
        return `**Model**\n\n${table([' ', 'candidate'], ['left', 'left'], rows.map((x) => [x[0], x[2]]))}`;
    const baseName = `baseline${b.version ? ` ${cell(b.version)}` : ''} (${cell(b.source, 60)})`;
    return `**Model diff**\n\n${table([' ', baseName, 'candidate'], ['left', 'left', 'left'], rows)}`;
}
/** The evaluation report as Markdown sections: metrics, gates, slice regressions, model diff. */
function renderEvaluationReport(r, precision) {
    const d = r.dataset;
    const parts = [
        `Evaluated on ${cell(d.path, 80)} (${d.rows ?? '?'} rows${d.dropped_rows ? `, ${d.dropped_rows} dropped` : ''}, label ${cell(d.label)}; ${r.bootstrap.resamples} bootstrap resamples, ${formatNumber(r.bootstrap.confidence * 100, 3)}% intervals)`,
    ];
    const verdicts = Object.values(r.comparison ?? {}).map((c) => c.verdict);
    if (verdicts.length) {
        const n = (v) => verdicts.filter((x) => x === v).length;
        const counts = [
            n('worse') ? `**${n('worse')} worse**` : '',
            n('better') ? `${n('better')} better` : '',
            n('unchanged') ? `${n('unchanged')} unchanged` : '',
        ];
        parts.push(`${counts.filter(Boolean).join(' · ')} than the baseline`);
    }
    parts.push(reportMetricsTable(r, precision));
    if (r.gates)
        parts.push(gatesSection(r.gates));
    const slices = r.slices ? sliceRegressions(r.slices, precision) : undefined;
    if (slices)
        parts.push(slices);
    parts.push(modelDiff(r));
    return parts.join('\n\n');
}
/** Comparisons that got worse: counted as regressions like the file diff's. */
function reportRegressions(r) {
    return Object.values(r.comparison ?? {}).filter((c) => c.verdict === 'worse').length;
}

;// CONCATENATED MODULE: ./src/core/report/flatten.ts

/**
 * Flattens nested DVC-style metrics to dotted keys. Arrays get an index segment, `a[0]`, the same
 * notation error messages use for key paths; an empty object or array contributes nothing.
 */
function flattenMetrics(data, prefix = '', out = new Map()) {
    if (Array.isArray(data)) {
        data.forEach((v, i) => flattenMetrics(v, `${prefix}[${i}]`, out));
    }
    else if (data !== null && typeof data === 'object' && !(data instanceof Date)) {
        for (const [k, v] of Object.entries(data))
            flattenMetrics(v, prefix ? `${prefix}.${k}` : k, out);
    }
    else if (prefix !== '') {
        out.set(prefix, toScalar(data));
    }
    return out;
}
function toScalar(v) {
    if (v === null || v === undefined)
        return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
        return v;
    if (v instanceof Date)
        return v.toISOString();
    return String(v);
}
/**
 * Merges several metrics files into one flat set. The same key in two files is an error naming
 * both, since silently picking one would compare the wrong numbers.
 */
function mergeMetricSources(sources) {
    const merged = new Map();
    const origin = new Map();
    for (const { file, data } of sources) {
        if (data === undefined || data === null)
            throw new errors/* ModelciError */.wN('DATA', 'no metrics in file (it is empty)', {
                file,
                hint: 'Write the metrics as a JSON or YAML mapping, e.g. {"accuracy": 0.91}',
            });
        if (typeof data !== 'object')
            throw new errors/* ModelciError */.wN('DATA', `metrics must be a mapping, got a ${typeof data}`, {
                file,
                hint: 'Write the metrics as a JSON or YAML mapping, e.g. {"accuracy": 0.91}',
            });
        const flat = flattenMetrics(data);
        if (flat.size === 0)
            throw new errors/* ModelciError */.wN('DATA', 'no metrics in file (no values found)', {
                file,
                hint: 'Write the metrics as a JSON or YAML mapping, e.g. {"accuracy": 0.91}',
            });
        for (const [key, value] of flat) {
            const first = origin.get(key);
            if (first !== undefined)
                throw new errors/* ModelciError */.wN('DATA', `metric "${key}" is also in ${first}`, {
                    file,
                    path: key,
                    hint: 'Give each metric in one file only, or pass the files for one side only',
                });
            origin.set(key, file);
            merged.set(key, value);
        }
    }
    return merged;
}

;// CONCATENATED MODULE: ./src/core/report/history.ts



/** Most points a chart shows; older ones are dropped so the axis stays readable. */
const MAX_CHART_POINTS = 30;
/** Validates a history file's parsed content: a list of `{commit|label, metrics}`. */
function parseHistory(data, file) {
    const hint = 'Write a list of {commit: <sha>, metrics: {...}} or {label: <name>, metrics: {...}}';
    if (!Array.isArray(data))
        throw new errors/* ModelciError */.wN('DATA', 'history must be a list of entries', { file, hint });
    return data.map((entry, i) => {
        const path = `[${i}]`;
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
            throw new errors/* ModelciError */.wN('DATA', 'history entry must be a mapping', { file, path, hint });
        const e = entry;
        const label = e.label ?? e.commit;
        if (typeof label !== 'string' || label === '')
            throw new errors/* ModelciError */.wN('DATA', 'history entry needs a "commit" or "label" string', {
                file,
                path,
                hint,
            });
        if (e.metrics === null || typeof e.metrics !== 'object')
            throw new errors/* ModelciError */.wN('DATA', 'history entry needs a "metrics" mapping', {
                file,
                path: `${path}.metrics`,
                hint,
            });
        const commit = typeof e.commit === 'string' ? e.commit : undefined;
        // A bare commit is shown short, the way GitHub shows commits.
        const shown = typeof e.label === 'string' ? e.label : label.slice(0, 7);
        return { label: shown, ...(commit ? { commit } : {}), metrics: flattenMetrics(e.metrics) };
    });
}
/** The metric's points in history order, plus the head value unless history already ends at it. */
function historySeries(history, metric, head) {
    const points = [];
    for (const h of history) {
        const v = h.metrics.get(metric);
        if (isNumber(v))
            points.push({ label: h.label, value: v });
    }
    const last = history[history.length - 1];
    if (head && isNumber(head.value) && !(head.commit && last?.commit === head.commit))
        points.push({ label: 'this PR', value: head.value });
    return points.slice(-MAX_CHART_POINTS);
}
/** Mermaid text must stay inside its quotes and its code fence: keep a small safe alphabet. */
function chartText(s, max = 24) {
    const t = s.replace(/[^A-Za-z0-9 ._:/+-]/g, '_').trim();
    return t.length > max ? `${t.slice(0, max - 1)}_` : t || '_';
}
/** Plain decimal notation (Mermaid's number parser does not take exponents). */
function plain(v, precision) {
    const x = Number(v.toPrecision(precision));
    const s = String(x);
    if (!/e/i.test(s))
        return s;
    return x
        .toFixed(Math.min(20, Math.max(0, precision - Math.floor(Math.log10(Math.abs(x))))))
        .replace(/\.?0+$/, '');
}
/** A Mermaid `xychart-beta` line chart of one metric; undefined with fewer than two points. */
function historyChart(metric, points, precision = 6) {
    if (points.length < 2)
        return undefined;
    const values = points.map((p) => p.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const pad = max > min ? (max - min) * 0.1 : Math.abs(max) * 0.05 || 1;
    // Round the axis outwards on a step a tenth of the padded range, so every point stays inside.
    const exp = Math.floor(Math.log10(max - min + 2 * pad)) - 1;
    const step = 10 ** exp;
    const decimals = Math.max(0, -exp);
    const lo = (Math.floor((min - pad) / step) * step).toFixed(decimals);
    const hi = (Math.ceil((max + pad) / step) * step).toFixed(decimals);
    const name = chartText(metric, 40);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${name} history"`,
        `    x-axis [${points.map((p) => `"${chartText(p.label)}"`).join(', ')}]`,
        `    y-axis "${name}" ${lo} --> ${hi}`,
        `    line [${values.map((v) => plain(v, precision)).join(', ')}]`,
        '```',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/core/report/marker.ts
/**
 * The hidden marker that lets the comment find itself on the next run: one comment per model and
 * workflow. Names are URI-encoded so no name can end the HTML comment or match another's marker.
 */
function commentMarker(model, workflow) {
    return `<!-- modelci:comment model=${encodeURIComponent(model)} workflow=${encodeURIComponent(workflow)} -->`;
}

;// CONCATENATED MODULE: ./src/core/report/comment.ts







/** GitHub refuses issue comments longer than this many characters. */
const COMMENT_MAX_CHARS = 65_536;
/** GitHub refuses a step summary larger than 1 MiB. */
const SUMMARY_MAX_BYTES = 1024 * 1024;
const encoder = new TextEncoder();
function utf8Length(s) {
    return encoder.encode(s).length;
}
function footer(model, links) {
    const parts = [`modelci comment for ${cell(model)}`];
    const sha = links?.sha && /^[0-9a-f]{7,64}$/i.test(links.sha) ? links.sha : undefined;
    if (sha)
        parts.push(links?.commitUrl
            ? `commit [${sha.slice(0, 7)}](${safeUrl(links.commitUrl)})`
            : `commit ${sha.slice(0, 7)}`);
    if (links?.runUrl)
        parts.push(`[workflow run](${safeUrl(links.runUrl)})`);
    return `<sub>${parts.join(' · ')}</sub>`;
}
function assemble(c, s, precision, cache) {
    const parts = [commentMarker(c.model, c.workflow), `### 📊 modelci · ${cell(c.model)}`];
    if (c.report)
        parts.push(renderEvaluationReport(c.report, precision));
    const all = c.rows;
    if (all) {
        if (c.report)
            parts.push('**Metrics files**');
        parts.push(verdictSummary(all));
        if (s.rows && s.rows.length)
            parts.push(metricsTable(s.rows, precision, cache));
        if (s.rows?.some((r) => r.kind === 'numeric' && !r.verdict))
            parts.push(`<sub>${NO_DIRECTION_LABEL}: changed, but higher or lower is not known to be better; set \`metrics.directions\` in modelci.yaml.</sub>`);
    }
    if (s.chart && c.chart) {
        const chart = historyChart(c.chart.metric, c.chart.points);
        if (chart)
            parts.push(chart);
    }
    if (s.details && all && all.length)
        parts.push(details(`All values (${all.length} metrics, unrounded)`, fullValuesTable(all)));
    if (s.note)
        parts.push(`> [!NOTE]\n> ${s.note}`);
    parts.push(footer(c.model, c.links));
    return `${parts.join('\n\n')}\n`;
}
/** Row indices, most important first (regressions), then in their original order. */
function priorityOrder(rows) {
    return rows
        .map((_, i) => i)
        .sort((a, b) => rowPriority(rows[a]) - rowPriority(rows[b]) || a - b);
}
/** The `n` most important rows, shown in their original order. */
function keep(rows, order, n) {
    const kept = new Uint8Array(rows.length);
    for (const i of order.slice(0, n))
        kept[i] = 1;
    return rows.filter((_, i) => kept[i]);
}
/**
 * Renders the sticky comment (or the job summary) within GitHub's limit: when too long it drops
 * the full-values section first, then the least important table rows, and says so visibly.
 */
function renderComment(c, limit = { max: COMMENT_MAX_CHARS, unit: 'chars' }) {
    const precision = c.precision ?? DEFAULT_PRECISION;
    const regressions = (c.rows ? countVerdicts(c.rows).worse : 0) + (c.report ? reportRegressions(c.report) : 0);
    const size = limit.unit === 'chars' ? (s) => s.length : utf8Length;
    const fits = (s) => size(s) < limit.max;
    const all = c.rows ?? [];
    const cache = new Map();
    const full = assemble(c, { rows: all, details: true, chart: true, note: undefined }, precision, cache);
    if (fits(full))
        return { markdown: full, regressions, truncated: false };
    const why = `GitHub limits ${limit.unit === 'chars' ? 'comments' : 'job summaries'} to ${limit.max.toLocaleString('en-US')} ${limit.unit === 'chars' ? 'characters' : 'bytes'}`;
    const noDetails = assemble(c, {
        rows: all,
        details: false,
        chart: true,
        note: `Truncated: the unrounded values are left out (${why}).`,
    }, precision, cache);
    if (fits(noDetails))
        return { markdown: noDetails, regressions, truncated: true };
    const order = priorityOrder(all);
    const withRows = (n) => assemble(c, {
        rows: keep(all, order, n),
        details: false,
        chart: true,
        note: `Truncated: ${n} of ${all.length} metrics shown, regressions first; the unrounded values are left out (${why}).`,
    }, precision, cache);
    // The largest row count that fits, by bisection.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(withRows(mid)))
            lo = mid;
        else
            hi = mid - 1;
    }
    const best = withRows(lo);
    if (fits(best))
        return { markdown: best, regressions, truncated: true };
    // Last resort (a huge evaluation report): cut at a line and close with the note.
    const note = `\n\n> [!NOTE]\n> Truncated: the report is cut here (${why}).\n\n${footer(c.model, c.links)}\n`;
    let cut = best.slice(0, Math.max(0, limit.max - size(note) - 1));
    while (cut && !fits(cut + note))
        cut = cut.slice(0, Math.floor(cut.length * 0.95));
    cut = cut.slice(0, cut.lastIndexOf('\n') + 1);
    return { markdown: cut + note, regressions, truncated: true };
}

// EXTERNAL MODULE: ./src/core/report/evaluation-report.ts
var evaluation_report = __webpack_require__(9033);
;// CONCATENATED MODULE: ./src/core/report/parse-evaluation-report.ts


const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
function at(data, path) {
    let cur = data;
    for (const k of path.split('.'))
        cur = isObject(cur) ? cur[k] : undefined;
    return cur;
}
/** The fields the renderer reads; a report missing one is refused with its key path. */
const CHECKS = [
    ['model_name', (v) => typeof v === 'string', 'a string'],
    ['metrics', isObject, 'a mapping of metric name to {value, ci}'],
    ['candidate.model.bytes', isNum, 'a number'],
    ['candidate.model.sha256', (v) => typeof v === 'string', 'a string'],
    ['candidate.signature.inputs', Array.isArray, 'a list'],
    ['candidate.signature.outputs', Array.isArray, 'a list'],
    ['dataset.path', (v) => typeof v === 'string', 'a string'],
    ['dataset.sha256', (v) => typeof v === 'string', 'a string'],
    ['bootstrap.resamples', isNum, 'a number'],
    ['bootstrap.confidence', isNum, 'a number'],
];
/** Checks that parsed JSON is an evaluation report this version can render. */
function parseEvaluationReport(data, file) {
    const hint = "Pass the JSON written by `modelci evaluate --json` (or the evaluate action's report)";
    if (!isObject(data))
        throw new errors/* ModelciError */.wN('DATA', 'evaluation report must be a JSON object', { file, hint });
    const schema = data.schema;
    if (schema !== evaluation_report/* EVALUATION_REPORT_SCHEMA */.G)
        throw new errors/* ModelciError */.wN('DATA', `unsupported report schema ${JSON.stringify(schema)}, expected "${evaluation_report/* EVALUATION_REPORT_SCHEMA */.G}"`, {
            file,
            path: 'schema',
            hint,
        });
    for (const [path, ok, expected] of CHECKS)
        if (!ok(at(data, path)))
            throw new errors/* ModelciError */.wN('DATA', `must be ${expected}`, { file, path, hint });
    const r = data;
    for (const [name, m] of Object.entries(r.metrics))
        if (!isObject(m) || !isNum(m.value))
            throw new errors/* ModelciError */.wN('DATA', 'must be {value: <number>, ci?: [low, high]}', {
                file,
                path: `metrics.${name}`,
                hint,
            });
    if (r.baseline && !(isObject(r.baseline.model) && isObject(r.baseline.signature)))
        throw new errors/* ModelciError */.wN('DATA', 'must have model and signature', {
            file,
            path: 'baseline',
            hint,
        });
    return r;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/data/glob.ts


/** True when a path given by a user is a pattern rather than a plain path. */
function isGlob(pattern) {
    return /[*?{]/.test(pattern);
}
/** One path segment's pattern as a regex: `*` and `?` stay inside the segment, `{a,b}` is either. */
function segmentRegex(seg) {
    let re = '';
    for (let i = 0; i < seg.length; i++) {
        const ch = seg[i];
        if (ch === '*')
            re += '[^/]*';
        else if (ch === '?')
            re += '[^/]';
        else if (ch === '{') {
            const end = seg.indexOf('}', i);
            if (end === -1)
                re += '\\{';
            else {
                re += `(?:${seg
                    .slice(i + 1, end)
                    .split(',')
                    .map((a) => a
                    .replace(/[.+^$()|[\]\\]/g, '\\$&')
                    .replace(/\*/g, '[^/]*')
                    .replace(/\?/g, '[^/]'))
                    .join('|')})`;
                i = end;
            }
        }
        else
            re += ch.replace(/[.+^$()|[\]\\}]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
function entries(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
            .filter((d) => !d.name.startsWith('.'))
            .map((d) => ({ name: d.name, dir: d.isDirectory() }));
    }
    catch {
        return [];
    }
}
function kind(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory() ? 'dir' : 'file';
    }
    catch {
        return undefined;
    }
}
/**
 * Files matching a glob (`*`, `?`, `**`, `{a,b}`), relative to `cwd` like the pattern, sorted.
 * Hidden files and folders are skipped, as shells do.
 */
function globFiles(pattern, cwd = '.') {
    const absolute = pattern.startsWith('/');
    const segs = pattern.split('/').filter((s, i) => s !== '' && !(s === '.' && i === 0));
    const out = new Set();
    const walk = (rel, i) => {
        const abs = absolute ? `/${rel}` : (0,external_node_path_.join)(cwd, rel);
        if (i === segs.length)
            return;
        const seg = segs[i];
        const last = i === segs.length - 1;
        const path = (name) => (rel ? `${rel}/${name}` : name);
        if (seg === '**') {
            walk(rel, i + 1);
            for (const e of entries(abs))
                if (e.dir)
                    walk(path(e.name), i);
            return;
        }
        if (!isGlob(seg)) {
            const e = kind((0,external_node_path_.join)(abs, seg));
            if (e && (last ? e === 'file' : e === 'dir')) {
                if (last)
                    out.add(path(seg));
                else
                    walk(path(seg), i + 1);
            }
            return;
        }
        const re = segmentRegex(seg);
        for (const e of entries(abs)) {
            if (!re.test(e.name))
                continue;
            if (last && !e.dir)
                out.add(path(e.name));
            else if (!last && e.dir)
                walk(path(e.name), i + 1);
        }
    };
    walk('', 0);
    return [...out].map((p) => (absolute ? `/${p}` : p)).sort();
}

// EXTERNAL MODULE: ./src/data/structured-file.ts
var structured_file = __webpack_require__(3528);
;// CONCATENATED MODULE: ./src/data/metrics-files.ts





const METRICS_FILE = /\.(json|ya?ml)$/i;
/**
 * The metrics files a user named: plain files, globs, or directories (every .json/.yaml/.yml file
 * under them). A pattern or directory that yields nothing is an error, so a typo never compares
 * against an empty set.
 */
function resolveMetricsFiles(specs, what) {
    const files = [];
    for (const spec of specs) {
        let found;
        if (isGlob(spec)) {
            found = globFiles(spec);
            if (found.length === 0)
                throw new errors/* ModelciError */.wN('FILE', `no files match the ${what} pattern`, {
                    file: spec,
                    hint: 'Check the pattern; it is relative to the working directory',
                });
        }
        else if (isDirectory(spec)) {
            found = globFiles(`${spec.replace(/\/+$/, '')}/**/*`).filter((f) => METRICS_FILE.test(f));
            if (found.length === 0)
                throw new errors/* ModelciError */.wN('FILE', `no .json, .yaml or .yml files in the ${what} directory`, {
                    file: spec,
                    hint: 'Point to the metrics files or the folder that holds them',
                });
        }
        else
            found = [spec];
        for (const f of found)
            if (!files.includes(f))
                files.push(f);
    }
    return files;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** Reads and merges one side's metrics files (base or head) into flat `a.b.c` keys. */
function readMetrics(specs, what) {
    if (specs.length === 0)
        throw new errors/* ModelciError */.wN('INPUT', `no ${what} metrics files given`, {
            hint: `Pass --${what} (CLI) or the \`${what}\` input (action): a file, a glob or a directory`,
        });
    const files = resolveMetricsFiles(specs, what);
    return mergeMetricSources(files.map((file) => ({ file, data: (0,structured_file/* readStructuredFile */.Ut)(file) })));
}

;// CONCATENATED MODULE: ./src/github/identity.ts
/** What GitHub calls the workflow's own GITHUB_TOKEN when it writes a comment. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
function identity_status(e) {
    return typeof e === 'object' && e !== null && 'status' in e ? Number(e.status) : undefined;
}
/**
 * The login the token writes comments as. A personal token can ask `GET /user`; an installation
 * token (GITHUB_TOKEN, GitHub Apps) gets 403 there, but GraphQL `viewer` answers for both; when
 * neither does, it is the Actions bot (the token every workflow gets).
 */
async function tokenLogin(client, log = () => { }) {
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        const s = identity_status(e);
        if (s !== 401 && s !== 403 && s !== 404)
            throw e;
    }
    try {
        const data = await client.graphql('query { viewer { login } }');
        if (data.viewer?.login)
            return data.viewer.login;
    }
    catch (e) {
        log(`could not ask GraphQL who the token is (${e instanceof Error ? e.message : String(e)})`);
    }
    return ACTIONS_BOT_LOGIN;
}
/**
 * REST shows bots as `name[bot]`, GraphQL as `name`: accept both spellings, but the suffix-less
 * match only for a Bot account, so a human named like a bot never matches.
 */
function sameAuthor(user, login) {
    if (!user)
        return false;
    if (user.login === login)
        return true;
    if (user.type !== 'Bot')
        return false;
    const bare = (s) => s.replace(/\[bot\]$/, '');
    return bare(user.login) === bare(login);
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts

function obj(v) {
    return v !== null && typeof v === 'object' ? v : undefined;
}
function positiveInt(v) {
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}
/** The PR a run is about, when the event says: pull_request(_target), issue_comment on a PR, workflow_run. */
function prFromEvent(eventName, payload) {
    const p = obj(payload);
    if (!p)
        return undefined;
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target':
        case 'pull_request_review':
        case 'pull_request_review_comment':
            return positiveInt(obj(p.pull_request)?.number) ?? positiveInt(p.number);
        case 'issue_comment': {
            const issue = obj(p.issue);
            return issue?.pull_request ? positiveInt(issue.number) : undefined;
        }
        case 'workflow_run': {
            // Empty for PRs from forks: the caller then looks the PR up by head SHA.
            const prs = obj(p.workflow_run)?.pull_requests;
            return Array.isArray(prs) ? positiveInt(obj(prs[0])?.number) : undefined;
        }
        default:
            return undefined;
    }
}
/**
 * The commit the metrics describe. A pull_request run checks out a merge commit (GITHUB_SHA), but
 * the PR's head is what a reviewer knows; workflow_run carries the head of the run it follows.
 */
function headShaFromEvent(eventName, payload, fallback) {
    const p = obj(payload);
    const sha = eventName?.startsWith('pull_request')
        ? obj(obj(p?.pull_request)?.head)?.sha
        : eventName === 'workflow_run'
            ? obj(p?.workflow_run)?.head_sha
            : undefined;
    return typeof sha === 'string' && sha ? sha : fallback;
}
/** The open PR whose head is `sha` (else another open PR that contains it), via the commit's pulls. */
async function prFromSha(client, owner, repo, sha) {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
    });
    const open = data.filter((pr) => pr.state === 'open');
    // Only open PRs: a merged PR that contains the commit (a push to main) gets no new comment.
    const pick = open.find((pr) => pr.head.sha === sha) ?? open[0];
    return pick?.number;
}
/**
 * Under `workflow_run` the PR number arrives from the untrusted run's artifact: refuse it unless
 * that pull request's head is the commit the run was for, so a fork cannot aim the privileged
 * comment job at another pull request.
 */
async function assertPullRequestHead(client, owner, repo, pr, headSha) {
    const { data } = await client.rest.pulls.get({ owner, repo, pull_number: pr });
    if (data.head.sha !== headSha)
        throw new errors/* ModelciError */.wN('INPUT', `pull request #${pr} is at ${data.head.sha.slice(0, 7)}, but this workflow_run is for commit ${headSha.slice(0, 7)}`, {
            hint: 'The `pr` input came from the triggering run and does not belong to it; nothing was posted',
        });
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts

/**
 * The comment this tool wrote before: it carries the marker AND was written by the same identity.
 * A look-alike by anyone else is ignored (and so never edited). Reads every page of comments.
 */
async function findStickyComment(client, ref, marker, whoAmI) {
    const comments = await client.paginate(client.rest.issues.listComments, {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issue,
        per_page: 100,
    });
    const marked = comments.filter((c) => (c.body ?? '').includes(marker));
    // Who the token is only matters when some comment carries the marker (not on a first run).
    if (marked.length === 0)
        return undefined;
    const login = await whoAmI();
    return marked.find((c) => sameAuthor(c.user, login));
}
/** Creates the sticky comment, or updates it in place; writes nothing when the body is the same. */
async function upsertStickyComment(client, ref, marker, whoAmI, body) {
    const existing = await findStickyComment(client, ref, marker, whoAmI);
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: existing.html_url };
        const { data } = await client.rest.issues.updateComment({
            owner: ref.owner,
            repo: ref.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await client.rest.issues.createComment({
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issue,
        body,
    });
    return { action: 'created', id: data.id, url: data.html_url };
}

;// CONCATENATED MODULE: ./src/commands/comment.ts













/** Evaluation reports carry slices and confusion matrices: allow more than a metrics file. */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
function mergedMetricsConfig(top, own) {
    return { ...top, ...own, directions: { ...top?.directions, ...own?.directions } };
}
function splitRepository(repository) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    if (!m)
        throw new errors/* ModelciError */.wN('INPUT', `repository "${repository}" is not owner/name`, {
            hint: 'Pass --repo owner/name (or set GITHUB_REPOSITORY)',
        });
    return { owner: m[1], repo: m[2] };
}
function chartMetric(rows, report, preferred) {
    // A configured name may be the full key or its last segment (primary_metric: roc_auc).
    if (preferred) {
        const keys = rows?.map((r) => r.key) ?? Object.keys(report?.metrics ?? {});
        return keys.includes(preferred)
            ? preferred
            : (keys.find((k) => lastSegment(k) === preferred) ?? preferred);
    }
    const numeric = rows?.find((r) => r.kind === 'numeric' || (r.kind === 'added' && isNumber(r.head)));
    return numeric?.key ?? (report ? Object.keys(report.metrics)[0] : undefined);
}
/** Renders the metric comparison for a PR and, with GitHub access, keeps it as one sticky comment. */
async function runComment(opts) {
    const log = opts.log ?? (() => { });
    const loaded = (0,load/* loadConfig */.Z9)(opts.config ?? load/* DEFAULT_CONFIG_FILE */.Cu, {
        explicit: opts.configExplicit ?? false,
    });
    const { name: model, model: modelConfig } = (0,load/* resolveModel */.AX)(loaded, opts.model);
    const metricsConfig = mergedMetricsConfig(loaded.config.metrics, modelConfig.metrics);
    if (!opts.report && opts.base.length === 0 && opts.head.length === 0)
        throw new errors/* ModelciError */.wN('INPUT', 'nothing to compare', {
            hint: 'Give base and head metrics files (--base/--head, inputs `base`/`head`) or an evaluation report (--report, input `report`)',
        });
    let rows;
    if (opts.base.length || opts.head.length) {
        const base = readMetrics(opts.base, 'base');
        const head = readMetrics(opts.head, 'head');
        rows = diffMetrics(base, head, {
            directions: metricsConfig.directions,
            tolerance: metricsConfig.tolerance,
            relativeTolerance: metricsConfig.relative_tolerance,
        });
    }
    const report = opts.report
        ? parseEvaluationReport((0,structured_file/* readStructuredFile */.Ut)(opts.report, MAX_REPORT_BYTES), opts.report)
        : undefined;
    const headSha = headShaFromEvent(opts.event?.name, opts.event?.payload, opts.sha);
    const content = {
        model,
        workflow: opts.workflow ?? 'modelci',
        precision: loaded.config.comment?.precision ?? metricsConfig.precision,
        links: links(opts, headSha),
    };
    if (rows)
        content.rows = rows;
    if (report)
        content.report = report;
    if (opts.history) {
        const history = parseHistory((0,structured_file/* readStructuredFile */.Ut)(opts.history), opts.history);
        const metric = chartMetric(rows, report, loaded.config.comment?.chart_metric ?? modelConfig.primary_metric);
        if (metric) {
            const headRow = rows?.find((r) => r.key === metric);
            const headValue = headRow &&
                (headRow.kind === 'numeric' || headRow.kind === 'added') &&
                isNumber(headRow.head)
                ? headRow.head
                : report?.metrics[metric]?.value;
            content.chart = {
                metric,
                points: historySeries(history, metric, {
                    value: headValue,
                    ...(headSha ? { commit: headSha } : {}),
                }),
            };
        }
    }
    const comment = renderComment(content);
    const summary = renderComment(content, { max: SUMMARY_MAX_BYTES, unit: 'utf8' });
    const result = {
        markdown: comment.markdown,
        summary: summary.markdown,
        regressions: comment.regressions,
        truncated: comment.truncated,
        action: 'printed',
    };
    if (!opts.github)
        return result;
    if (!opts.repository)
        throw new errors/* ModelciError */.wN('INPUT', 'no repository to comment on', {
            hint: 'Pass --repo owner/name (or set GITHUB_REPOSITORY)',
        });
    const { owner, repo } = splitRepository(opts.repository);
    const clientOptions = {
        token: opts.github.token,
        ...(opts.github.apiUrl ? { baseUrl: opts.github.apiUrl } : {}),
        ...(opts.github.retries !== undefined ? { retries: opts.github.retries } : {}),
        log,
    };
    // Octokit and its plugins are most of the bundle: load them only when there is a comment to post.
    const { createGitHubClient } = await Promise.all(/* import() | github-client */[__webpack_require__.e(239), __webpack_require__.e(970)]).then(__webpack_require__.bind(__webpack_require__, 6584));
    const client = createGitHubClient(clientOptions);
    let pr = opts.pr ?? prFromEvent(opts.event?.name, opts.event?.payload);
    if (pr === undefined && headSha) {
        log(`looking up the pull request of commit ${headSha}`);
        pr = await prFromSha(client, owner, repo, headSha);
    }
    if (pr === undefined)
        return {
            ...result,
            action: 'no-pr',
            warning: `no pull request found for this run (event ${opts.event?.name ?? 'unknown'}${headSha ? `, commit ${headSha.slice(0, 7)}` : ''}); the report is in the job summary only. Pass the \`pr\` input to comment from this event.`,
        };
    if (opts.pr !== undefined && opts.event?.name === 'workflow_run' && headSha)
        await assertPullRequestHead(client, owner, repo, pr, headSha);
    log(`commenting on #${pr}`);
    const whoAmI = async () => {
        const reader = createGitHubClient({ ...clientOptions, queue: 'identity' });
        const login = await tokenLogin(reader, log);
        log(`the token writes as ${login}`);
        return login;
    };
    const marker = commentMarker(model, content.workflow);
    const sticky = await upsertStickyComment(client, { owner, repo, issue: pr }, marker, whoAmI, comment.markdown);
    return { ...result, action: sticky.action, commentId: sticky.id, commentUrl: sticky.url, pr };
}
function links(opts, sha) {
    const server = (opts.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
    const repository = opts.repository;
    const out = {};
    if (sha) {
        out.sha = sha;
        if (repository)
            out.commitUrl = `${server}/${repository}/commit/${sha}`;
    }
    if (repository && opts.runId && /^\d+$/.test(opts.runId))
        out.runUrl = `${server}/${repository}/actions/runs/${opts.runId}`;
    return out;
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/comment.ts



const usage = `Usage: modelci comment --base <file|glob|dir>... --head <file|glob|dir>... [options]

Compares base and head metrics (JSON or YAML, nested keys flattened to a.b.c) and prints the
pull request comment as Markdown. With --pr (and a token) it posts the comment instead, updating
its own earlier comment for the same model and workflow.

Options:
  --base <path>       base metrics: a file, a glob or a directory (repeatable)
  --head <path>       head metrics: a file, a glob or a directory (repeatable)
  --report <file>     an evaluation report JSON (modelci evaluate --json), instead of or with base/head
  --history <file>    a list of {commit|label, metrics}: charts one metric's history
  --model <name>      model name (default: the only model in the config)
  --config <file>     config file (default: modelci.yaml, if present)
  --pr <number>       post to this pull request
  --repo <owner/name> repository to post to (default: $GITHUB_REPOSITORY)
  --token <token>     GitHub token (default: $GITHUB_TOKEN)
  --workflow <name>   name in the hidden marker (default: $GITHUB_WORKFLOW, else "modelci")`;
const commentCommand = {
    name: 'comment',
    summary: 'Render (and post) the metric comparison comment for a pull request',
    usage,
    options: {
        base: { type: 'string', multiple: true },
        head: { type: 'string', multiple: true },
        report: { type: 'string' },
        history: { type: 'string' },
        model: { type: 'string' },
        config: { type: 'string' },
        pr: { type: 'string' },
        repo: { type: 'string' },
        token: { type: 'string' },
        workflow: { type: 'string' },
    },
    async run(args, io) {
        const prText = (0,command/* stringOpt */.rJ)(args, 'pr');
        if (prText !== undefined && !/^[1-9]\d*$/.test(prText))
            throw new errors/* ModelciError */.wN('USAGE', `--pr must be a pull request number (got "${prText}")`);
        const token = (0,command/* stringOpt */.rJ)(args, 'token') ?? io.env.GITHUB_TOKEN;
        const repository = (0,command/* stringOpt */.rJ)(args, 'repo') ?? io.env.GITHUB_REPOSITORY;
        if (prText && !token)
            throw new errors/* ModelciError */.wN('USAGE', '--pr needs a GitHub token to post', {
                hint: 'Pass --token or set GITHUB_TOKEN; leave out --pr to print the Markdown',
            });
        const config = (0,command/* stringOpt */.rJ)(args, 'config');
        const report = (0,command/* stringOpt */.rJ)(args, 'report');
        const history = (0,command/* stringOpt */.rJ)(args, 'history');
        const model = (0,command/* stringOpt */.rJ)(args, 'model');
        const result = await runComment({
            base: (0,command/* listOpt */.sS)(args, 'base'),
            head: (0,command/* listOpt */.sS)(args, 'head'),
            ...(report ? { report } : {}),
            ...(history ? { history } : {}),
            ...(model ? { model } : {}),
            ...(config ? { config, configExplicit: true } : {}),
            workflow: (0,command/* stringOpt */.rJ)(args, 'workflow') ?? io.env.GITHUB_WORKFLOW ?? 'modelci',
            ...(repository ? { repository } : {}),
            ...(io.env.GITHUB_SERVER_URL ? { serverUrl: io.env.GITHUB_SERVER_URL } : {}),
            ...(prText && token
                ? {
                    pr: Number(prText),
                    github: { token, ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}) },
                }
                : {}),
            ...(io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}),
            log: (m) => io.stderr(`${m}\n`),
        });
        if (result.action === 'printed') {
            io.stdout(result.markdown);
            return 0;
        }
        io.stdout(`${result.action} comment ${result.commentId ?? ''} ${result.commentUrl ?? ''}\n`);
        return 0;
    },
};


/***/ }),

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ EVALUATION_REPORT_SCHEMA)
/* harmony export */ });
/**
 * The evaluation report (`modelci evaluate --json`, the evaluate action's `report` file): what the
 * comment renders, what register records, what gates read. Versioned: readers check `schema`.
 * Draft contract shared by the evaluate, comment and registry work; extend, do not rename.
 */
const EVALUATION_REPORT_SCHEMA = 'modelci/evaluation-report@1';


/***/ })

};
