// Lint = module boundaries (Nx) + the rule that domain code imports no framework, infrastructure or outer layer (DESIGN §10).
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
            // The domain kit is the bottom of the graph: it depends on no other project (DESIGN §10).
            { sourceTag: 'type:domain-kit', onlyDependOnLibsWithTags: ['type:domain-kit'] },
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
    // Deciders are pure: no framework, no I/O, no clock from the platform. Of the @samabay libraries only the
    // domain kit (itself pure: tools/domain-purity.spec.ts) is allowed, and nothing from the service's own
    // application or infrastructure layers.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworkImports, message: 'Domain code imports no framework or I/O (DESIGN §10).' },
            { group: ['@samabay/*', '!@samabay/domain-kit'], message: 'Domain code imports only @samabay/domain-kit of the @samabay libraries: the others are infrastructure (DESIGN §10).' },
            { regex: '^\\.{1,2}/(.*/)?(application|infrastructure)(/|$)', message: 'Domain code does not reach into the application or infrastructure layer (DESIGN §10).' },
          ],
        },
      ],
    },
  },
  {
    // The domain kit is framework-free too (it may use node:crypto for ids and hashes), and imports no other
    // @samabay library: everything else is infrastructure or depends on the kit.
    files: ['libs/domain-kit/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworkImports.filter((name) => !['node:*', 'crypto'].includes(name)), message: 'The domain kit imports no framework (DESIGN §10).' },
            { group: ['@samabay/*'], message: 'The domain kit imports no other @samabay library: it is the bottom of the dependency graph (DESIGN §10).' },
          ],
        },
      ],
    },
  },
);
