import { spawn } from 'node:child_process';
import { ModelciError } from '../../core/errors.js';
import type { DeployTarget, TargetContext, TargetResult } from './target.js';

/**
 * The user's deploy script, run by the shell with the model in its environment: MODEL_PATH,
 * MODEL_NAME, MODEL_VERSION, MODEL_SHA256, MODEL_URI, ENVIRONMENT (and ENVIRONMENT_URL). A
 * non-zero exit fails the deployment; past the timeout the process group is killed.
 */
export class CommandTarget implements DeployTarget {
  readonly kind = 'command';

  constructor(
    private readonly command: string,
    private readonly cwd: string = process.cwd(),
  ) {}

  deploy(ctx: TargetContext): Promise<TargetResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, {
        shell: true,
        cwd: this.cwd,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
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
      let tail = '';
      const keep = (d: Buffer) => {
        const text = d.toString();
        for (const line of text.split('\n')) if (line.trim()) ctx.log(`  ${line}`);
        tail = (tail + text).slice(-2000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        // The whole process group: a shell's children must not outlive the deploy.
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, ctx.timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new ModelciError('DEPLOY', `cannot run deploy command: ${e.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const last = tail.trim().split('\n').slice(-3).join(' | ');
        if (timedOut)
          reject(
            new ModelciError('DEPLOY', `deploy command timed out after ${ctx.timeoutMs / 1000}s`, {
              hint: 'Raise environments.<env>.timeout_minutes or make the command faster',
            }),
          );
        else if (code !== 0)
          reject(
            new ModelciError(
              'DEPLOY',
              `deploy command failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${last ? `: ${last}` : ''}`,
            ),
          );
        else resolve({ ...(ctx.url ? { url: ctx.url } : {}), detail: `ran \`${this.command}\`` });
      });
    });
  }
}
