/** A topic to create if absent. */
export interface TopicSpec {
  readonly topic: string;
  /** Number of partitions (from configuration: KAFKA_PARTITIONS). */
  readonly partitions: number;
  /** Replication factor; default: the broker's default. */
  readonly replicationFactor?: number;
}

/** A topic as found on the broker after `ensureTopics`. */
export interface EnsuredTopic {
  readonly topic: string;
  readonly partitions: number;
  /** True when this call created it. */
  readonly created: boolean;
}

/** A group's committed offset and the partition's end offset, per partition of one topic. */
export interface PartitionOffsets {
  readonly partition: number;
  /** Next offset the group will read; null when the group never committed on this partition. */
  readonly committed: bigint | null;
  /** Offset the next message will get (the high watermark). */
  readonly end: bigint;
}

/** Topic administration: topics are created by the platform, never auto-created by the broker. */
export interface TopicAdmin {
  /**
   * Creates the topics that do not exist yet with their partition count, waits for their leaders,
   * and reports every topic's actual partition count. Idempotent. An existing topic with a different
   * partition count is left as it is (adding partitions would move keys and break per-key order)
   * and a warning is logged. Throws InvalidTopicNameError, BrokerUnreachableError, BrokerRequestFailedError.
   */
  ensureTopics(topics: readonly TopicSpec[]): Promise<EnsuredTopic[]>;

  /** Deletes the topics that exist (missing ones are ignored). For tests and tooling. */
  deleteTopics(topics: readonly string[]): Promise<void>;

  /** The group's committed offsets and the end offsets of `topic` (consumer lag = end - committed). Throws TopicNotFoundError. */
  consumerGroupOffsets(groupId: string, topic: string): Promise<PartitionOffsets[]>;

  /** Disconnects. Idempotent. */
  close(): Promise<void>;
}
