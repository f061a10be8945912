import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-cli/',
      'dist-electron/',
      'dist-bench/',
      'release/',
      'test-results/',
      'playwright-report/',
      'eslint.config.js',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Exported functions are declarations (architecture.md: better stack traces).
      'func-style': ['error', 'declaration', { allowArrowFunctions: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"]', message: 'No .only in tests' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // The simulator and every other shared module must be pure and reproducible.
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator passed in.' },
        { object: 'Date', property: 'now', message: 'shared/ takes time as input.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
  },
)
