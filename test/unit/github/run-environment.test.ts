import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../harness/temp.js';
import { readRunEnvironment } from '../../../src/github/run-environment.js';

const dir = tempDir('modelci-runenv-');

function envWith(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const path = join(dir, `${eventName}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: 'm'.repeat(40),
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.example/',
    ...extra,
  };
}

const HEAD = 'a'.repeat(40);
const repo = (full: string) => ({ full_name: full });

describe('the run environment', () => {
  it('pull_request: the PR head is the commit under review, not the merge commit', () => {
    const run = readRunEnvironment(
      envWith('pull_request', {
        number: 5,
        pull_request: {
          number: 5,
          head: { sha: HEAD, ref: 'feat', repo: repo('acme/models') },
          base: { ref: 'release', repo: repo('acme/models') },
        },
      }),
    );
    expect(run).toMatchObject({
      headSha: HEAD,
      sha: 'm'.repeat(40),
      pullRequest: 5,
      branch: 'feat',
      baseBranch: 'release',
      fork: false,
      repository: { owner: 'acme', repo: 'models', fullName: 'acme/models' },
      runUrl: 'https://github.example/acme/models/actions/runs/77',
      onRunner: true,
    });
  });

  it('workflow_run: head_sha of the run it follows (GITHUB_SHA is the default branch there), its PR and fork flag', () => {
    const run = readRunEnvironment(
      envWith('workflow_run', {
        workflow_run: {
          head_sha: HEAD,
          head_branch: 'patch-1',
          pull_requests: [{ number: 9, base: { ref: 'main' } }],
          head_repository: repo('mallory/models'),
          repository: repo('acme/models'),
        },
      }),
    );
    expect(run).toMatchObject({
      headSha: HEAD,
      pullRequest: 9,
      branch: 'patch-1',
      baseBranch: 'main',
      fork: true,
    });
  });

  it('a fork PR is marked, an issue comment on a PR names it, a push has none', () => {
    expect(
      readRunEnvironment(
        envWith('pull_request_target', {
          pull_request: {
            number: 3,
            head: { sha: HEAD, repo: repo('mallory/models') },
            base: { repo: repo('acme/models') },
          },
        }),
      ).fork,
    ).toBe(true);
    expect(
      readRunEnvironment(
        envWith('issue_comment', { issue: { number: 4, pull_request: { url: 'x' } } }),
      ).pullRequest,
    ).toBe(4);
    const push = readRunEnvironment(
      envWith('push', { ref: 'refs/heads/main' }, { GITHUB_REF: 'refs/heads/main' }),
    );
    expect(push).toMatchObject({
      pullRequest: undefined,
      headSha: 'm'.repeat(40),
      branch: 'main',
      baseBranch: undefined,
    });
  });

  it('looks the token up in one order: given, GITHUB_TOKEN, GH_TOKEN', () => {
    expect(readRunEnvironment({ GH_TOKEN: 'b' })).toMatchObject({
      token: 'b',
      tokenSource: 'GH_TOKEN',
    });
    expect(readRunEnvironment({ GH_TOKEN: 'b', GITHUB_TOKEN: 'a' })).toMatchObject({
      token: 'a',
      tokenSource: 'GITHUB_TOKEN',
    });
    expect(readRunEnvironment({ GITHUB_TOKEN: 'a' }, { token: 'i' })).toMatchObject({
      token: 'i',
      tokenSource: 'input',
    });
    expect(readRunEnvironment({}).token).toBeUndefined();
  });

  it('outside a workflow: defaults, no repository, no run URL; an unreadable event is a problem, not a crash', () => {
    const local = readRunEnvironment({}, { cwd: '/work/x' });
    expect(local).toMatchObject({
      onRunner: false,
      workspace: '/work/x',
      repository: undefined,
      runUrl: undefined,
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      event: {},
    });
    const broken = readRunEnvironment({ GITHUB_EVENT_PATH: join(dir, 'missing.json') });
    expect(broken.problems[0]).toMatch(/could not read the event payload .*missing\.json/);
    expect(readRunEnvironment({ GITHUB_REPOSITORY: 'not-a-repo' }).repository).toBeUndefined();
  });
});
