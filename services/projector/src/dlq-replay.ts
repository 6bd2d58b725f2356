import { assertTopicName, createKafkaMessaging, messagingConfigFromEnv, MessagingConfigError } from '@samabay/messaging';
import { replayDeadLetters } from '@samabay/projections';

/**
 * `npm run dlq:replay -- <topic>`: re-feeds the events parked on `<topic>.dlq` to `<topic>` (fix the
 * projection and restart the projector first). KAFKA_BROKERS names the brokers. Prints how many
 * messages were re-fed; a second run re-feeds only what was parked since. Exit codes: 0 done,
 * 64 usage, 78 configuration, 1 failure.
 */
async function main(): Promise<void> {
  const topic = process.argv[2];
  if (!topic || process.argv.length > 3) {
    process.stderr.write('usage: npm run dlq:replay -- <topic>   (e.g. samabay.membership.member.v1)\n');
    process.exit(64);
  }
  try {
    assertTopicName(topic);
    if (topic.endsWith('.dlq')) throw new MessagingConfigError('topic', 'name the source topic, not its .dlq');
    const messaging = createKafkaMessaging(messagingConfigFromEnv({ ...process.env, KAFKA_CLIENT_ID: process.env.KAFKA_CLIENT_ID ?? 'samabay-dlq-replay' }));
    const { replayed } = await replayDeadLetters({ messaging, topic });
    process.stdout.write(`re-fed ${replayed} parked message(s) from ${topic}.dlq to ${topic}\n`);
    process.exit(0);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    process.stderr.write(`dead-letter replay failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(code === 'MESSAGING_CONFIG_INVALID' || code === 'INVALID_TOPIC_NAME' ? 78 : 1);
  }
}

void main();
