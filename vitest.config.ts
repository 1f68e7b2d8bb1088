import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // GitHub clients in tests skip the 1 s / 3 s spacing between writes (src/github/client.ts);
    // the runner harness passes this on to the actions it runs.
    env: { MODELCI_GITHUB_WRITE_SPACING: 'off' },
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's
    // ESM loader refuses; inlined, Vite transforms it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
