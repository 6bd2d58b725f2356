/** The messages of the port: what a publisher sends and what a consumer's handler receives. */

/** Header values are UTF-8 strings (our producers never send binary or repeated headers). */
export type MessageHeaders = Record<string, string>;

/**
 * A message to publish. `key` decides the partition (all messages of one key keep their order);
 * for events it is the stream id. `value` is the payload (a JSON envelope for events).
 */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer | string;
  readonly headers: MessageHeaders;
}

/** A message as consumed: where it sits (`topic`, `partition`, `offset`) and what it carries. */
export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  /** Offset within the partition (Kafka's int64). */
  readonly offset: bigint;
  /** null for a message published without a key (never by our publishers). */
  readonly key: string | null;
  /** null for a tombstone. */
  readonly value: Buffer | null;
  readonly headers: MessageHeaders;
  /** The broker's or producer's timestamp of the message. */
  readonly timestamp: Date;
}

/** Messages of one partition, in offset order, handed to an `eachBatch` handler. */
export interface IncomingBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly IncomingMessage[];
  /** Offset the next message written to this partition will get (for lag: highWatermark - last offset - 1). */
  readonly highWatermark: bigint;
}
