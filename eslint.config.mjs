// Lint = module boundaries (Nx) + the rule that domain code imports no framework (DESIGN §10).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworkImports = ['@nestjs/*', 'pg', '@electric-sql/*', 'kafkajs', '@kurrent/*', 'graphql', '@apollo/*', 'pino', 'nestjs-pino', 'prom-client', 'express', 'node:*', 'fs', 'crypto', 'http', 'net'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tmp/**', 'data/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin } },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain-kit', onlyDependOnLibsWithTags: ['type:infra'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain-kit'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:infra', 'type:domain-kit'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infra', 'type:domain-kit', 'type:service'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:infra', 'type:domain-kit'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    // kafkajs is unmaintained upstream: only the messaging adapter imports it, so it can be swapped (DESIGN §6).
    files: ['**/*.ts'],
    ignores: ['libs/messaging/src/kafkajs/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use @samabay/messaging: kafkajs stays inside libs/messaging/src/kafkajs (DESIGN §6).' }] }] },
  },
  {
    // Deciders and the domain kit are pure: no framework, no I/O, no clock from the platform.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: frameworkImports, message: 'Domain code imports no framework or I/O (DESIGN §10).' }] }],
    },
  },
  {
    // The domain kit is framework-free too (it may use node:crypto for ids and hashes).
    files: ['libs/domain-kit/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: frameworkImports.filter((name) => !['node:*', 'crypto'].includes(name)), message: 'The domain kit imports no framework (DESIGN §10).' }] }],
    },
  },
);
