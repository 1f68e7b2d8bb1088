import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workflowLinter } from '../../harness/actionlint.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../harness/temp.js';

// scripts/pin-templates.mjs on a copy of the repository's templates and action folders.
const REPO = new URL('../../../', import.meta.url).pathname;
const SHA1 = 'a'.repeat(40);
const SHA2 = '0123456789abcdef0123456789abcdef01234567';
let root: string;

function pin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/pin-templates.mjs'), ...args], {
    encoding: 'utf8',
  });
}

function read(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** Every `uses:` of every step, in file order. */
function uses(text: string): string[] {
  const wf = parse(text) as { jobs: Record<string, { steps?: { uses?: string }[] }> };
  return Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).flatMap((s) => s.uses ?? []));
}

beforeAll(() => {
  root = tempDir('modelci-pin-');
  mkdirSync(join(root, 'scripts'));
  cpSync(join(REPO, 'scripts/pin-templates.mjs'), join(root, 'scripts/pin-templates.mjs'));
  cpSync(join(REPO, 'workflows-templates'), join(root, 'workflows-templates'), { recursive: true });
  for (const a of readdirSync(join(REPO, 'actions')))
    cpSync(join(REPO, 'actions', a, 'action.yml'), join(root, 'actions', a, 'action.yml'));
});

describe('scripts/pin-templates.mjs', () => {
  it('pins every modelci action to the commit, keeps the other pins, stays actionlint-clean', async () => {
    const before = read(join(root, 'workflows-templates'));
    const out = join(root, 'adopter/.github/workflows');
    const r = pin('acme/ml-tools', SHA1, '--tag', 'v1.2.0', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const after = read(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const lint = await workflowLinter();
    let pinned = 0;
    for (const [file, text] of Object.entries(after)) {
      const old = uses(before[file]!);
      const now = uses(text);
      expect(now).toHaveLength(old.length);
      now.forEach((u, i) => {
        const modelci = /^modelci\/modelci(\/actions\/[\w-]+)?@/.exec(old[i]!);
        if (modelci) {
          pinned++;
          expect(u).toBe(`acme/ml-tools${modelci[1] ?? ''}@${SHA1}`);
        } else expect(u).toBe(old[i]);
      });
      expect(text).toContain(`@${SHA1} # v1.2.0`);
      expect(lint(text, `.github/workflows/${file}`)).toEqual([]);
    }
    expect(pinned).toBeGreaterThan(10);
    expect(r.stdout).toContain(`pinned ${pinned} uses: lines to acme/ml-tools@${SHA1} (v1.2.0)`);
    // --out leaves the templates alone.
    expect(read(join(root, 'workflows-templates'))).toEqual(before);
  });

  it('re-pins in place, finding the repository the templates use now', () => {
    expect(pin('acme/ml-tools', SHA1).status).toBe(0);
    const r = pin('other/modelci-fork', SHA2, '--tag', 'v2.0.0');
    expect(r.status).toBe(0);
    const all = Object.values(read(join(root, 'workflows-templates'))).join('\n');
    expect(all).not.toContain('acme/ml-tools');
    expect(all).toContain(`other/modelci-fork/actions/train@${SHA2} # v2.0.0`);
    expect(all).toContain(`other/modelci-fork@${SHA2} # v2.0.0`);
    expect(all).toMatch(/actions\/checkout@[0-9a-f]{40} # v4/);
  });

  it.each([
    [['acme/modelci', 'v1.2.0'], /"v1.2.0" is not a full 40-character commit SHA/],
    [['acme/modelci', SHA1.slice(0, 7)], /is not a full 40-character commit SHA/],
    [['acme', SHA1], /"acme" is not an owner\/repo name/],
    [['acme/modelci'], /give the repository and the commit/],
    [['acme/modelci', SHA1, '--out'], /--out needs a value/],
  ])('refuses %j and changes nothing', (args, message) => {
    const before = read(join(root, 'workflows-templates'));
    const r = pin(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(read(join(root, 'workflows-templates'))).toEqual(before);
  });
});
