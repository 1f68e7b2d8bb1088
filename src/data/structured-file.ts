import { readFileSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ModelciError } from '../core/errors.js';

/** Config and metrics files are small; anything larger is a mistake or an attack. */
export const MAX_STRUCTURED_FILE_BYTES = 1024 * 1024;
/** yaml's own default is 100; a handful is plenty for hand-written files and stops alias bombs. */
export const MAX_ALIAS_COUNT = 50;

/** Reads a file with a clear error for missing, unreadable, oversized or directory paths. */
export function readTextFile(file: string, maxBytes = MAX_STRUCTURED_FILE_BYTES): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory())
      throw new ModelciError('FILE', 'is a directory, expected a file', { file });
    size = st.size;
  } catch (e) {
    if (e instanceof ModelciError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ModelciError('FILE', 'file not found', {
        file,
        hint: 'Check the path (it is relative to the working directory)',
      });
    throw new ModelciError('FILE', `cannot read file (${code ?? String(e)})`, { file });
  }
  if (size > maxBytes)
    throw new ModelciError('FILE', `file is ${size} bytes, more than the ${maxBytes} allowed`, {
      file,
      hint: 'Use a smaller file',
    });
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ModelciError(
      'FILE',
      `cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      { file },
    );
  }
}

/**
 * Parses JSON or YAML text (JSON is YAML 1.2) into plain data, with line and column on syntax
 * errors and a refusal of alias bombs.
 */
export function parseStructured(text: string, file: string): unknown {
  if (text.trim() === '') return undefined;
  // YAML accepts much that JSON does not (`{"a": }` is {a: null}): hold .json files to JSON.
  if (/\.json$/i.test(file)) checkJson(text, file);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const msg =
      err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
    throw new ModelciError('PARSE', `invalid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${msg}`, {
      file,
      ...(pos ? { row: pos.line, column: pos.col } : {}),
      hint: 'Fix the syntax',
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(msg))
      throw new ModelciError(
        'PARSE',
        `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT})`,
        {
          file,
          hint: 'Write the values out instead of using anchors and aliases',
        },
      );
    throw new ModelciError('PARSE', `cannot read YAML: ${msg}`, { file });
  }
}

function checkJson(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch {
    // V8's messages do not always carry a position: find it with a small scanner.
    const { offset, message } = jsonSyntaxError(text);
    const lines = text.slice(0, offset).split('\n');
    throw new ModelciError('PARSE', `invalid JSON: ${message}`, {
      file,
      row: lines.length,
      column: lines[lines.length - 1]!.length + 1,
      hint: 'Fix the syntax',
    });
  }
}

/** Where JSON text first goes wrong (only called once JSON.parse has failed). */
function jsonSyntaxError(text: string): { offset: number; message: string } {
  let i = 0;
  class Stop {
    constructor(readonly message: string) {}
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new Stop(
      i >= text.length
        ? `unexpected end of file, expected ${what}`
        : `unexpected ${JSON.stringify(text[i])}, expected ${what}`,
    );
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a closing quote');
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('"," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('"," or "]"');
      }
    }
    if (ch === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(
      text.slice(i, i + 400),
    );
    if (!m) fail('a value');
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file');
    return { offset: 0, message: 'not valid JSON' };
  } catch (e) {
    if (e instanceof Stop) return { offset: i, message: e.message };
    throw e;
  }
}

export function readStructuredFile(file: string, maxBytes?: number): unknown {
  return parseStructured(readTextFile(file, maxBytes), file);
}
