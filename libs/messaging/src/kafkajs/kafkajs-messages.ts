import type { Batch, IHeaders, KafkaMessage } from 'kafkajs';
import type { IncomingBatch, IncomingMessage, MessageHeaders } from '../message';

/** Our IncomingMessage from a kafkajs message (headers decoded as UTF-8; a repeated header keeps its last value). */
export function toIncomingMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: BigInt(message.offset),
    key: message.key === null ? null : message.key.toString('utf8'),
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: new Date(Number(message.timestamp)),
  };
}

/** Our IncomingBatch from a kafkajs batch. */
export function toIncomingBatch(batch: Batch): IncomingBatch {
  return {
    topic: batch.topic,
    partition: batch.partition,
    messages: batch.messages.map((message) => toIncomingMessage(batch.topic, batch.partition, message)),
    highWatermark: BigInt(batch.highWatermark),
  };
}

function decodeHeaders(headers: IHeaders | undefined): MessageHeaders {
  const decoded: MessageHeaders = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = value.toString();
  }
  return decoded;
}
