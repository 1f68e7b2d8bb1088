/** A share as a short percentage for reports: 0%, <0.1%, 2.5%, 37%. */
export function percent(x: number): string {
  if (x === 0) return '0%';
  const p = x * 100;
  return `${p < 0.1 ? '<0.1' : p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}
