import { metricsFrom } from './metrics.js';
import { RUN_SCHEMA, type RunRecord, type RunSummary } from './record.js';

export function runSummary(r: RunRecord): RunSummary {
  const train = Object.fromEntries([...metricsFrom(r, 'training')].map(([k, m]) => [k, m.value]));
  const evaluation = Object.fromEntries(
    [...metricsFrom(r, 'evaluation')].map(([k, m]) => [k, { value: m.value }]),
  );
  const ci = {
    ...(r.ci?.head_sha ? { head_sha: r.ci.head_sha } : {}),
    ...(r.ci?.pull_request ? { pull_request: r.ci.pull_request } : {}),
  };
  return {
    schema: RUN_SCHEMA,
    id: r.id,
    model_name: r.model_name,
    status: r.status,
    ...(r.exit_code !== undefined ? { exit_code: r.exit_code } : {}),
    started_at: r.started_at,
    duration_ms: r.duration_ms,
    code: {
      ...(r.code.commit ? { commit: r.code.commit } : {}),
      ...(r.code.dirty !== undefined ? { dirty: r.code.dirty } : {}),
      ...(r.code.branch ? { branch: r.code.branch } : {}),
    },
    ...(Object.keys(ci).length ? { ci } : {}),
    ...(Object.keys(train).length ? { metrics: train } : {}),
    ...(r.evaluation ? { evaluation: { metrics: evaluation } } : {}),
    ...(r.model ? { model: { sha256: r.model.sha256 } } : {}),
    ...(r.parent ? { parent: r.parent } : {}),
    tags: r.tags,
    ...(r.note ? { note: r.note } : {}),
  };
}
