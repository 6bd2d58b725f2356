import { DomainError } from '@samabay/domain-kit';
import { EventStoreError, InvalidAppendError } from '@samabay/event-store';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { argumentOfVariable, literalFieldPath } from './literal-field-path';

/** Codes the gateway itself raises as GraphQLErrors; passed to clients unchanged. */
const GATEWAY_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'QUERY_TOO_COSTLY']);
/** Codes graphql-js / Apollo give to malformed requests; their messages are cleaned of input values. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** Called for errors the client only sees as INTERNAL; must log without personal data. */
export type UnexpectedErrorLogger = (details: { errorName: string; errorCode?: string; path?: ReadonlyArray<string | number>; stack?: string }) => void;

/**
 * Shapes every GraphQL error the gateway returns (DESIGN §7): never a stack trace, never an input
 * value (it may be personal data), always `extensions.code`.
 *
 * - DomainError / ValidationError (from a command, the reader or a scalar): its stable `code`, its
 *   `field` and its message (domain messages carry no personal data by convention).
 * - Bad variables (wrong type, impossible date, fractional Int): code from the scalar's
 *   DomainError or BAD_USER_INPUT, `field` = the input path without the variable name
 *   ("personal.dateOfBirth"), the value removed from the message.
 * - Bad inline literals: the same `field`, below the argument's name (see literalFieldPath), with
 *   the scalar's code or GRAPHQL_VALIDATION_FAILED.
 * - Event store errors: their code (and field for an invalid append), a message without ids of people.
 * - UNAUTHENTICATED / FORBIDDEN raised by the guard, QUERY_TOO_COSTLY by the cost limit: unchanged.
 * - Anything else: "Internal error" with code INTERNAL; `logUnexpected` records name, code, path and stack frames.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, logUnexpected: UnexpectedErrorLogger): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { locations: formatted.locations, path: formatted.path };
  const formattedCode = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;

  const variableError = parseVariableError(formatted.message);
  if (variableError) {
    const domain = original instanceof DomainError ? original : undefined;
    const reason = domain ? withoutLeadingField(domain.message, domain.field) : cleanReason(variableError.reason);
    const field = [variableError.field, variableError.missingField].filter(Boolean).join('.') || (argumentOfVariable(error, variableError.variable) ?? variableError.variable);
    return { message: `${field} ${reason}`, ...base, extensions: { code: domain?.code ?? 'BAD_USER_INPUT', field } };
  }
  const literalField = literalFieldPath(error);
  if (original instanceof DomainError) {
    if (literalField) return { message: `${literalField} ${withoutLeadingField(original.message, original.field)}`, ...base, extensions: { code: original.code, field: literalField } };
    return { message: original.message, ...base, extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) } };
  }
  if (original instanceof EventStoreError) {
    const field = original instanceof InvalidAppendError ? original.field : undefined;
    return { message: eventStoreMessage(original), ...base, extensions: { code: original.code, ...(field ? { field } : {}) } };
  }
  if (formattedCode && GATEWAY_CODES.has(formattedCode) && (original === undefined || original instanceof GraphQLError)) {
    return { message: formatted.message, ...base, extensions: { code: formattedCode } };
  }
  if (formattedCode && REQUEST_CODES.has(formattedCode) && (original === undefined || original instanceof GraphQLError || original instanceof DomainError)) {
    return { message: cleanRequestMessage(formatted.message), ...base, extensions: { code: formattedCode, ...(literalField ? { field: literalField } : {}) } };
  }
  const unexpected = original ?? error;
  logUnexpected({
    errorName: unexpected instanceof Error ? unexpected.name : typeof unexpected,
    errorCode: codeOf(unexpected),
    path: formatted.path,
    stack: unexpected instanceof Error ? stackFrames(unexpected) : undefined,
  });
  return { message: 'Internal error', ...base, extensions: { code: 'INTERNAL' } };
}

interface VariableError {
  readonly variable: string;
  /** Input path below the variable, e.g. "personal.dateOfBirth" or "[3].admissionDate"; '' for the whole variable. */
  readonly field: string;
  readonly missingField?: string;
  readonly reason: string;
}

/**
 * Reads graphql-js's `Variable "$input" got invalid value <value> at "input.a.b"; <reason>` without
 * trusting the value part: string values are JSON-quoted, so ` at "` followed by a path cannot occur inside them.
 */
function parseVariableError(message: string): VariableError | undefined {
  const head = /^Variable "\$(\w+)" got invalid value /s.exec(message);
  if (!head) return undefined;
  const variable = head[1];
  const pathPattern = new RegExp(` at "${variable}((?:\\.\\w+|\\[\\d+\\])*)"; `, 'g');
  let match: RegExpExecArray | null;
  let last: { path: string; end: number } | undefined;
  while ((match = pathPattern.exec(message))) last = { path: match[1], end: match.index + match[0].length };
  const reason = last ? message.slice(last.end) : message.slice(message.lastIndexOf('; ') + 2);
  const field = (last?.path ?? '').replace(/^\./, '');
  const missing = /^Field "(\w+)" of required type "[^"]+" was not provided\./.exec(reason) ?? /^Field "(\w+)" is not defined by type "\w+"\./.exec(reason);
  return { variable, field, missingField: missing?.[1], reason };
}

/** Drops values graphql-js appends after a colon ("Int cannot represent non-integer value: 1.5"). */
function cleanReason(reason: string): string {
  const text = withoutEchoedValues(reason.replace(/^Expected type "[^"]+"\.\s*/, ''));
  const cut = text.indexOf(': ');
  const cleaned = cut >= 0 ? text.slice(0, cut) : text;
  return `is invalid: ${cleaned.replace(/\.$/, '')}`;
}

function cleanRequestMessage(message: string): string {
  const literal = /^Expected value of type ("[^"]+"), found .*$/s.exec(message);
  if (literal) return `Expected value of type ${literal[1]}`;
  const text = withoutEchoedValues(message);
  const cut = text.indexOf(': ');
  return cut >= 0 && /cannot represent/.test(text) ? text.slice(0, cut) : text;
}

/**
 * Removes what graphql-js echoes of what a client typed (an enum value that does not exist, the
 * token a syntax error stopped at, an unknown field, argument or directive name; `locations` still
 * point at it) and its "Did you mean …" suggestions, which would hand out the schema when
 * introspection is off.
 */
function withoutEchoedValues(message: string): string {
  return message
    .replace(/^Value .* does not exist in ("\w+") enum\./s, 'the value does not exist in the $1 enum.')
    .replace(/^Syntax Error: Unexpected (Name|String|BlockString|Int|Float)\b.*$/s, 'Syntax Error: Unexpected $1.')
    .replace(/^(Syntax Error: (?:Invalid|Unexpected) character)\b.*$/s, '$1.')
    .replace(/^(Syntax Error: Invalid (?:number|character escape sequence))\b.*$/s, '$1.')
    .replace(/^Cannot query field "[^"]*" on type/, 'Cannot query that field on type')
    .replace(/^Unknown argument "[^"]*" on/, 'Unknown argument on')
    .replace(/^Unknown directive "[^"]*"/, 'Unknown directive')
    .replace(/\s*Did you mean .*$/s, '');
}

function withoutLeadingField(message: string, field: string | undefined): string {
  return field && message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
}

function eventStoreMessage(error: EventStoreError): string {
  switch (error.code) {
    case 'EVENT_STORE_UNAVAILABLE':
      return 'the event store is unavailable; try again';
    case 'WRONG_EXPECTED_REVISION':
      return 'the record changed concurrently; try again';
    default:
      return error.message;
  }
}

function originalOf(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current instanceof GraphQLError ? undefined : current;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The stack without its first line (the message, which might echo data). */
function stackFrames(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1).join('\n');
}
