import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelciError } from '../core/errors.js';

/** The folder of the modelci package this code runs from (a checkout or node_modules/modelci). */
export function modelciRoot(from = fileURLToPath(import.meta.url)): string {
  for (let d = dirname(from); d !== dirname(d); d = dirname(d)) {
    const manifest = join(d, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'modelci')
      return d;
  }
  throw new ModelciError('USAGE', `cannot find the modelci package above ${from}`);
}

/**
 * `npm pack` of the running modelci into `dest`: the same files an adopter installs (package.json
 * `files`), no install scripts run. Returns the tarball's file name.
 */
export function packModelci(dest: string, env: NodeJS.ProcessEnv): Promise<string> {
  const root = modelciRoot();
  const args = ['pack', root, '--json', '--ignore-scripts', '--pack-destination', dest];
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      args,
      {
        cwd: dest,
        env: { ...env, npm_config_update_notifier: 'false' },
        maxBuffer: 64 * 1024 * 1024,
        shell: process.platform === 'win32',
      },
      (err, stdout, stderr) => {
        if (err)
          return reject(
            new ModelciError(
              'USAGE',
              `npm pack of modelci (${root}) failed: ${(stderr || err.message).trim().split('\n').slice(-2).join(' ')}`,
              { hint: 'modelci package needs npm (it comes with Node.js)' },
            ),
          );
        const [packed] = JSON.parse(stdout) as { filename: string }[];
        resolve(packed!.filename);
      },
    );
  });
}
