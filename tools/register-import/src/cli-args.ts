import { isValidIsoDate } from '@samabay/domain-kit';
import { parseArgs } from 'node:util';
import { MAX_ROWS_PER_CALL } from './platform-api';
import { DEFAULT_BATCH_SIZE } from './importer';

/** Where `npm start` serves GraphQL by default. */
export const DEFAULT_GRAPHQL_URL = 'http://localhost:4000/graphql';

/** The import command's options after parsing and checking. */
export interface CliOptions {
  readonly file: string;
  readonly url: string;
  readonly token: string;
  readonly reportPath: string | undefined;
  readonly batchSize: number;
  readonly quiet: boolean;
  /** Business date of the opening balances (YYYY-MM-DD); undefined = today in Asia/Kolkata. */
  readonly businessDate: string | undefined;
}

/** The command line was wrong; `message` says how (and the CLI prints the usage). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command's help text (printed for --help and after a usage error). */
export const USAGE = `usage: npm run import -- <register.csv> [--url ${DEFAULT_GRAPHQL_URL}] [--token <jwt>] [--report rejects.csv] [--batch ${DEFAULT_BATCH_SIZE}] [--business-date YYYY-MM-DD] [--quiet]

  <register.csv>  member register export (UTF-8 CSV, dates dd/mm/yyyy, rupees with 2 decimals)
  --url           the running platform's GraphQL endpoint (env SAMABAY_GRAPHQL_URL)
  --token         staff bearer token, required; \`npm start\` prints a development one (env SAMABAY_TOKEN keeps it out of shell history)
  --report        write rejected rows to this CSV (line,member_no,field,reason); otherwise they are listed on stdout
  --batch         rows per request, 1-${MAX_ROWS_PER_CALL}
  --business-date the date (YYYY-MM-DD, Asia/Kolkata) the savings and thrift balances are carried over on, as
                  opening balances of accounts SD-01 and TF-01; default today. Not after today. A re-run replays
                  with the first run's date. Exited members (nil balances in the register) get no accounts.
  --quiet         no progress output

exit status: 0 every row imported, 3 finished with rejected rows, 1 could not finish (re-running is safe), 2 bad usage`;

/**
 * Parses `argv` (without node and script) with environment fallbacks SAMABAY_GRAPHQL_URL and
 * SAMABAY_TOKEN. Returns 'help' for --help. Throws UsageError for unknown options, a missing file
 * or a batch size outside 1–500, for a --business-date that is not a real YYYY-MM-DD date, and for a
 * missing token (neither --token nor SAMABAY_TOKEN) — before anything contacts the platform.
 */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the register CSV file to import' : 'import one file at a time');
  const batchText = values.batch ?? String(DEFAULT_BATCH_SIZE);
  const batchSize = /^\d+$/.test(batchText) ? Number(batchText) : Number.NaN;
  if (!(batchSize >= 1 && batchSize <= MAX_ROWS_PER_CALL)) throw new UsageError(`--batch must be a whole number from 1 to ${MAX_ROWS_PER_CALL}`);
  const url = values.url ?? env.SAMABAY_GRAPHQL_URL ?? DEFAULT_GRAPHQL_URL;
  const businessDate = values['business-date'];
  if (businessDate !== undefined && !isValidIsoDate(businessDate)) throw new UsageError('--business-date must be a real date written YYYY-MM-DD');
  if (!/^https?:\/\/\S+$/.test(url)) throw new UsageError('--url must be an http(s) URL such as ' + DEFAULT_GRAPHQL_URL);
  const token = (values.token ?? env.SAMABAY_TOKEN ?? '').trim();
  if (token === '') throw new UsageError('a staff token is required: pass --token <jwt> or set SAMABAY_TOKEN (`npm start` prints one; `npm run -s token -- …` issues one)');
  return {
    file: positionals[0],
    url,
    token,
    reportPath: values.report,
    batchSize,
    quiet: values.quiet ?? false,
    businessDate,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      report: { type: 'string' },
      batch: { type: 'string' },
      'business-date': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
