/**
 * A typed rejection of a command by the domain. `code` is stable (SCREAMING_SNAKE, safe to match on
 * and to show), `field` names the offending input field where there is one (e.g. 'shares',
 * 'dateOfBirth'), `message` is for staff and never contains personal data.
 * A command rejected with a DomainError appends nothing.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Readonly<Record<string, string | number | boolean>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Input that fails validation: a bad shape, range or format of one named field. Code: VALIDATION_FAILED unless given. */
export class ValidationError extends DomainError {
  constructor(field: string, message: string, code = 'VALIDATION_FAILED') {
    super(code, message, field);
    this.name = 'ValidationError';
  }
}

/**
 * The idempotency key was already used for a command with a different payload. The message never
 * repeats the key: it is free text chosen by the caller and may hold personal data (a member's name).
 */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'this idempotency key was already used for a different command', 'idempotencyKey');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** The command kept conflicting with concurrent writers after the bounded number of retries. */
export class ConcurrencyConflictError extends DomainError {
  constructor(streamId: string, attempts: number) {
    super('CONCURRENCY_CONFLICT', `stream ${streamId} changed concurrently ${attempts} times; try again`);
    this.name = 'ConcurrencyConflictError';
  }
}
