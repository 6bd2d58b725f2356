import type { Admin, Kafka } from 'kafkajs';
import { BrokerRequestFailedError, MessagingConfigError, TopicNotFoundError } from '../errors';
import type { MessagingConfig } from '../messaging-config';
import type { MessagingLogger } from '../messaging-logger';
import type { EnsuredTopic, PartitionOffsets, TopicAdmin, TopicSpec } from '../topic-admin';
import { assertTopicName } from '../topic-naming';
import { kafkajsRetry } from './kafkajs-client';
import { isLeadershipInFlux, toMessagingError } from './kafkajs-errors';

/** Pause between metadata polls while a created topic becomes visible, ms. */
const METADATA_POLL_MS = 100;

/**
 * TopicAdmin over the kafkajs admin client; connects on first use. kafkajs keeps every topic it
 * was asked about in its metadata set and fails every later call once one of them is gone, so
 * topics are checked with listTopics first and the client is replaced after an unknown-topic failure.
 */
export class KafkajsTopicAdmin implements TopicAdmin {
  private admin: Admin;
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: MessagingConfig,
    private readonly logger: MessagingLogger,
  ) {
    this.admin = this.newAdmin();
  }

  /** See TopicAdmin.ensureTopics. */
  async ensureTopics(topics: readonly TopicSpec[]): Promise<EnsuredTopic[]> {
    topics.forEach(assertTopicSpec);
    if (topics.length === 0) return [];
    const names = [...new Set(topics.map(({ topic }) => topic))];
    return this.call('ensureTopics', names, async () => {
      const existing = new Set(await this.admin.listTopics());
      const missing = topics.filter(({ topic }) => !existing.has(topic));
      if (missing.length > 0) {
        await this.admin.createTopics({
          topics: missing.map(({ topic, partitions, replicationFactor }) => ({ topic, numPartitions: partitions, replicationFactor: replicationFactor ?? -1 })),
          waitForLeaders: false,
          timeout: this.config.requestTimeoutMs,
        });
      }
      const partitionsOf = await this.partitionsWithLeaders(names);
      // A leader named in metadata may not serve its partition yet; an offsets request reaches it.
      for (const { topic } of missing) await this.whileLeadershipSettles(names, () => this.admin.fetchTopicOffsets(topic));
      return names.map((topic) => {
        const wanted = topics.find((spec) => spec.topic === topic)!.partitions;
        const partitions = partitionsOf.get(topic) ?? 0;
        if (existing.has(topic) && partitions !== wanted) {
          this.logger.warn({ topic, partitions, configured: wanted }, 'topic exists with a different partition count; left as it is (changing it would move keys)');
        }
        return { topic, partitions, created: !existing.has(topic) };
      });
    });
  }

  /**
   * Partition counts of `topics` once every partition has a leader. With KRaft the broker learns
   * of a created topic shortly after the controller confirmed it, so "unknown topic" and "leader
   * not available" are waited out (kafkajs's own waitForLeaders gives up on the former) until
   * requestTimeoutMs; then the last answer is thrown.
   */
  private async partitionsWithLeaders(topics: readonly string[]): Promise<Map<string, number>> {
    const deadline = Date.now() + this.config.requestTimeoutMs;
    for (;;) {
      try {
        const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics: [...topics] });
        if (metadata.every(({ partitions }) => partitions.length > 0 && partitions.every(({ leader }) => leader >= 0))) {
          return new Map(metadata.map(({ name, partitions }) => [name, partitions.length]));
        }
        if (Date.now() > deadline) throw new BrokerRequestFailedError('ensureTopics', `partition leaders of ${topics.join(', ')} not elected in time`);
      } catch (error) {
        const type = (error as { type?: unknown }).type;
        if (Date.now() > deadline || (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE')) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, METADATA_POLL_MS));
    }
  }

  /**
   * Runs `request`, repeating it after a metadata refresh while the broker answers that a
   * partition's leadership or a group's coordinator is moving or unknown (kafkajs's admin gives up
   * on "not the leader" and "not the coordinator" at once), until requestTimeoutMs; then the last
   * answer is thrown.
   */
  private async whileLeadershipSettles<T>(topics: readonly string[], request: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.config.requestTimeoutMs;
    for (;;) {
      try {
        return await request();
      } catch (error) {
        if (Date.now() > deadline || !isLeadershipInFlux(error)) throw error;
        this.logger.debug({ topics }, 'partition leadership settling; retrying after a metadata refresh');
        await this.admin.fetchTopicMetadata({ topics: [...topics] }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, METADATA_POLL_MS));
      }
    }
  }

  /** See TopicAdmin.deleteTopics. */
  async deleteTopics(topics: readonly string[]): Promise<void> {
    topics.forEach((topic) => assertTopicName(topic));
    if (topics.length === 0) return;
    await this.call('deleteTopics', topics, async () => {
      const existing = new Set(await this.admin.listTopics());
      const present = topics.filter((topic) => existing.has(topic));
      if (present.length > 0) await this.admin.deleteTopics({ topics: present, timeout: this.config.requestTimeoutMs });
    });
  }

  /** See TopicAdmin.consumerGroupOffsets. */
  async consumerGroupOffsets(groupId: string, topic: string): Promise<PartitionOffsets[]> {
    assertTopicName(topic);
    return this.call('consumerGroupOffsets', [topic], async () => {
      if (!(await this.admin.listTopics()).includes(topic)) throw new TopicNotFoundError([topic]);
      const [ends, [committed]] = await this.whileLeadershipSettles([topic], () =>
        Promise.all([this.admin.fetchTopicOffsets(topic), this.admin.fetchOffsets({ groupId, topics: [topic] })]),
      );
      const committedOf = new Map((committed?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset)]));
      return ends
        .map(({ partition, high }) => {
          const offset = committedOf.get(partition);
          return { partition, committed: offset === undefined || offset < 0n ? null : offset, end: BigInt(high) };
        })
        .sort((a, b) => a.partition - b.partition);
    });
  }

  /** See TopicAdmin.close. */
  async close(): Promise<void> {
    const { connecting, admin } = this;
    this.connecting = null;
    if (connecting && (await connecting.then(() => true, () => false))) await admin.disconnect();
  }

  /** Connects if needed, runs `body` and maps kafkajs errors to the port's. A failed connect is retried by the next call. */
  private async call<T>(operation: string, topics: readonly string[], body: () => Promise<T>): Promise<T> {
    try {
      this.connecting ??= this.admin.connect().catch((error: unknown) => {
        this.connecting = null;
        throw error;
      });
      await this.connecting;
      return await body();
    } catch (error) {
      const failure = toMessagingError(error, { operation, brokers: this.config.brokers, topics });
      if (failure instanceof TopicNotFoundError) await this.replaceAdmin();
      throw failure;
    }
  }

  private newAdmin(): Admin {
    return this.kafka.admin({ retry: kafkajsRetry(this.config.retry) });
  }

  /** Drops the kafkajs admin (and the topic set it remembers); the next call connects a new one. */
  private async replaceAdmin(): Promise<void> {
    const old = this.admin;
    await this.close().catch(() => undefined);
    if (this.admin === old) this.admin = this.newAdmin();
  }
}

function assertTopicSpec({ topic, partitions, replicationFactor }: TopicSpec, index: number): void {
  assertTopicName(topic);
  if (!Number.isInteger(partitions) || partitions < 1) throw new MessagingConfigError(`topics[${index}].partitions`, `topic ${topic}: partitions must be a positive integer`);
  if (replicationFactor !== undefined && (!Number.isInteger(replicationFactor) || replicationFactor < 1)) {
    throw new MessagingConfigError(`topics[${index}].replicationFactor`, `topic ${topic}: replicationFactor must be a positive integer`);
  }
}
