/** The register import's public API (the CLI is main.ts; tests and benchmarks drive these). */
export { createGraphqlClient, type GraphqlRequest } from './graphql-client';
export { importRegister, type ImportResult } from './importer';
export { EXIT, runCli } from './main';
