import { describe, expect, it } from 'vitest';
import { ModelciError } from '../../../src/core/errors.js';
import { backoffMs, pushRetryPolicy, pushWithRetry } from '../../../src/git/push-retry.js';

const policy = { attempts: 5, baseMs: 100, maxMs: 300 };

describe('the push-retry policy (registry and gitops)', () => {
  it('retries a rejected push after a growing, capped, jittered backoff, refreshing first', async () => {
    const waits: number[] = [];
    const log: string[] = [];
    let n = 0;
    const r = await pushWithRetry({
      policy,
      target: 'main',
      hint: 'again',
      attempt: async () => (++n < 4 ? 'rejected' : { done: 'ok' }),
      refresh: async (i) => void log.push(`refresh ${i}`),
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      log: (m) => log.push(m),
    });
    expect(r).toEqual({ value: 'ok', attempts: 4 });
    expect(waits).toEqual([100, 200, 300]);
    expect(log.filter((l) => l.startsWith('refresh'))).toEqual([
      'refresh 1',
      'refresh 2',
      'refresh 3',
    ]);
    expect(backoffMs(policy, 1, () => 0)).toBe(50);
    expect(backoffMs(policy, 9, () => 0.999)).toBe(450);
  });

  it('gives up after the last attempt with the hint', async () => {
    const e = await pushWithRetry({
      policy,
      target: 'main',
      hint: 'Run again, or raise registry.push_attempts',
      attempt: async () => 'rejected' as const,
      refresh: async () => {},
      sleep: async () => {},
    }).catch((x: unknown) => x);
    expect((e as ModelciError).format()).toBe(
      'gave up after 5 push attempts: other writers kept pushing to main first. Run again, or raise registry.push_attempts',
    );
  });

  it('does not retry any other failure (permissions, network): it ends at once', async () => {
    let n = 0;
    await expect(
      pushWithRetry({
        policy,
        target: 'main',
        hint: '',
        attempt: async () => {
          n++;
          throw new ModelciError('GIT', 'git push was denied');
        },
        refresh: async () => {},
        sleep: async () => {},
      }),
    ).rejects.toThrow('git push was denied');
    expect(n).toBe(1);
  });

  it('takes the environment overrides tests use', () => {
    expect(pushRetryPolicy(20, {})).toEqual({ attempts: 20, baseMs: 500, maxMs: 8000 });
    expect(
      pushRetryPolicy(20, {
        MODELCI_PUSH_ATTEMPTS: '3',
        MODELCI_RETRY_BASE_MS: '10',
        MODELCI_RETRY_MAX_MS: 'x',
      }),
    ).toEqual({ attempts: 3, baseMs: 10, maxMs: 8000 });
  });
});
