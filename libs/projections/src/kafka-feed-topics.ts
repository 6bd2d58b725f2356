import { TopicNotFoundError, type EnsuredTopic, type MessagingClient, type TopicSpec } from '@samabay/messaging';

/**
 * Creates the topics that are missing (TopicAdmin.ensureTopics) with a fresh admin, closing it
 * afterwards. Right after creating a topic the broker may briefly answer metadata requests with
 * "unknown topic" (the kafkajs adapter then throws TopicNotFoundError although the topic exists):
 * that answer is retried up to `attempts` times, 100 ms × attempt apart. Other errors are thrown at once.
 */
export async function ensureTopicsExist(messaging: MessagingClient, topics: readonly TopicSpec[], attempts = 5): Promise<EnsuredTopic[]> {
  for (let attempt = 1; ; attempt++) {
    const admin = messaging.createTopicAdmin();
    try {
      return await admin.ensureTopics(topics);
    } catch (error) {
      if (!(error instanceof TopicNotFoundError) || attempt >= attempts) throw error;
    } finally {
      await admin.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}
