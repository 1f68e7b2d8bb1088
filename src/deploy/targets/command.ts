import { runShellCommand } from '../../process/shell-command.js';
import { ModelciError } from '../../core/errors.js';
import type { DeployTarget, TargetContext, TargetFactory, TargetResult } from './target.js';

/** `target: command`: `environments.<env>.command` (required; the schema says so too). */
export const commandTarget: TargetFactory = (environment, config, cwd) => {
  if (!config.command)
    throw new ModelciError('CONFIG', 'the command target needs a command', {
      path: `environments.${environment}.command`,
    });
  return new CommandTarget(config.command, cwd);
};

/**
 * The user's deploy script, run by the shell with the model in its environment: MODEL_PATH,
 * MODEL_NAME, MODEL_VERSION, MODEL_SHA256, MODEL_URI, ENVIRONMENT (and ENVIRONMENT_URL). A
 * non-zero exit fails the deployment; past the timeout the process group gets TERM, then KILL.
 */
export class CommandTarget implements DeployTarget {
  readonly kind = 'command';

  constructor(
    private readonly command: string,
    private readonly cwd: string = process.cwd(),
  ) {}

  async deploy(ctx: TargetContext): Promise<TargetResult> {
    let r;
    try {
      r = await runShellCommand(this.command, {
        cwd: this.cwd,
        timeoutMs: ctx.timeoutMs,
        onLine: (line) => {
          if (line.trim()) ctx.log(`  ${line}`);
        },
        env: {
          ...process.env,
          MODEL_PATH: ctx.artifactPath,
          MODEL_NAME: ctx.model,
          MODEL_VERSION: ctx.version,
          MODEL_SHA256: ctx.sha256,
          MODEL_URI: ctx.artifactUri,
          ENVIRONMENT: ctx.environment,
          ...(ctx.url ? { ENVIRONMENT_URL: ctx.url } : {}),
        },
      });
    } catch (e) {
      throw new ModelciError('DEPLOY', `cannot run deploy command: ${(e as Error).message}`);
    }
    if (r.timedOut)
      throw new ModelciError('DEPLOY', `deploy command timed out after ${ctx.timeoutMs / 1000}s`, {
        hint: 'Raise environments.<env>.timeout_minutes or make the command faster',
      });
    const last = r.tail.trim().split('\n').slice(-3).join(' | ');
    if (r.code !== 0)
      throw new ModelciError(
        'DEPLOY',
        `deploy command failed with ${r.code === null ? `signal ${r.signal}` : `exit code ${r.code}`}${last ? `: ${last}` : ''}`,
      );
    return { ...(ctx.url ? { url: ctx.url } : {}), detail: `ran \`${this.command}\`` };
  }
}
