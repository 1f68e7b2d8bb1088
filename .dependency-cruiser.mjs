// The layer rules of DESIGN.md ("Layers (imports point down only)"), checked by `npm run lint`
// (dependency-cruiser, src/ only). Imports point down this list, never up or sideways:
//
//   src/actions/*.ts   one file per GitHub Action: inputs -> a command -> outputs. May run the
//                      CLI (the root action `run` runs any command line).
//   src/cli.ts, src/cli/   `modelci <command>`: argv -> a command -> stdout / exit code.
//   src/commands/      one function per command (runEvaluate, runDrift, ...): the orchestration,
//                      shared by the action and the CLI; the only place that loads modelci.yaml
//                      (src/config/load.ts) besides the two front ends.
//   adapters           every side effect: files, git, GitHub, ONNX, servers. Each may import core,
//                      the shapes of the config (src/config/schema/) and the adapters listed for
//                      it in ADAPTERS below, nothing else: a need outside that list is a command's
//                      job (orchestration) or a piece of core (pure logic).
//   src/core/          pure: plain data in, plain data out. Imports only core (and `yaml`, a pure
//                      serialiser); eslint.config.js bans process, fetch, Date.now, Math.random.
//
// No import cycles anywhere in src/, core included.

/** Adapter -> the adapters it is built on (a DAG; DESIGN.md's adapters plus the ones grown since). */
const ADAPTERS = {
  data: [], // files and tables: CSV, JSONL, Parquet, YAML/JSON with limits
  git: [], // the git binary
  onnx: [], // onnxruntime-node, ONNX protobuf
  github: ['git'], // REST client, PRs, comments, checks, deployments; pushes branches through git
  store: ['github'], // artifact stores; the release-asset store uses the GitHub client
  config: ['data'], // modelci.yaml: reads it with data's structured-file reader, validates it
  // The registry folder in git (records, stages, artifacts); GitHub for release-asset artifacts,
  // required checks and promotion pull requests.
  registry: ['data', 'git', 'github', 'onnx', 'store'],
  serve: ['onnx'], // the inference server
  // Deploy targets and smoke tests: servers over HTTP (never imported), the user's deploy command,
  // and the gitops target's commits.
  deploy: ['git', 'process'],
  train: ['data', 'onnx'], // the built-in trainer
  process: [], // child processes: the one shell-command runner (TERM, then KILL)
  // The option spec of every command: flags, --help, action inputs (node:util's parser).
  spec: [],
  // The catalog site: reads the registry, its git history and drift history files; writes the site.
  catalog: ['data', 'git', 'registry'],
  // Worker threads for CPU-bound cores (bootstrap resamples, drift's profiles of data files): runs
  // core code and the data readers on other threads.
  parallel: ['data'],
};

const names = Object.keys(ADAPTERS);
const folder = (list) => `^src/(${list.join('|')})/`;

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycles in src/ (DESIGN.md: no cycles inside core; none elsewhere either).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'known-layers',
      comment:
        'Every folder of src/ is a layer of this file: a new adapter gets an entry in ADAPTERS.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [`^src/(actions|cli|commands|core|${names.join('|')})/`, '^src/cli[.]ts$'],
      },
      to: {},
    },
    {
      name: 'core-is-pure',
      comment:
        'src/core imports only src/core (and yaml): no node built-ins, no adapters, no config, no npm packages with side effects.',
      severity: 'error',
      from: { path: '^src/core/' },
      // json-schema-to-ts is types only (FromSchema): nothing of it runs.
      to: { pathNot: ['^src/core/', '^node_modules/yaml/', '^node_modules/json-schema-to-ts/'] },
    },
    {
      name: 'core-no-builtins',
      comment: 'src/core touches no fs, network, process or clock: no node built-ins.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'adapters-not-up',
      comment: 'Adapters never import the commands, the CLI or the actions above them.',
      severity: 'error',
      from: { path: folder(names) },
      to: { path: ['^src/(commands|cli|actions)/', '^src/cli[.]ts$'] },
    },
    {
      name: 'commands-not-up',
      comment: 'Commands are shared by the CLI and the actions: they import neither.',
      severity: 'error',
      from: { path: '^src/commands/' },
      to: { path: ['^src/(cli|actions)/', '^src/cli[.]ts$'] },
    },
    {
      name: 'cli-not-actions',
      comment: 'The CLI does not import the actions (an action may run the CLI).',
      severity: 'error',
      from: { path: ['^src/cli/', '^src/cli[.]ts$'] },
      to: { path: '^src/actions/' },
    },
    {
      name: 'config-loaded-at-the-edge',
      comment:
        'modelci.yaml is loaded by the actions, the CLI and the commands and passed down; below them only its shapes (src/config/schema/) are imported.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(actions|cli|commands|config)/'] },
      to: { path: '^src/config/', pathNot: '^src/config/schema/' },
    },
    ...names.map((name) => {
      const others = names.filter((n) => n !== name && !ADAPTERS[name].includes(n));
      return {
        name: `adapter-${name}`,
        comment: `src/${name}/ may import core, src/config/schema/ and ${ADAPTERS[name].length ? ADAPTERS[name].map((a) => `src/${a}/`).join(', ') : 'no other adapter'} (ADAPTERS in .dependency-cruiser.mjs).`,
        severity: 'error',
        from: { path: `^src/${name}/` },
        to: { path: folder(others.filter((n) => n !== 'config')), pathNot: '^src/config/schema/' },
      };
    }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from another layer is a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
