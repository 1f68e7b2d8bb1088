import { escapeMarkdown } from './markdown-escape.js';

/**
 * X-axis labels of a Mermaid `xychart-beta` that stay readable at GitHub's width: Mermaid draws
 * every label, centred under its point, and turns them sideways (or lets them run into each other)
 * when they do not fit. Labels that fit are kept; otherwise the axis shows point numbers and a
 * legend line under the chart names each one.
 */

/** The plot area of Mermaid's default 700 px xychart, less the y axis and its labels. */
const PLOT_PX = 600;
/** A generous average width of one character of the 14 px axis font (digits are ~7.8 px). */
const CHAR_PX = 8.5;

/** The longest label (in characters) that fits under each of `n` points with a small gap. */
export function maxLabelChars(n: number): number {
  return Math.floor(PLOT_PX / Math.max(n, 1) / CHAR_PX) - 1;
}

export interface ChartAxis {
  /** What goes in `x-axis [...]`. */
  labels: string[];
  /** True when the labels are point numbers and `legend` names them. */
  indexed: boolean;
}

export function fitAxis(labels: string[], force = false): ChartAxis {
  const fits = !force && labels.every((l) => [...l].length <= maxLabelChars(labels.length));
  return fits
    ? { labels, indexed: false }
    : { labels: labels.map((_, i) => String(i + 1)), indexed: true };
}

/** `<sub>Bins: **1** < 3 · **2** 3 – 5 · …</sub>`, the names of an indexed axis' points. */
export function axisLegend(what: string, labels: string[]): string {
  return `<sub>${what}: ${labels.map((l, i) => `**${i + 1}** ${escapeMarkdown(l, 60)}`).join(' · ')}</sub>`;
}
