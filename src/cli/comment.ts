import { runComment } from '../commands/comment.js';
import { ModelciError } from '../core/errors.js';
import { listOpt, stringOpt, type Command } from './command.js';

const usage = `Usage: modelci comment --base <file|glob|dir>... --head <file|glob|dir>... [options]

Compares base and head metrics (JSON or YAML, nested keys flattened to a.b.c) and prints the
pull request comment as Markdown. With --pr (and a token) it posts the comment instead, updating
its own earlier comment for the same model and workflow.

Options:
  --base <path>       base metrics: a file, a glob or a directory (repeatable)
  --head <path>       head metrics: a file, a glob or a directory (repeatable)
  --report <file>     an evaluation report JSON (modelci evaluate --json), instead of or with base/head
  --history <file>    a list of {commit|label, metrics}: charts one metric's history
  --model <name>      model name (default: the only model in the config)
  --config <file>     config file (default: modelci.yaml, if present)
  --pr <number>       post to this pull request
  --repo <owner/name> repository to post to (default: $GITHUB_REPOSITORY)
  --token <token>     GitHub token (default: $GITHUB_TOKEN)
  --workflow <name>   name in the hidden marker (default: $GITHUB_WORKFLOW, else "modelci")`;

export const commentCommand: Command = {
  name: 'comment',
  summary: 'Render (and post) the metric comparison comment for a pull request',
  usage,
  options: {
    base: { type: 'string', multiple: true },
    head: { type: 'string', multiple: true },
    report: { type: 'string' },
    history: { type: 'string' },
    model: { type: 'string' },
    config: { type: 'string' },
    pr: { type: 'string' },
    repo: { type: 'string' },
    token: { type: 'string' },
    workflow: { type: 'string' },
  },
  async run(args, io) {
    const prText = stringOpt(args, 'pr');
    if (prText !== undefined && !/^[1-9]\d*$/.test(prText))
      throw new ModelciError('USAGE', `--pr must be a pull request number (got "${prText}")`);
    const token = stringOpt(args, 'token') ?? io.env.GITHUB_TOKEN;
    const repository = stringOpt(args, 'repo') ?? io.env.GITHUB_REPOSITORY;
    if (prText && !token)
      throw new ModelciError('USAGE', '--pr needs a GitHub token to post', {
        hint: 'Pass --token or set GITHUB_TOKEN; leave out --pr to print the Markdown',
      });
    const config = stringOpt(args, 'config');
    const report = stringOpt(args, 'report');
    const history = stringOpt(args, 'history');
    const model = stringOpt(args, 'model');
    const result = await runComment({
      base: listOpt(args, 'base'),
      head: listOpt(args, 'head'),
      ...(report ? { report } : {}),
      ...(history ? { history } : {}),
      ...(model ? { model } : {}),
      ...(config ? { config, configExplicit: true } : {}),
      workflow: stringOpt(args, 'workflow') ?? io.env.GITHUB_WORKFLOW ?? 'modelci',
      ...(repository ? { repository } : {}),
      ...(io.env.GITHUB_SERVER_URL ? { serverUrl: io.env.GITHUB_SERVER_URL } : {}),
      ...(prText && token
        ? {
            pr: Number(prText),
            github: { token, ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}) },
          }
        : {}),
      ...(io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}),
      log: (m) => io.stderr(`${m}\n`),
    });
    if (result.action === 'printed') {
      io.stdout(result.markdown);
      return 0;
    }
    io.stdout(`${result.action} comment ${result.commentId ?? ''} ${result.commentUrl ?? ''}\n`);
    return 0;
  },
};
