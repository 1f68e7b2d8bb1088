/**
 * An error a user can act on: what was wrong, where, and what to do. Actions and the CLI print
 * `message` (plus `hint`) on one line and exit 1; anything that is not a ModelciError is a bug and
 * keeps its stack trace for the debug log.
 */
export type ErrorCode =
  | 'CONFIG'
  | 'INPUT'
  | 'FILE'
  | 'PARSE'
  | 'DATA'
  | 'MODEL'
  | 'REGISTRY'
  | 'GIT'
  | 'GITHUB'
  | 'GATE'
  | 'DEPLOY'
  | 'DRIFT'
  | 'USAGE';

export interface ErrorWhere {
  /** File the problem is in, as the user named it. */
  file?: string;
  /** Dotted key path inside a config or JSON/YAML file, e.g. `models.churn.gates.min`. */
  path?: string;
  /** 1-based row and column in a data or text file. */
  row?: number;
  column?: number | string;
}

export class ModelciError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorWhere;
  readonly hint: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: ErrorWhere & { hint?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ModelciError';
    this.code = code;
    const { hint, cause: _cause, ...where } = opts;
    this.where = where;
    this.hint = hint;
  }

  /** One line: `file: key.path: row 3, column "age": message. hint` */
  format(): string {
    const parts: string[] = [];
    if (this.where.file) parts.push(this.where.file);
    if (this.where.path) parts.push(this.where.path);
    const pos: string[] = [];
    if (this.where.row !== undefined) pos.push(`row ${this.where.row}`);
    if (this.where.column !== undefined)
      pos.push(
        typeof this.where.column === 'number'
          ? `column ${this.where.column}`
          : `column "${this.where.column}"`,
      );
    if (pos.length) parts.push(pos.join(', '));
    const head = parts.length ? `${parts.join(': ')}: ` : '';
    return `${head}${this.message}${this.hint ? `. ${this.hint}` : ''}`.replace(
      /\.\.(\s|$)/g,
      '.$1',
    );
  }
}

export function isModelciError(e: unknown): e is ModelciError {
  return (
    e instanceof ModelciError || (e instanceof Error && e.name === 'ModelciError' && 'format' in e)
  );
}

/** The text to show a user for any thrown value; bugs keep their message, stack goes to debug. */
export function describeError(e: unknown): string {
  if (isModelciError(e)) return e.format();
  if (e instanceof Error) return e.message;
  return String(e);
}
