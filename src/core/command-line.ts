import { ModelciError } from './errors.js';

/**
 * Splits a command line the way a POSIX shell splits words, without running a shell: single and
 * double quotes group, backslash escapes. Used by the root action's `command` input and by
 * MODELCI_CLI (the deploy server target).
 */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else cur += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        cur += line[++i];
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote)
    throw new ModelciError('INPUT', `unterminated ${quote} quote in command`, {
      hint: 'Close the quote',
    });
  if (inWord) out.push(cur);
  return out;
}
