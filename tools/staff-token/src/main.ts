import { runTokenCli, TokenCliError } from './token-cli';

/** `npm run token -- --user … --role … --branch …`: prints a development staff token on stdout. */
function main(): void {
  try {
    process.stdout.write(`${runTokenCli(process.argv.slice(2), process.env)}\n`);
  } catch (error) {
    if (error instanceof TokenCliError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.exitCode);
    }
    throw error;
  }
}

main();
