import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'actions/*/dist/',
      'node_modules/',
      'coverage/',
      'test/fixtures/',
      '.tmp/',
      // Precompiled validators (scripts/validators.ts).
      'src/*/generated/',
      // What `npm run demo` and `npm run bench` write (git ignores them too).
      'demo-out/',
      'bench/out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // One run environment (src/github/run-environment.ts) reads the GitHub Actions variables;
    // everything else takes a RunEnvironment (DESIGN.md), so two readers cannot disagree.
    files: ['src/**/*.ts'],
    ignores: ['src/github/run-environment.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(GITHUB|GH)_/]',
          message: 'Read GitHub Actions variables through src/github/run-environment.ts.',
        },
        {
          selector: 'MemberExpression[property.value=/^(GITHUB|GH)_/]',
          message: 'Read GitHub Actions variables through src/github/run-environment.ts.',
        },
        {
          selector: 'TemplateLiteral[quasis.0.value.raw=/^GITHUB_/]',
          message: 'Read GitHub Actions variables through src/github/run-environment.ts.',
        },
      ],
    },
  },
  {
    // core/ is pure: no process or clock (DESIGN.md "Layers"). Its imports (no node built-ins, no
    // adapters, no config) are checked with the other layer rules in .dependency-cruiser.mjs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now' },
        { object: 'Math', property: 'random' },
      ],
    },
  },
);
