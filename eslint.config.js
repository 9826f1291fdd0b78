// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

/** Import boundaries per runtime (a light version of VS Code's code-layering rule). */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs outside Node: no node:* imports.' };
const electronOnly = {
  name: 'electron',
  message: 'Only src/main/index.ts-side Electron code and the preload may import electron.',
};
const native = { name: 'better-sqlite3', message: 'SQLite lives in src/main services only.' };
const vueOnly = { name: 'vue', message: 'Vue belongs to src/renderer.' };

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'build/native-electron/**',
      'coverage/**',
      'content/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/no-v-html': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            native,
            vueOnly,
            { name: 'pinia', message: 'Pinia belongs to src/renderer.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared depends on nothing else in src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, native],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/preload/index*'],
              message: 'The renderer reaches main only through its api module.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [native, vueOnly],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The preload imports only electron and src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vueOnly, { name: 'pinia', message: 'Pinia belongs to src/renderer.' }],
          patterns: [{ group: ['**/renderer/**', '*.vue'], message: 'Main does not import renderer code.' }],
        },
      ],
    },
  },
  {
    // Electron may only be imported by the thin Electron layer (index.ts, window/, ipc/), never by services.
    files: ['src/main/**'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vueOnly, electronOnly],
          patterns: [{ group: ['**/renderer/**', '*.vue'], message: 'Main does not import renderer code.' }],
        },
      ],
    },
  },
);
