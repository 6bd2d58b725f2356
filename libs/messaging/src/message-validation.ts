import { InvalidMessageError, InvalidTopicNameError } from './errors';
import type { OutgoingMessage } from './message';
import { assertTopicName } from './topic-naming';

/**
 * Checks every message before anything is sent: a valid topic name, a non-empty string key, a
 * Buffer or string value and string header values. Throws InvalidMessageError naming the first
 * bad field (`messages[<i>].<field>`); never echoes the key, value or header values.
 */
export function assertValidMessages(messages: readonly OutgoingMessage[]): void {
  messages.forEach((message, index) => {
    const field = (name: string) => `messages[${index}].${name}`;
    try {
      assertTopicName(String(message.topic));
    } catch (error) {
      if (error instanceof InvalidTopicNameError) throw new InvalidMessageError(field('topic'), `${field('topic')}: ${error.message}`);
      throw error;
    }
    if (typeof message.key !== 'string' || message.key === '') throw new InvalidMessageError(field('key'), `${field('key')} must be a non-empty string`);
    if (!(typeof message.value === 'string' || Buffer.isBuffer(message.value))) {
      throw new InvalidMessageError(field('value'), `${field('value')} must be a Buffer or a string`);
    }
    if (typeof message.headers !== 'object' || message.headers === null) throw new InvalidMessageError(field('headers'), `${field('headers')} must be an object`);
    for (const [name, value] of Object.entries(message.headers)) {
      if (typeof value !== 'string') throw new InvalidMessageError(field(`headers.${name}`), `${field(`headers.${name}`)} must be a string`);
    }
  });
}
