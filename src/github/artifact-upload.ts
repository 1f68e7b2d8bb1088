import { basename } from 'node:path';
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';

/**
 * Uploads files as a workflow run artifact when the runner's artifact service is there (it is not
 * for local runs, `act`, or GHES without artifact storage): a missing service or a failed upload is
 * a log line or warning, never a failed step, since the files are also written to disk.
 */
export async function uploadRunArtifact(
  name: string,
  files: string[],
  rootDir: string,
): Promise<string | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    core.info(
      `artifact service not available: ${files.map((f) => basename(f)).join(', ')} not uploaded`,
    );
    return undefined;
  }
  try {
    await new DefaultArtifactClient().uploadArtifact(name, files, rootDir);
    core.info(`uploaded ${files.map((f) => basename(f)).join(', ')} as artifact ${name}`);
    return name;
  } catch (e) {
    core.warning(`could not upload artifact ${name}: ${(e as Error).message}`);
    return undefined;
  }
}
