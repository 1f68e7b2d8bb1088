import { configName, loadConfig, resolveModel } from '../config/load.js';
import type { MetricsConfig } from '../config/schema/metrics.js';
import { ModelciError } from '../core/errors.js';
import type { Task } from '../core/report/evaluation-report.js';
import type { EvaluateOptions } from './evaluate-options.js';

/** What the CLI flags or action inputs say; modelci.yaml fills the gaps. */
export interface EvaluateRequest {
  config?: string;
  /** The user named the config file: it must exist. */
  configExplicit?: boolean;
  /** Model name in modelci.yaml. */
  name?: string;
  model?: string;
  data?: string;
  label?: string;
  task?: Task;
  baseline?: string;
  features?: string[];
  slices?: string[];
  dropInvalid?: boolean;
  resamples?: number;
  seed?: number;
  batchSize?: number;
}

/**
 * Finds a baseline by reference (`production`, `staging`): the registry's stage pointer. The
 * registry work plugs its resolver in here; without one, only file baselines work.
 */
export type BaselineResolver = (
  modelName: string,
  stage: string,
) => Promise<{ file: string; version?: string; source: string } | undefined>;

const TASKS = new Set(['binary', 'multiclass', 'regression']);

export function parseTask(v: string | undefined): Task | undefined {
  if (v === undefined) return undefined;
  if (!TASKS.has(v))
    throw new ModelciError('USAGE', `task must be binary, multiclass or regression (got "${v}")`);
  return v as Task;
}

export async function resolveEvaluateRequest(
  req: EvaluateRequest,
  resolveBaseline?: BaselineResolver,
): Promise<EvaluateOptions> {
  const loaded = loadConfig(req.config, {
    explicit: req.configExplicit ?? req.config !== undefined,
  });
  const { name, model: m } = resolveModel(loaded, req.name);
  const need = (v: string | undefined, what: string, flag: string, key: string): string => {
    if (v) return v;
    throw new ModelciError('USAGE', `no ${what}`, {
      hint: `Pass ${flag}, or set models.${name}.${key} in ${configName(loaded)}`,
    });
  };
  const model = req.model;
  if (!model)
    throw new ModelciError('USAGE', 'no model file', {
      hint: 'Pass --artifact <file.onnx> (action input artifact)',
    });
  const data = need(req.data ?? m.data.holdout, 'evaluation data', '--data', 'data.holdout');
  const label = need(req.label ?? m.data.label, 'label column', '--label', 'data.label');
  const ev = m.evaluate;
  let baseline = req.baseline ?? ev.baseline;
  let baselineSource: string | undefined;
  let baselineVersion: string | undefined;
  if (baseline && /^(production|staging)$/.test(baseline)) {
    const found = resolveBaseline ? await resolveBaseline(name, baseline) : undefined;
    if (!found && !resolveBaseline)
      throw new ModelciError('CONFIG', `baseline "${baseline}" needs the model registry`, {
        hint: 'Pass a baseline .onnx file instead (--baseline, action input baseline)',
      });
    // No version in that stage yet: the first model is evaluated on its own.
    baseline = found?.file;
    baselineSource = found?.source;
    baselineVersion = found?.version;
  }
  const boot = ev.bootstrap;
  return {
    model,
    data,
    label,
    modelName: name,
    ...(m.primary_metric ? { primaryMetric: m.primary_metric } : {}),
    ...((req.task ?? m.task) ? { task: (req.task ?? m.task)! } : {}),
    ...(baseline ? { baseline, baselineSource: baselineSource ?? 'file' } : {}),
    ...(baselineVersion ? { baselineVersion } : {}),
    ...((req.features ?? m.data.features) ? { features: (req.features ?? m.data.features)! } : {}),
    ...((req.slices ?? ev.slices).length ? { slices: req.slices ?? ev.slices } : {}),
    dropInvalid: req.dropInvalid ?? ev.drop_invalid,
    batchSize: req.batchSize ?? ev.batch_size,
    latencyRequests: ev.latency_requests,
    bootstrap: {
      resamples: req.resamples ?? boot.resamples,
      seed: req.seed ?? boot.seed,
      confidence: boot.confidence,
    },
    ...(m.gates ? { gates: m.gates } : {}),
    ...metricSettings(m.metrics),
  };
}

function metricSettings(metrics: MetricsConfig): Partial<EvaluateOptions> {
  return {
    ...(metrics.tolerance !== undefined ? { tolerance: metrics.tolerance } : {}),
    ...(metrics.relative_tolerance !== undefined
      ? { relativeTolerance: metrics.relative_tolerance }
      : {}),
    ...(metrics.directions ? { directions: metrics.directions } : {}),
  };
}
