// Exact powers of ten: every 10^k for k <= 22 is a double without rounding (Clinger's fast path).
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_SAFE_MANTISSA = 2 ** 53;

/**
 * Parses a decimal number from bytes without making a string. The fast path (at most 15-16
 * significant digits, |exponent| <= 22) is correctly rounded because mantissa and 10^k are both
 * exact doubles and one IEEE division/multiplication rounds once; anything else falls back to
 * Number() on the decoded text, so results always equal Number(text).
 * Returns NaN for text that is not a number; `isEmpty` callers check ranges themselves.
 */
export function parseNumberBytes(buf: Buffer, start: number, end: number): number {
  // Trim ASCII spaces/tabs, as Number() does for these.
  while (start < end && (buf[start] === 0x20 || buf[start] === 0x09)) start++;
  while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09)) end--;
  if (start === end) return NaN;
  let i = start;
  let neg = false;
  const c0 = buf[i]!;
  if (c0 === 0x2d) {
    neg = true;
    i++;
  } else if (c0 === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  while (i < end) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) break;
    any = true;
    if (mantissa !== 0 || d !== 0) digits++;
    mantissa = mantissa * 10 + d;
    i++;
  }
  if (i < end && buf[i] === 0x2e) {
    i++;
    while (i < end) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) break;
      any = true;
      if (mantissa !== 0 || d !== 0) digits++;
      mantissa = mantissa * 10 + d;
      scale--;
      i++;
    }
  }
  if (!any) return slow(buf, start, end);
  if (i < end && (buf[i] === 0x65 || buf[i] === 0x45)) {
    i++;
    let eneg = false;
    if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) {
      eneg = buf[i] === 0x2d;
      i++;
    }
    let e = 0;
    let edigits = 0;
    while (i < end) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) break;
      if (e < 100000) e = e * 10 + d;
      edigits++;
      i++;
    }
    if (edigits === 0) return NaN;
    scale += eneg ? -e : e;
  }
  if (i !== end) return slow(buf, start, end);
  if (digits > 15 || mantissa >= MAX_SAFE_MANTISSA || scale < -22 || scale > 22)
    return slow(buf, start, end);
  const v = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
  return neg ? -v : v;
}

function slow(buf: Buffer, start: number, end: number): number {
  const text = buf.toString('latin1', start, end).trim();
  // Number('') is 0 and Number('0x1f') is 31: neither is a decimal number in a data file.
  if (text === '' || /^[+-]?0[xob]/i.test(text)) return NaN;
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity')
    return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  return Number(text);
}
