import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/load.js';
import { ModelciError } from '../../../src/core/errors.js';

function gates(g: unknown) {
  return validateConfig({ version: 1, models: { churn: { gates: g } } }, 'modelci.yaml').models
    .churn?.gates;
}

function pathOf(g: unknown): string | undefined {
  try {
    gates(g);
  } catch (e) {
    if (e instanceof ModelciError) return e.where.path;
    throw e;
  }
  return undefined;
}

describe('gates schema', () => {
  it('accepts every documented gate and fills defaults', () => {
    const g = gates({
      min: { roc_auc: 0.9 },
      max: { log_loss: 0.3 },
      max_regression: { accuracy: 0.01, roc_auc: '2%' },
      not_significantly_worse: { metrics: ['accuracy'] },
      slices: { max_drop: { accuracy: 0.05 } },
      latency_p95_ms: 20,
      max_size: '10MB',
      signature: 'compatible',
    });
    expect(g?.not_significantly_worse?.alpha).toBe(0.05);
    expect(g?.slices?.min_rows).toBe(30);
    expect(g?.fail_step).toBe(true);
  });

  it.each([
    [{ min: { roc_auc: 'high' } }, 'models.churn.gates.min.roc_auc'],
    [{ max_regression: { accuracy: '2 percent' } }, 'models.churn.gates.max_regression.accuracy'],
    [{ max_regression: { accuracy: -0.1 } }, 'models.churn.gates.max_regression.accuracy'],
    [{ not_significantly_worse: { alpha: 0.05 } }, 'models.churn.gates.not_significantly_worse'],
    [{ max_size: '10 parsecs' }, 'models.churn.gates.max_size'],
    [{ signature: 'same' }, 'models.churn.gates.signature'],
    [{ latency_p99_ms: 3 }, 'models.churn.gates'],
  ])('rejects %j at its key path', (g, path) => {
    expect(pathOf(g)).toBe(path);
  });
});
