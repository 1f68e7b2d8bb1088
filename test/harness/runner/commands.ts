// What an action tells the runner: file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE) in the
// `name<<DELIM` heredoc or `name=value` format, and `::command props::message` lines on stdout.

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export interface StdoutCommands {
  annotations: Annotation[];
  /** Values registered with `::add-mask::` (core.setSecret). */
  masks: string[];
  debug: string[];
}

/** Parses a key-value file command file the way the runner does; later keys win. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq < 0 || eq > line.indexOf('<<'))) {
      const [, name = '', delim = ''] = heredoc;
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delim) {
          closed = true;
          break;
        }
        value.push(lines[i] as string);
      }
      if (!closed) throw new Error(`file command: no closing delimiter "${delim}" for "${name}"`);
      out[name] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command: cannot parse line "${line}"`);
    }
  }
  return out;
}

const COMMAND = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/;

export function parseStdoutCommands(stdout: string): StdoutCommands {
  const result: StdoutCommands = { annotations: [], masks: [], debug: [] };
  for (const line of stdout.split(/\r?\n/)) {
    const m = COMMAND.exec(line);
    if (!m) continue;
    const [, name = '', rawProps, rawMessage = ''] = m;
    const message = unescapeData(rawMessage);
    if (name === 'add-mask') result.masks.push(message);
    else if (name === 'debug') result.debug.push(message);
    else if (name === 'error' || name === 'warning' || name === 'notice') {
      const a: Annotation = { level: name, message };
      for (const [k, v] of Object.entries(parseProperties(rawProps ?? ''))) {
        if (k === 'file' || k === 'title') a[k] = v;
        else if (k === 'line' || k === 'endLine' || k === 'col' || k === 'endColumn')
          a[k] = Number(v);
      }
      result.annotations.push(a);
    }
  }
  return result;
}

function parseProperties(raw: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const part of raw.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) props[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
  }
  return props;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}
