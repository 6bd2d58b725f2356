import { parse, type Info } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/** The columns of a member register export, in the order the co-operative's spreadsheet writes them. */
export const REGISTER_COLUMNS = [
  'member_no',
  'branch_code',
  'full_name',
  'date_of_birth',
  'admission_date',
  'phone',
  'locality',
  'nominee_name',
  'nominee_relation',
  'shares_held',
  'savings_deposit_balance',
  'thrift_fund_balance',
  'rd_monthly_installment',
  'status',
] as const;

/** One column name of the register. */
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** A data row: its physical line in the file (header = line 1) and its raw text per column. */
export interface RegisterRecord {
  readonly kind: 'record';
  readonly line: number;
  readonly values: Readonly<Record<RegisterColumn, string>>;
}

/** A data row whose number of fields differs from the header's; its values are not trusted. */
export interface MalformedRecord {
  readonly kind: 'malformed';
  readonly line: number;
  readonly fieldCount: number;
}

/**
 * The file cannot be read as a register at all (missing columns, unclosed quote, not UTF-8 CSV).
 * The message names columns and line numbers only, never cell contents.
 */
export class RegisterFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegisterFormatError';
  }
}

/** Where to read a register from: a file path, or (for tests) the text itself. */
export type RegisterSource = { readonly path: string } | { readonly text: string };

const LINE_BREAK = /\r\n|\r|\n/g;
const CRLF = /\r\n/g;

function countMatches(values: readonly string[], pattern: RegExp): number {
  return values.reduce((count, value) => count + (value.match(pattern)?.length ?? 0), 0);
}

/**
 * Reads a register CSV (UTF-8, optional BOM, RFC 4180 quoting, lines ending in LF, CRLF or a bare CR —
 * including a bare CR at the very end of the file) and yields one item per
 * data row with its physical line number. Blank lines and rows whose every field is blank are
 * skipped. Columns are matched by header name (case-insensitive, any order); extra columns are
 * ignored. Throws RegisterFormatError for a missing column or a CSV syntax error.
 */
export async function* readRegister(source: RegisterSource): AsyncGenerator<RegisterRecord | MalformedRecord> {
  const input: Readable = 'path' in source ? createReadStream(source.path) : Readable.from([Buffer.from(source.text, 'utf8')]);
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true, encoding: 'utf8' }));
  input.on('error', (error) => parser.destroy(error));

  let header: number[] | undefined;
  let headerLength = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; undo that so line numbers stay physical.
  let overcountedLines = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const { record, info } = item;
      overcountedLines += countMatches(record, CRLF);
      const line = info.lines - overcountedLines - countMatches(record, LINE_BREAK);
      if (!header) {
        header = columnIndexes(record);
        headerLength = record.length;
        continue;
      }
      if (record.every((value) => value.trim() === '')) continue;
      if (record.some((value) => value.includes('\uFFFD'))) {
        throw new RegisterFormatError(`line ${line} is not valid UTF-8: save the register as CSV UTF-8 and try again`);
      }
      if (record.length !== headerLength) {
        yield { kind: 'malformed', line, fieldCount: record.length };
        continue;
      }
      const columns = header;
      const values = Object.fromEntries(REGISTER_COLUMNS.map((column, index) => [column, record[columns[index]]])) as Record<RegisterColumn, string>;
      yield { kind: 'record', line, values };
    }
  } catch (error) {
    if (error instanceof RegisterFormatError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new RegisterFormatError(`cannot read ${'path' in source ? source.path : 'input'}: ${code}`);
    }
    const lines = (error as { lines?: number }).lines;
    throw new RegisterFormatError(`not a readable CSV register${lines ? ` (near line ${lines})` : ''}: ${code ?? 'parse error'}`);
  } finally {
    input.destroy();
  }
  if (!header) throw new RegisterFormatError('the file is empty: expected a header line with the register columns');
}

function columnIndexes(headerRecord: readonly string[]): number[] {
  const names = headerRecord.map((name) => name.trim().toLowerCase());
  const missing = REGISTER_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new RegisterFormatError(`the header lacks the column(s) ${missing.join(', ')}; expected ${REGISTER_COLUMNS.join(',')}`);
  }
  return REGISTER_COLUMNS.map((column) => names.indexOf(column));
}
