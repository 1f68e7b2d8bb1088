import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands.js';
import { main } from '../../../src/cli/main.js';

// The command table names and summarises each command without loading its module; the loaded
// command must agree, or `modelci --help` would list a stale summary.
describe('CLI command table', () => {
  it('loads, for every entry, the command of that name with the same summary', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: entry.name,
        summary: entry.summary,
      });
    }
  });

  it('has unique names', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists every command with its summary in --help, and prints a command usage on demand', async () => {
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => {}, isTTY: false, env: {} };
    expect(await main(['--help'], io)).toBe(0);
    for (const c of commands)
      expect(out).toMatch(new RegExp(`^  ${c.name} +${escape(c.summary)}$`, 'm'));
    out = '';
    expect(await main(['registry', '--help'], io)).toBe(0);
    expect(out).toContain('Usage: modelci registry');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
