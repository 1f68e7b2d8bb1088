/**
 * The site's one stylesheet and one script, written once to assets/ and linked from every page
 * (a page stays small; the browser caches them). Colours are GitHub Primer's, which meet WCAG AA
 * contrast in both schemes; the scheme follows the reader's system setting.
 */
export const STYLESHEET = `:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--surface:#f6f8fa;--accent:#0969da;--ok:#1a7f37;--bad:#d1242f;--warn:#9a6700;--band:rgba(9,105,218,.16);--mark:#8250df}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--surface:#151b23;--accent:#4493f8;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--band:rgba(68,147,248,.22);--mark:#ab7df8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
header.site{border-bottom:1px solid var(--border);background:var(--surface)}
header.site .inner,main,footer.site{max-width:76rem;margin:0 auto;padding:.75rem 1rem}
header.site .inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline}
header.site .brand{font-weight:600;font-size:1.1rem;color:var(--fg);text-decoration:none}
header.site nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
nav.crumbs ol{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0 0 .5rem;padding:0;color:var(--muted);font-size:.9rem}
nav.crumbs li+li::before{content:"/";margin-right:.25rem}
h1{font-size:1.6rem;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--border)}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p,ul,dl{margin:.4rem 0 .8rem}
.muted,footer.site{color:var(--muted)}
footer.site{border-top:1px solid var(--border);margin-top:2rem;font-size:.85rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem;border:1px solid var(--border);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:.4rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--border)}
thead th{background:var(--surface);position:sticky;top:0;font-weight:600}
tbody tr:last-child>*{border-bottom:0}
tbody th{font-weight:400}
tbody th a{font-weight:600}
.time,.sha{white-space:nowrap}
@media (min-width:40rem){td.text{overflow-wrap:anywhere}}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:0 .45rem;border:1px solid var(--border);border-radius:1rem;font-size:.8rem;white-space:nowrap;margin:0 .2rem .1rem 0}
.badge.stage{border-color:var(--mark);color:var(--mark)}
.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}
.badge.ok{border-color:var(--ok)}.badge.bad{border-color:var(--bad)}.badge.warn{border-color:var(--warn)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;margin:.5rem 0 1rem}
.card{border:1px solid var(--border);border-radius:6px;padding:.6rem .8rem;background:var(--surface)}
.card h3{margin:0 0 .25rem}
.card p{margin:.15rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.problem{border:1px solid var(--bad);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.notice{border:1px solid var(--warn);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.prose{white-space:pre-line;max-width:48rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,35rem),1fr));gap:1rem}
figure{margin:0}
figcaption{font-size:.9rem;color:var(--muted)}
svg.chart{max-width:100%;height:auto;display:block;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
.chart-grid{stroke:var(--border);stroke-width:1}
.chart-axis{stroke:var(--muted);stroke-width:1}
.chart-tick{fill:var(--muted);font-size:11px}
.chart-line{fill:none;stroke:var(--accent);stroke-width:2}
.chart-band{fill:var(--band);stroke:none}
.chart-point{fill:var(--accent);stroke:var(--bg);stroke-width:1}
.chart-point.bad{fill:var(--bad)}
.chart-point.good{fill:var(--ok)}
.chart-mark{stroke:var(--mark);stroke-dasharray:4 3}
.chart-mark-label{fill:var(--mark);font-size:11px}
.chart-threshold{stroke:var(--bad);stroke-dasharray:6 4}
.chart-threshold-label{fill:var(--bad);font-size:11px}
.chart-bar{stroke:var(--accent);stroke-width:1.5}
form.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
form.filter input,form.filter select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:.25rem .5rem}
.pager{display:flex;gap:1rem;flex-wrap:wrap}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){body{font-size:14px}th,td{padding:.3rem .4rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.3rem}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.stack tr{display:block;padding:.3rem 0;border-bottom:1px solid var(--border)}table.stack th,table.stack td{display:block;border:0}table.stack td[data-label]::before{content:attr(data-label);display:block;font-size:.8em;font-weight:600;color:var(--muted)}}
`;

/**
 * Filters the rows of a table by the controls of its `form[data-filter]`: free text over the row,
 * and each select against the row's `data-<name>`. Filters can be linked (`audit.html?model=x`).
 * Without JavaScript the forms stay hidden and every row is shown.
 */
export const SCRIPT = `"use strict";
for (const form of document.querySelectorAll("form[data-filter]")) {
  const table = document.getElementById(form.dataset.filter);
  if (!table || !table.tBodies[0]) continue;
  const rows = Array.from(table.tBodies[0].rows, (row) => ({ row, text: row.textContent.toLowerCase() }));
  const count = form.querySelector("output");
  const selects = Array.from(form.querySelectorAll("select"));
  const query = form.querySelector("input[type=search]");
  const apply = () => {
    const text = query ? query.value.trim().toLowerCase() : "";
    let shown = 0;
    for (const { row, text: rowText } of rows) {
      let ok = !text || rowText.includes(text);
      for (const s of selects) if (ok && s.value && row.dataset[s.name] !== s.value) ok = false;
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = shown + " of " + rows.length + " shown";
  };
  const params = new URLSearchParams(location.search);
  for (const control of [query, ...selects])
    if (control && params.has(control.name)) control.value = params.get(control.name);
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
`;
