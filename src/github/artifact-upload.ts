import { basename } from 'node:path';

/** Where the upload reports: the action's log (src/actions/core.ts). */
export interface UploadLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * Uploads files as a workflow run artifact when the runner's artifact service is there (it is not
 * for local runs, `act`, or GHES without artifact storage): a missing service or a failed upload is
 * a log line or warning, never a failed step, since the files are also written to disk.
 */
export async function uploadRunArtifact(
  name: string,
  files: string[],
  rootDir: string,
  core: UploadLog,
  /** The run's server (GITHUB_SERVER_URL from the run environment). */
  serverUrl = 'https://github.com',
): Promise<string | undefined> {
  const listed = files.map((f) => basename(f)).join(', ');
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    core.info(`artifact service not available: ${listed} not uploaded`);
    return undefined;
  }
  // @actions/artifact refuses GHES with a warning of its own ("errors can be temporary, try
  // again") before throwing, so each run there warned twice about something nobody can fix.
  if (onGhes(serverUrl)) {
    core.info(
      `artifact service not available on GitHub Enterprise Server (@actions/artifact supports github.com and ghe.com): ${listed} not uploaded`,
    );
    return undefined;
  }
  try {
    // Loaded only here: the library (and @actions/core under it) is most of an action's start-up.
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().uploadArtifact(name, files, rootDir);
    core.info(`uploaded ${listed} as artifact ${name}`);
    return name;
  } catch (e) {
    core.warning(`could not upload artifact ${name}: ${(e as Error).message}`);
    return undefined;
  }
}

/** @actions/artifact's own test (shared/config.js isGhes): not github.com, *.ghe.com, *.localhost. */
function onGhes(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname.toUpperCase();
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}
