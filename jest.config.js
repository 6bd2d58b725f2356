// Jest runs TypeScript through @swc/jest with the build's own swc options (tools/swc-options.cjs).
// PGlite needs NODE_OPTIONS=--experimental-vm-modules under Jest (see tools/run-tests.mjs).
const { swcOptions } = require('./tools/swc-options.cjs');
const tsconfig = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions()] },
  moduleNameMapper,
  testMatch: ['<rootDir>/{libs,services,gateway,tools}/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/bench/'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
};
