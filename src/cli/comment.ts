import { invokeComment } from '../commands/invoke/comment.js';
import { ModelciError } from '../core/errors.js';
import { commentSpec } from '../spec/commands/comment.js';
import { defineCliCommand } from './command.js';

export const commentCommand = defineCliCommand({
  spec: commentSpec,
  async run(parsed, io, inv) {
    if (parsed.values.pr !== undefined && !inv.env.token)
      throw new ModelciError('USAGE', '--pr needs a GitHub token to post', {
        hint: 'Set GITHUB_TOKEN (or GH_TOKEN); leave out --pr to print the Markdown',
      });
    const result = await invokeComment(parsed, inv);
    if (result.warning) io.stderr(`modelci comment: warning: ${result.warning}\n`);
    if (result.action === 'printed') {
      io.stdout(result.markdown);
      return 0;
    }
    io.stdout(`${result.action} comment ${result.commentId ?? ''} ${result.commentUrl ?? ''}\n`);
    return 0;
  },
});
