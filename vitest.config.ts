import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// @actions/workflow-parser's dist/*.js name source maps whose sources it does not ship: Vite warns
// once per file it inlines (see server.deps.inline below). Loaded without the map comment, they
// are transformed without a warning; stack traces into the parser lose nothing we had.
const workflowParserWithoutSourceMaps: Plugin = {
  name: 'workflow-parser-without-source-maps',
  enforce: 'pre',
  load(id) {
    if (!/\/node_modules\/@actions\/workflow-parser\/.*\.js$/.test(id)) return null;
    const code = readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, '');
    return { code, map: null };
  },
};

export default defineConfig({
  plugins: [workflowParserWithoutSourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A temp directory per run that must be empty at the end; every file removes its tempDir()s.
    globalSetup: ['test/harness/global-setup.ts'],
    setupFiles: ['test/harness/setup.ts'],
    env: {
      // GitHub clients in tests skip the 1 s / 3 s spacing between writes (src/github/client.ts);
      // the runner harness passes this on to the actions it runs.
      MODELCI_GITHUB_WRITE_SPACING: 'off',
      // Tests that load onnxruntime-node directly (not through src/onnx/runtime.ts, which sets it)
      // would leave its telemetry files in the temp directory.
      ORT_DISABLE_TELEMETRY: '1',
    },
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's
    // ESM loader refuses; inlined, Vite transforms it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
