import { main } from './cli/main.js';

// The `modelci` executable (bin/modelci.js loads the bundle of this file).
const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stdoutBytes: (b) => process.stdout.write(b),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
process.exitCode = code;
