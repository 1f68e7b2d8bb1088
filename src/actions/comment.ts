import { readFileSync } from 'node:fs';
import * as core from './core.js';
import { runComment, type CommentOptions } from '../commands/comment.js';
import { ModelciError } from '../core/errors.js';
import { integerInput, listInput, optionalInput, runAction } from './runtime.js';

/** The run's event payload; a missing or unreadable file means "no event" (e.g. a local run). */
function readEvent(): { name?: string; payload?: unknown } {
  const name = process.env.GITHUB_EVENT_NAME;
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return name ? { name } : {};
  try {
    return {
      ...(name ? { name } : {}),
      payload: JSON.parse(readFileSync(path, 'utf8')) as unknown,
    };
  } catch (e) {
    core.warning(
      `could not read the event payload ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return name ? { name } : {};
  }
}

/** Inputs and the runner's environment as one typed options object, read once. */
function settings(): CommentOptions {
  const token = optionalInput('token');
  if (token) core.setSecret(token);
  const pr = integerInput('pr');
  if (pr !== undefined && pr < 1)
    throw new ModelciError('INPUT', `input "pr" must be a pull request number (got ${pr})`);
  const env = process.env;
  const config = optionalInput('config');
  const opts: CommentOptions = {
    base: listInput('base'),
    head: listInput('head'),
    workflow: env.GITHUB_WORKFLOW || 'modelci',
    event: readEvent(),
    log: (m) => core.info(m),
    // The default config may be absent (defaults apply); any other path must exist.
    ...(config ? { config, configExplicit: config !== 'modelci.yaml' } : {}),
  };
  const set = <K extends keyof CommentOptions>(k: K, v: CommentOptions[K] | undefined) => {
    if (v !== undefined) opts[k] = v;
  };
  set('report', optionalInput('report'));
  set('history', optionalInput('history'));
  set('model', optionalInput('model'));
  set('pr', pr);
  set('repository', env.GITHUB_REPOSITORY || undefined);
  set('serverUrl', env.GITHUB_SERVER_URL || undefined);
  set('sha', env.GITHUB_SHA || undefined);
  set('runId', env.GITHUB_RUN_ID || undefined);
  if (token) opts.github = { token, ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}) };
  return opts;
}

await runAction(async () => {
  const result = await runComment(settings());
  core.setOutput('regressions', String(result.regressions));
  core.setOutput('comment-id', result.commentId === undefined ? '' : String(result.commentId));
  core.setOutput('comment-url', result.commentUrl ?? '');
  if (result.warning) core.warning(result.warning);
  else if (result.commentUrl) core.info(`${result.action} ${result.commentUrl}`);
  else if (result.action === 'printed')
    core.warning('input "token" is empty: the report is in the job summary only');
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary).write();
  else core.info(result.markdown);
});
