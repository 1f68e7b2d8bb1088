import { randomUUID } from 'node:crypto';

// ACTIONS_RUNTIME_TOKEN as the runner hands it out: a JWT whose `scp` claim carries the workflow
// run and job backend ids (`Actions.Results:<run>:<job>`), which @actions/artifact reads without
// checking the signature. The stand-in's tokens are unsigned (`alg: none`): only it reads them.

export interface RuntimeJob {
  token: string;
  runBackendId: string;
  jobBackendId: string;
}

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function issueRuntimeToken(
  runBackendId: string = randomUUID(),
  jobBackendId: string = randomUUID(),
): RuntimeJob {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    // Other scopes come first on GitHub too; the library picks the Actions.Results one.
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'artifact-stand-in',
    nbf: now - 60,
    exp: now + 6 * 3600,
  };
  return {
    token: `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url(claims)}.`,
    runBackendId,
    jobBackendId,
  };
}
