/**
 * Colours of the Mermaid charts, fixed so they read in GitHub's light and dark themes alike (the
 * default palette's first colour is a pale lavender, nearly invisible on white). Data colours have
 * a relative luminance between 0.2 and 0.3, which keeps them at 3:1 contrast or more against both
 * Mermaid's white and its dark theme's #333 background (WCAG's bar for graphics). A reference line
 * such as a threshold is a neutral grey a shade lighter than the data: fainter than the data on
 * white, and on #333 no brighter than the data while carrying no colour.
 */
export const REFERENCE_COLOUR = '#3b82f6';
export const CURRENT_COLOUR = '#e8590c';
export const DATA_COLOUR = '#e8590c';
export const THRESHOLD_COLOUR = '#8c8c8c';

/** The init directive that sets the series colours, in plot order. */
export function chartTheme(colours: string[]): string {
  return `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colours.join(', ')}"}}}}%%`;
}
