import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile, writeFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { runnerFile, type RunnerFileCommand } from '../github/run-environment.js';

// The part of @actions/core (v3) the actions use, writing the same workflow commands and file
// commands byte for byte (test/unit/actions/core.test.ts runs both). @actions/core
// itself imports @actions/http-client with undici (for OIDC tokens) and @actions/exec (for
// platform details) at load: 50-90 ms of every action's start for functions no action calls.

export interface InputOptions {
  required?: boolean;
  trimWhitespace?: boolean;
}

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return input as string;
  return JSON.stringify(input);
}

function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: unknown): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,...::message` on stdout. */
function issueCommand(
  command: string,
  properties: Record<string, unknown>,
  message: unknown,
): void {
  const keys = Object.keys(properties);
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(
    `::${command}${keys.length ? ` ${props}` : ''}::${escapeData(message)}${EOL}`,
  );
}

function issueFileCommand(command: RunnerFileCommand, message: string): void {
  const filePath = runnerFile(command);
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  appendFileSync(filePath, `${toCommandValue(message)}${EOL}`, { encoding: 'utf8' });
}

export function getInput(name: string, options?: InputOptions): string {
  const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !val) throw new Error(`Input required and not supplied: ${name}`);
  if (options?.trimWhitespace === false) return val;
  return val.trim();
}

export function setOutput(name: string, value: unknown): void {
  if (runnerFile('OUTPUT')) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    const converted = toCommandValue(value);
    if (name.includes(delimiter))
      throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (converted.includes(delimiter))
      throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    issueFileCommand('OUTPUT', `${name}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`);
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export function error(message: string | Error): void {
  issueCommand('error', {}, message instanceof Error ? message.toString() : message);
}

export function warning(message: string | Error): void {
  issueCommand('warning', {}, message instanceof Error ? message.toString() : message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

export type SummaryTableRow = (
  string | { data: string; header?: boolean; colspan?: string; rowspan?: string }
)[];

function wrap(tag: string, content: string, attrs: Record<string, string> = {}): string {
  const html = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return content ? `<${tag}${html}>${content}</${tag}>` : `<${tag}${html}>`;
}

/** The job summary buffer ($GITHUB_STEP_SUMMARY), as @actions/core's `summary`. */
class Summary {
  private buffer = '';
  private path: string | undefined;

  private async filePath(): Promise<string> {
    if (this.path) return this.path;
    const fromEnv = runnerFile('STEP_SUMMARY');
    if (!fromEnv)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    try {
      await access(fromEnv, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`,
      );
    }
    this.path = fromEnv;
    return fromEnv;
  }

  addRaw(text: string, addEOL = false): this {
    this.buffer += text;
    return addEOL ? this.addEOL() : this;
  }

  addEOL(): this {
    return this.addRaw(EOL);
  }

  addHeading(text: string, level?: number | string): this {
    const tag = `h${level}`;
    const allowed = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? tag : 'h1';
    return this.addRaw(wrap(allowed, text)).addEOL();
  }

  addTable(rows: SummaryTableRow[]): this {
    const body = rows
      .map((row) => {
        const cells = row
          .map((cell) => {
            if (typeof cell === 'string') return wrap('td', cell);
            const { header, data, colspan, rowspan } = cell;
            return wrap(header ? 'th' : 'td', data, {
              ...(colspan && { colspan }),
              ...(rowspan && { rowspan }),
            });
          })
          .join('');
        return wrap('tr', cells);
      })
      .join('');
    return this.addRaw(wrap('table', body)).addEOL();
  }

  stringify(): string {
    return this.buffer;
  }

  isEmptyBuffer(): boolean {
    return this.buffer.length === 0;
  }

  emptyBuffer(): this {
    this.buffer = '';
    return this;
  }

  async write(options?: { overwrite?: boolean }): Promise<this> {
    const path = await this.filePath();
    await (options?.overwrite ? writeFile : appendFile)(path, this.buffer, { encoding: 'utf8' });
    return this.emptyBuffer();
  }
}

export const summary = new Summary();
