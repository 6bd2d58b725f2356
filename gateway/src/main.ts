import { ConfigError, loadConfig } from './config';
import { issueDevToken } from './dev-token';
import { startPlatform, type RunningPlatform } from './platform';
import { startServerGateway, type RunningServerGateway } from './single-server';

/**
 * `npm start`: the single-node platform (DESIGN §2) on PGlite under ./data (or PostgreSQL with
 * SAMABAY_DATABASE_URL); with SAMABAY_TOPOLOGY=single-server the gateway process of that topology
 * (npm run start:server runs it beside the services). Prints the GraphQL URL and, outside
 * production with HS256 tokens, a development token for a head-office user (`npm run token` issues
 * others). SIGINT/SIGTERM stop it cleanly: HTTP server, projection runner, database.
 */
async function main(): Promise<void> {
  let platform: RunningPlatform | RunningServerGateway;
  try {
    const config = loadConfig();
    // single-server: this process is the gateway only; the services, relay and projector run beside it (npm run start:server).
    platform = config.topology === 'single-server' ? await startServerGateway(config) : await startPlatform(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Samabay cannot start: ${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`Samabay failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  }

  const { config } = platform;
  process.stdout.write(`Samabay GraphQL: ${displayUrl(platform.url)}\n`);
  if (config.nodeEnv !== 'production' && (config.jwtVerification?.algorithm ?? 'HS256') === 'HS256') {
    const token = issueDevToken({ secret: config.jwtSecret, userId: 'dev-head-office', role: 'head_office', branch: 'SNG' });
    process.stdout.write(`Development token (head office, SNG, valid 12 h) — send as "Authorization: Bearer <token>":\n${token}\n`);
    if (config.devSecretsFile) process.stdout.write(`Development secrets: ${config.devSecretsFile}\n`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    platform.logger.info({ signal }, 'stopping');
    platform.stop().then(
      () => {
        process.stdout.write('Samabay stopped.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`Samabay did not stop cleanly: ${error instanceof Error ? error.name : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Shows a loopback or wildcard address as localhost, the address staff type into a browser. */
function displayUrl(url: string): string {
  return url.replace(/^http:\/\/(127\.0\.0\.1|0\.0\.0\.0|\[::1?\])(?=:)/, 'http://localhost');
}

void main();
