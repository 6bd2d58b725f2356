import type { ConsumerOptions, MessageConsumer } from './message-consumer';
import type { MessagePublisher } from './message-publisher';
import type { TopicAdmin } from './topic-admin';

/** Creates the port's publishers, consumers and topic admins for one broker cluster. */
export interface MessagingClient {
  /** A publisher (idempotent producer, acks=all). Not connected until `connect()` or the first `publish`. */
  createPublisher(): MessagePublisher;
  /** A consumer-group member for `options.topics`; it does nothing until `run`. */
  createConsumer(options: ConsumerOptions): MessageConsumer;
  /** Topic administration; connects on first use. */
  createTopicAdmin(): TopicAdmin;
}
