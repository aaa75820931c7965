// ESLint (npm run lint): typescript-eslint's type-checked recommendations on the TypeScript, each file
// read with the tsconfig.json nearest to it (the engine, the sidebar and the playground page have
// their own, with their own globals); ESLint's recommendations on the build and support scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'data/', 'test-output/', 'node_modules/', 'bench/corpus/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test runs what test() and describe() return; nothing else may float.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
      // A leading underscore names what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Errors are values with codes ({ code, message }) across the bridge: the sidebar rejects and throws them as they are.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      // String(x) of a value narrowed from unknown is how the emulator, the logs and the escaping print
      // any cell or answer; the rule cannot tell that from an accidental "[object Object]".
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The sandbox's routes are Fastify handlers: async by contract, the answer is what they return.
    files: ['packages/upflow-sandbox/routes/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The table of server functions holds plain functions that use no `this`.
    files: ['src/server/main.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The cached organisation is read back with a bare cast; the one store (issue 14) is to parse it.
    files: ['src/server/organisation.ts'],
    rules: { '@typescript-eslint/no-unsafe-return': 'off' },
  },
  {
    // Tests read raw JSON answers (the sandbox's, a fixture server's) whose shape is what they assert,
    // and their failure messages print whatever they got.
    files: ['test/**/*.ts', 'packages/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // What a page's script answers is declared with `as`, not inferred: the browser decides it.
    files: ['test/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
