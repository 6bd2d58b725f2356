import { BrokerRequestFailedError, BrokerUnreachableError, MessagingError, TopicNotFoundError } from '../errors';

/** What was being done when a kafkajs call failed, for the typed error. */
export interface FailureContext {
  readonly operation: string;
  readonly brokers: readonly string[];
  /** Topics the operation concerned (named by TopicNotFoundError). */
  readonly topics?: readonly string[];
}

const CONNECTION_ERROR_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
]);
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']);

/**
 * Maps an error thrown by kafkajs to the port's typed errors: connection failures (also when they
 * are the cause of KafkaJSNumberOfRetriesExceeded) → BrokerUnreachableError; an unknown topic →
 * TopicNotFoundError; anything else → BrokerRequestFailedError. Our own errors pass through.
 */
export function toMessagingError(error: unknown, context: FailureContext): MessagingError {
  if (error instanceof MessagingError) return error;
  const chain = causeChain(error);
  const connectionFailure = chain.find((link) => CONNECTION_ERROR_NAMES.has(link.name) || CONNECTION_ERROR_CODES.has(String(link.code)));
  if (connectionFailure) return new BrokerUnreachableError(context.brokers, `${context.operation}: ${connectionFailure.message}`, { cause: error });
  if (chain.some((link) => link.type === 'UNKNOWN_TOPIC_OR_PARTITION')) return new TopicNotFoundError(context.topics ?? [], { cause: error });
  const root = chain[chain.length - 1];
  const detail = root ? `${root.name}: ${root.message}` : String(error);
  return new BrokerRequestFailedError(context.operation, detail, { cause: error });
}

/**
 * Protocol error types that mean "partition leadership, or a consumer group's coordinator, is moving
 * or not yet known": retry after a metadata refresh.
 */
const LEADERSHIP_IN_FLUX = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'GROUP_LOAD_IN_PROGRESS',
]);

/**
 * True if `error` (or one of its causes) says a partition's leader or a group's coordinator is
 * moving or not yet known. A topic created a moment ago, or a broker that just (re)started (whose
 * `__consumer_offsets` partitions are still loading), answers so until its metadata settles.
 */
export function isLeadershipInFlux(error: unknown): boolean {
  return causeChain(error).some((link) => LEADERSHIP_IN_FLUX.has(String(link.type)));
}

/** Answers of the group coordinator after which a member must rejoin the group (kafkajs rejoins on them when it sees them unwrapped). */
const GROUP_MEMBERSHIP_LOST = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP']);

/**
 * The group coordinator's answer inside `error` (or its causes) saying this member must rejoin the
 * group: it is unknown (its session expired, e.g. during a broker restart), of an old generation,
 * or the group is rebalancing. Undefined when there is none.
 */
export function groupMembershipLost(error: unknown): Error | undefined {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 20; seen++) {
    const current = pending.shift();
    if (!(current instanceof Error)) continue;
    const { type, cause } = current as Error & { type?: unknown; cause?: unknown };
    if (GROUP_MEMBERSHIP_LOST.has(String(type))) return current;
    if (cause !== undefined && cause !== current) pending.push(cause);
  }
  return undefined;
}

interface ErrorLink {
  readonly name: string;
  readonly message: string;
  readonly code?: unknown;
  readonly type?: unknown;
}

/** The error, its causes and aggregated errors, outermost first (bounded against cycles). */
function causeChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && links.length < 20) {
    const current = pending.shift();
    if (!(current instanceof Error)) continue;
    const { code, type, cause, errors } = current as Error & { code?: unknown; type?: unknown; cause?: unknown; errors?: unknown };
    links.push({ name: current.name, message: current.message, code, type });
    if (cause !== undefined && cause !== current) pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return links;
}
