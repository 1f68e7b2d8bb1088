import * as core from './core.js';
import { splitCommandLine } from '../core/command-line.js';
import { main } from '../cli/main.js';
import { ModelciError } from '../core/errors.js';
import { runAction } from './runtime.js';

// The root action: `uses: <owner>/modelci@v0` with `command: drift --reference ... --json` runs
// any CLI command on the runner. Output `stdout` carries what the command printed.
await runAction(async () => {
  const argv = splitCommandLine(core.getInput('command', { required: true }));
  if (argv[0] === 'modelci') argv.shift();
  if (argv.length === 0)
    throw new ModelciError('INPUT', 'input "command" is empty', {
      hint: 'Give a modelci command, e.g. `drift --help`',
    });
  let stdout = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
      process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    isTTY: false,
    env: process.env,
  });
  core.setOutput('stdout', stdout.length > 1_000_000 ? stdout.slice(0, 1_000_000) : stdout);
  core.setOutput('exit-code', String(code));
  if (code !== 0) core.setFailed(`modelci ${argv[0]} exited with code ${code}`);
});
