import * as core from './core.js';
import { invokeTrain } from '../commands/invoke/train.js';
import { renderDataChecks } from '../core/report/data-checks.js';
import { trainSpec } from '../spec/commands/train.js';
import { runCommandAction } from './runtime.js';
import { formatDuration } from '../core/report/number-format.js';

await runCommandAction(trainSpec, async (parsed, inv) => {
  const { name, record, artifact, dataCacheKey, run } = await invokeTrain(parsed, inv, {
    // Training stops on a data error: the report of the checks is what the summary shows.
    async onDataChecksFailed(report) {
      await core.summary.addRaw(renderDataChecks(report), true).write();
    },
  });
  core.setOutput('model', record.files.model);
  core.setOutput('run-record', record.files.record);
  core.setOutput('sha256', record.model.sha256);
  core.setOutput('run-id', record.id);
  if (run) core.setOutput('run-ref', run.ref);
  core.setOutput('run-pushed', String(run?.pushed ?? false));
  if (record.metrics) core.setOutput('metrics', JSON.stringify(record.metrics));
  if (dataCacheKey) core.setOutput('data-cache-key', dataCacheKey);
  if (artifact) core.setOutput('artifact', artifact);
  await core.summary
    .addHeading(`modelci train: ${name}`, 3)
    .addTable([
      [
        { data: 'what', header: true },
        { data: 'value', header: true },
      ],
      [
        'run',
        run ? `${record.id}${run.pushed ? ' (pushed)' : ''}` : `${record.id} (not kept in git)`,
      ],
      ['trainer', record.trainer],
      ['model', `${record.model.bytes} bytes, sha256 ${record.model.sha256.slice(0, 12)}`],
      [
        'training data',
        record.data.train
          ? `${record.data.train.rows ?? '?'} rows, sha256 ${record.data.train.sha256.slice(0, 12)}`
          : 'n/a',
      ],
      ['duration', formatDuration(record.duration_ms)],
    ])
    .write();
});
