import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands.js';
import { main } from '../../../src/cli/main.js';

// The command table holds each command's spec without loading its module; the loaded command
// must be built on the same spec, or `modelci --help` would describe other flags than it parses.
describe('CLI command table', () => {
  it('loads, for every entry, the command built on that spec', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.spec.name).toBe(entry.spec.name);
      expect(command.spec.options).toBe(entry.spec.options);
    }
  });

  it('has unique names', () => {
    const names = commands.map((c) => c.spec.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists every command with its summary in --help, and prints a command usage on demand', async () => {
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => {}, isTTY: false, env: {} };
    expect(await main(['--help'], io)).toBe(0);
    for (const { spec } of commands)
      expect(out).toMatch(new RegExp(`^  ${spec.name} +${escape(spec.summary)}$`, 'm'));
    out = '';
    expect(await main(['registry', '--help'], io)).toBe(0);
    expect(out).toContain('Usage: modelci registry');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
