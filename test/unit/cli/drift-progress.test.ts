import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressPrinter } from '../../../src/cli/drift.js';
import type { CliIO } from '../../../src/cli/command.js';
import { tempDir } from '../../harness/temp.js';
import { builtBundle } from '../../harness/bundles.js';

function io(isTTY: boolean): CliIO & { err: string[] } {
  const err: string[] = [];
  return { err, isTTY, env: {}, stdout: () => undefined, stderr: (t) => void err.push(t) };
}

describe('drift progress output', () => {
  afterEach(() => vi.useRealTimers());

  it('is silent when stderr is not a terminal (CI logs stay clean)', () => {
    expect(progressPrinter(io(false))).toBeUndefined();
  });

  it('in a terminal: one line rewritten in place, at most 4 updates a second', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const out = io(true);
    const print = progressPrinter(out)!;
    print({ file: 'big.csv', rows: 8192 });
    print({ file: 'big.csv', rows: 16384 }); // same instant: dropped
    vi.setSystemTime(1_000_249);
    print({ file: 'big.csv', rows: 24576 }); // 249 ms later: dropped
    vi.setSystemTime(1_000_251);
    print({ file: 'big.csv', rows: 1234567 });
    print({ file: 'next.csv', rows: 10 }); // a new file shows at once
    expect(out.err).toEqual([
      '\r\x1b[2Kreading big.csv: 8,192 rows',
      '\r\x1b[2Kreading big.csv: 1,234,567 rows',
      '\r\x1b[2Kreading next.csv: 10 rows',
    ]);
  });

  it('the bundled CLI shows it on a real pseudo-terminal and clears it before the result', () => {
    const dir = tempDir('modelci-progress-');
    const csv = [
      'x,c',
      ...Array.from({ length: 20000 }, (_, i) => `${i % 97},${i % 3 ? 'a' : 'b'}`),
    ];
    writeFileSync(join(dir, 'a.csv'), csv.join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), csv.join('\n') + '\n');
    const cli = builtBundle('dist/cli/index.js');
    // util-linux `script` gives the child a pty, as a developer's terminal would.
    const tty = execFileSync(
      'script',
      [
        '-qfec',
        `${process.execPath} ${cli} drift --reference a.csv --current b.csv --json`,
        '/dev/null',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    const CLEAR = '\r\x1b[2K'; // carriage return + erase line: the progress line is rewritten
    expect(tty).toContain(`${CLEAR}reading a.csv: 8,192 rows`);
    expect(tty).toContain(`${CLEAR}reading b.csv: 8,192 rows`);
    expect(tty).toContain(`${CLEAR}{"drifted":false`);
    // Without a terminal: the JSON alone.
    const piped = execFileSync(
      process.execPath,
      [cli, 'drift', '--reference', 'a.csv', '--current', 'b.csv', '--json'],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(piped.startsWith('{"drifted":false')).toBe(true);
  });
});
