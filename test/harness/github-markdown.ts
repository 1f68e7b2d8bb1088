import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import type { Page } from 'puppeteer-core';
import { launchBrowser } from './browser.js';

/**
 * Markdown as GitHub renders it: the GFM grammar (micromark + its GFM extension, the parser
 * GitHub's own cmark-gfm is specified by) for tables and raw HTML, and Mermaid 11 in headless
 * Chromium for the charts.
 */
export interface GfmFindings {
  /** Table rows whose cell count differs from their header's (GFM pads or drops cells silently). */
  badRows: { header: number; cells: number; line: string }[];
  /** Raw HTML in the Markdown (flow or inline), as written. */
  html: string[];
  /** Bare URLs, `www.` and e-mail addresses GFM turns into links. */
  autolinks: string[];
  mermaid: string[];
}

export function inspectGfm(markdown: string): GfmFindings {
  const events = postprocess(
    parse({ extensions: [gfm()] })
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const out: GfmFindings = { badRows: [], html: [], autolinks: [], mermaid: [] };
  let header = 0;
  let cells = 0;
  let rowStart = '';
  let inHead = false;
  for (const [kind, token, ctx] of events) {
    const text = () => ctx.sliceSerialize(token);
    const type = token.type as string;
    if (kind === 'enter') {
      if (type === 'tableHead') inHead = true;
      else if (type === 'tableRow') {
        cells = 0;
        rowStart = text();
      } else if (type === 'tableHeader' || type === 'tableData') cells++;
      else if (type === 'htmlFlow' || type === 'htmlText') out.html.push(text());
      else if (
        type === 'literalAutolinkHttp' ||
        type === 'literalAutolinkWww' ||
        type === 'literalAutolinkEmail'
      )
        out.autolinks.push(text());
      else if (type === 'codeFenced') {
        const block = text();
        if (/^```mermaid\n/.test(block))
          out.mermaid.push(block.replace(/^```mermaid\n|\n?```$/g, ''));
      }
    } else if (type === 'tableHead') inHead = false;
    else if (type === 'tableRow') {
      if (inHead) header = cells;
      else if (cells !== header) out.badRows.push({ header, cells, line: rowStart });
    }
  }
  return out;
}

const require = createRequire(import.meta.url);

/** What the label measurement reads of an SVG text element (tsconfig has no DOM lib). */
interface SvgText {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; right: number };
  querySelector(selector: string): SvgText | null;
}

/** Where an x-axis label of a rendered xychart sits on the page, in CSS pixels. */
export interface AxisLabel {
  text: string;
  left: number;
  right: number;
  /** Mermaid turns labels that do not fit sideways; nobody reads those on a phone. */
  rotated: boolean;
}

export interface RenderedChart {
  svg: string;
  /** The x-axis labels of an xychart, left to right (empty for other diagrams). */
  xLabels: AxisLabel[];
  /** An xychart's background fill as drawn (`#333` in Mermaid's dark theme). */
  background: string | undefined;
  /** An xychart's series in plot order with the colour they were drawn in. */
  series: { kind: 'bar' | 'line'; colour: string }[];
}

export interface MermaidRenderer {
  /** Parses and renders one chart; throws Mermaid's parse error. Writes `<name>.png` if asked. */
  render(
    source: string,
    opts?: { screenshot?: string; theme?: 'default' | 'dark' },
  ): Promise<RenderedChart>;
  close(): Promise<void>;
}

/** Pairs of neighbouring x-axis labels whose boxes overlap or touch (less than `gap` px apart). */
export function overlappingLabels(labels: AxisLabel[], gap = 2): [string, string][] {
  const sorted = [...labels].sort((a, b) => a.left - b.left);
  const out: [string, string][] = [];
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.left - sorted[i - 1]!.right < gap)
      out.push([sorted[i - 1]!.text, sorted[i]!.text]);
  return out;
}

/** GitHub's comment column is about 830 px wide; charts get that width. */
const WIDTH = 830;

export async function startMermaid(screenshotDir?: string): Promise<MermaidRenderer> {
  const chromium = await launchBrowser();
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  const page: Page = await chromium.browser.newPage();
  await page.setViewport({ width: WIDTH + 40, height: 600 });
  await page.setContent(
    '<!doctype html><html><body style="margin:20px"><div id="out"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  let n = 0;
  return {
    async render(source, opts = {}) {
      const theme = opts.theme ?? 'default';
      const id = `chart${n++}`;
      const result = await page.evaluate(
        async (src: string, chartId: string, th: string, width: number) => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const { mermaid: m, document } = globalThis as unknown as { mermaid: any; document: any };
          m.initialize({ startOnLoad: false, theme: th, securityLevel: 'strict' });
          try {
            await m.parse(src);
            const { svg } = await m.render(chartId, src);
            const out = document.getElementById('out')!;
            document.body.style.background = th === 'dark' ? '#0d1117' : '#ffffff';
            out.style.width = `${width}px`;
            out.innerHTML = svg;
            const xLabels = [...document.querySelectorAll('#out g.bottom-axis g.label text')].map(
              (t: SvgText) => {
                const box = t.getBoundingClientRect();
                return {
                  text: String(t.textContent),
                  left: box.left,
                  right: box.right,
                  rotated: /rotate\((?!0\))/.test(String(t.getAttribute('transform'))),
                };
              },
            );
            const svgEl = document.querySelector('#out svg');
            const series = [...(svgEl?.querySelectorAll('g.plot > g') ?? [])].map((g: SvgText) => {
              const kind = String(g.getAttribute('class')).startsWith('bar') ? 'bar' : 'line';
              const mark = g.querySelector(kind === 'bar' ? 'rect' : 'path');
              return {
                kind,
                colour: String(mark?.getAttribute(kind === 'bar' ? 'fill' : 'stroke')),
              };
            });
            const background = svgEl?.querySelector('rect.background')?.getAttribute('fill');
            return { svg, xLabels, background: background ?? undefined, series };
          } catch (e) {
            return { error: String((e as Error)?.message ?? e) };
          }
        },
        source,
        id,
        theme,
        WIDTH,
      );
      if ('error' in result)
        throw new Error(`mermaid could not render the chart: ${result.error}\n${source}`);
      if (opts.screenshot && screenshotDir) {
        const el = await page.$('#out');
        await el!.screenshot({
          path: join(screenshotDir, `${opts.screenshot}.png`) as `${string}.png`,
        });
      }
      const { svg, xLabels, background, series } = result;
      return { svg, xLabels, background, series } as RenderedChart;
    },
    close: () => chromium.close(),
  };
}
