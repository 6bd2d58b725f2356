import { logLevel } from 'kafkajs';
import type { MessagingLogger } from '../messaging-logger';
import { kafkajsLogCreator } from './kafkajs-log';

function collectingLogger(): MessagingLogger & { entries: Array<{ level: string; details: Record<string, unknown>; message: string }> } {
  const entries: Array<{ level: string; details: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (details: object, message: string) => entries.push({ level, details: details as Record<string, unknown>, message });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function entry(level: logLevel, namespace: string, message: string, extra: Record<string, unknown> = {}) {
  return { namespace, level, label: 'X', log: { timestamp: '2025-01-01T00:00:00.000Z', logger: 'kafkajs', message, ...extra } };
}

describe('kafkajs log routing', () => {
  it('keeps where-and-what fields and drops anything that could carry a payload', () => {
    const logger = collectingLogger();
    const log = kafkajsLogCreator(logger, 'debug')(logLevel.DEBUG);
    log(
      entry(logLevel.ERROR, 'Producer', 'failed to send', {
        topic: 'samabay.membership.member.v1',
        partition: 2,
        error: new Error('boom'),
        messages: [{ key: 'member-SNG-000001', value: '{"fullName":"Sunita"}' }],
        payload: Buffer.from('Sunita'),
        headers: { type: 'x' },
      }),
    );
    expect(logger.entries).toEqual([
      {
        level: 'error',
        message: 'kafkajs: failed to send',
        details: { client: 'kafkajs', namespace: 'Producer', topic: 'samabay.membership.member.v1', partition: 2, error: 'Error: boom' },
      },
    ]);
  });

  it('lowers retriable protocol answers to warn and filters below the minimum level', () => {
    const logger = collectingLogger();
    const log = kafkajsLogCreator(logger, 'warn')(logLevel.WARN);
    log(entry(logLevel.ERROR, 'Connection', 'Response GroupCoordinator(key: 10, version: 2)', { error: 'The group coordinator is not available' }));
    log(entry(logLevel.WARN, 'Producer', 'Limiting retries for the idempotent producer may invalidate EoS guarantees'));
    log(entry(logLevel.INFO, 'Consumer', 'Starting', { groupId: 'g' }));
    expect(logger.entries.map(({ level, message }) => [level, message])).toEqual([['warn', 'kafkajs: Response GroupCoordinator(key: 10, version: 2)']]);
  });
});
