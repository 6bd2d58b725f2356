/** Environment variable naming the PostgreSQL server of the tests (e.g. postgres://postgres@127.0.0.1:5432/test). */
export const POSTGRES_URL_VARIABLE = 'SAMABAY_TEST_POSTGRES_URL';

/**
 * `describe` when the environment variable `variable` is set (non-empty); otherwise `describe.skip`
 * with `[skipped: set <variable>]` appended to the title, so the report says what would enable it.
 */
export function describeIfEnv(variable: string, title: string, body: () => void): void {
  const value = process.env[variable];
  if (value !== undefined && value.trim() !== '') describe(title, body);
  else describe.skip(`${title} [skipped: set ${variable}]`, body);
}

/** The PostgreSQL URL of the tests, or undefined when SAMABAY_TEST_POSTGRES_URL is not set. */
export function postgresTestUrl(): string | undefined {
  const value = process.env[POSTGRES_URL_VARIABLE];
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
