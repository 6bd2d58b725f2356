import { DomainError, ValidationError } from '@samabay/domain-kit';
import { EventStoreError, EventStoreUnavailableError, InvalidAppendError } from '@samabay/event-store';

/**
 * The request of one command over the wire: the command's name on the service's commands object and
 * its arguments (input, CommandContext), encoded by {@link toWire}.
 */
export interface CommandRequest {
  readonly command: string;
  readonly args: unknown[];
}

/** A typed rejection as it travels: the class family, stable code, message (never personal data by convention), field. */
export interface WireError {
  readonly kind: 'domain' | 'event-store' | 'internal';
  readonly name: string;
  readonly code?: string;
  readonly message?: string;
  readonly field?: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** The answer of one command: its result (encoded by {@link toWire}) or its typed rejection. */
export type CommandReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: WireError };

const BIGINT_TAG = '$bigint';
const DATE_TAG = '$date';

/**
 * Encodes a value for JSON transports: bigint (event-store positions) → `{ $bigint: "123" }`,
 * Date → `{ $date: ISO }`, functions and undefined dropped (as JSON does); everything else as is.
 */
export function toWire(value: unknown): unknown {
  if (typeof value === 'bigint') return { [BIGINT_TAG]: value.toString() };
  if (value instanceof Date) return { [DATE_TAG]: value.toISOString() };
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'function' || item === undefined ? null : toWire(item)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'function' && item !== undefined) out[key] = toWire(item);
    }
    return out;
  }
  return value;
}

/** Decodes {@link toWire}'s output: the tagged bigints and dates come back as bigint and Date. */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === BIGINT_TAG && typeof record[BIGINT_TAG] === 'string') return BigInt(record[BIGINT_TAG]);
    if (keys.length === 1 && keys[0] === DATE_TAG && typeof record[DATE_TAG] === 'string') return new Date(record[DATE_TAG]);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = fromWire(item);
    return out;
  }
  return value;
}

/**
 * A thrown error as a {@link WireError}: DomainError (and its subclasses) and EventStoreError keep
 * name, code, message and field; anything else becomes `internal` with its name only (its message
 * may carry data: it is logged by the service, never sent).
 */
export function errorToWire(error: unknown): WireError {
  if (error instanceof DomainError) {
    return { kind: 'domain', name: error.name, code: error.code, message: error.message, ...(error.field !== undefined ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof EventStoreError) {
    const field = (error as { field?: unknown }).field;
    return { kind: 'event-store', name: error.name, code: error.code, message: error.message, ...(typeof field === 'string' ? { field } : {}) };
  }
  return { kind: 'internal', name: error instanceof Error ? error.name : typeof error };
}

/** An event-store error of the service, rebuilt in the gateway with its code and message. */
export class RemoteEventStoreError extends EventStoreError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteEventStoreError';
  }
}

/** An unexpected failure inside the service (logged there); the gateway answers it as INTERNAL. */
export class RemoteInternalError extends Error {
  constructor(
    readonly service: string,
    readonly remoteName: string,
  ) {
    super(`the ${service} service failed unexpectedly (${remoteName})`);
    this.name = 'RemoteInternalError';
  }
}

/**
 * Rebuilds the error a {@link WireError} describes, so callers see the classes they would see
 * in-process: ValidationError or DomainError (same code, message, field, details and name, e.g.
 * 'IdempotencyKeyReusedError'); EventStoreUnavailableError, InvalidAppendError or an EventStoreError
 * with the same code; RemoteInternalError for anything else.
 */
export function errorFromWire(service: string, wire: WireError): Error {
  if (wire.kind === 'domain') {
    const code = wire.code ?? 'UNKNOWN';
    const message = wire.message ?? code;
    let error: DomainError;
    if (wire.name === 'ValidationError' && wire.field !== undefined) error = new ValidationError(wire.field, message, code);
    else error = new DomainError(code, message, wire.field, wire.details);
    error.name = wire.name;
    error.message = message;
    return error;
  }
  if (wire.kind === 'event-store') {
    const message = wire.message ?? wire.code ?? 'event store error';
    if (wire.code === 'EVENT_STORE_UNAVAILABLE') return new EventStoreUnavailableError(message);
    if (wire.code === 'INVALID_APPEND' && wire.field !== undefined) return new InvalidAppendError(wire.field, message);
    return new RemoteEventStoreError(wire.code ?? 'EVENT_STORE_ERROR', message);
  }
  return new RemoteInternalError(service, wire.name);
}
