/** `/models/churn/gates/0/min` (JSON pointer) -> `models.churn.gates[0].min` (what users read). */
export function pointerToKeyPath(pointer: string): string {
  if (!pointer || pointer === '/') return '';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
