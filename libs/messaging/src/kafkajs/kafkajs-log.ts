import { logLevel as KafkajsLogLevel, type logCreator as KafkajsLogCreator } from 'kafkajs';
import { isLogLevelEnabled, type MessagingLogger, type MessagingLogLevel } from '../messaging-logger';

/** Fields of a kafkajs log entry that describe where and what, never a message's content. */
const SAFE_FIELDS = new Set([
  'broker', 'clientId', 'groupId', 'memberId', 'generationId', 'leaderId', 'nodeId', 'isLeader', 'groupProtocol',
  'topic', 'topics', 'partition', 'partitions', 'offset', 'correlationId', 'retryCount', 'retryTime', 'error', 'cause',
  'size', 'expectResponse', 'apiName', 'apiKey', 'apiVersion', 'transactionalId', 'producerId', 'producerEpoch',
]);

const FROM_KAFKAJS: Record<number, MessagingLogLevel> = {
  [KafkajsLogLevel.ERROR]: 'error',
  [KafkajsLogLevel.WARN]: 'warn',
  [KafkajsLogLevel.INFO]: 'info',
  [KafkajsLogLevel.DEBUG]: 'debug',
};

const TO_KAFKAJS: Record<MessagingLogLevel, KafkajsLogLevel> = {
  error: KafkajsLogLevel.ERROR,
  warn: KafkajsLogLevel.WARN,
  info: KafkajsLogLevel.INFO,
  debug: KafkajsLogLevel.DEBUG,
};

/** The kafkajs log level that lets through `minLevel` and above. */
export function kafkajsLogLevel(minLevel: MessagingLogLevel): KafkajsLogLevel {
  return TO_KAFKAJS[minLevel];
}

/**
 * Routes kafkajs's log entries to `logger`, keeping only the fields in SAFE_FIELDS (primitives,
 * error names and messages, short arrays of primitives) so no key, value or header reaches a log.
 */
export function kafkajsLogCreator(logger: MessagingLogger, minLevel: MessagingLogLevel): KafkajsLogCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const ourLevel = adjustLevel(FROM_KAFKAJS[level] ?? 'info', namespace, message);
      if (!isLogLevelEnabled(ourLevel, minLevel)) return;
      const details: Record<string, unknown> = { client: 'kafkajs', namespace };
      for (const [field, value] of Object.entries(extra)) {
        const safe = SAFE_FIELDS.has(field) ? safeValue(value) : undefined;
        if (safe !== undefined) details[field] = safe;
      }
      if (ourLevel === 'error' && typeof extra.stack === 'string') details.stack = extra.stack;
      logger[ourLevel](details, `kafkajs: ${message}`);
    };
}

/**
 * kafkajs logs every retriable protocol answer (coordinator loading, leader moving) as an error
 * although its retry handles it; the operation's own outcome is what callers report. And our
 * bounded publish retries are deliberate (consumers dedupe), so that warning is noise too.
 */
function adjustLevel(level: MessagingLogLevel, namespace: string, message: string): MessagingLogLevel {
  if (level === 'error' && namespace === 'Connection' && message.startsWith('Response ')) return 'warn';
  if (message.startsWith('Limiting retries for the idempotent producer')) return 'debug';
  return level;
}

function safeValue(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (Array.isArray(value) && value.length <= 50 && value.every((item) => ['string', 'number'].includes(typeof item))) return value;
  return undefined;
}
