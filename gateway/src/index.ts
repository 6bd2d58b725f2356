/** The gateway's public API for tests, benchmarks and tools that run the platform in-process. */
export { loadConfig, inMemoryConfig, ConfigError, type PlatformConfig } from './config';
export { issueDevToken } from './dev-token';
export { createPlatform, startPlatform, type Platform, type RunningPlatform } from './platform';
export { createServerGateway, startServerGateway, type ServerGateway, type RunningServerGateway } from './single-server';
