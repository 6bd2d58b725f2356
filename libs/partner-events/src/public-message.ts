import type { OutgoingMessage } from '@samabay/messaging';
import type { JsonSchema } from './json-schema';
import { pseudonymousMemberId, publicEventId, type PartnerKey } from './partner-key';
import { PUBLIC_SCHEMA_VERSION, publicTopic, type PublicEventName } from './public-event-names';
import type { PublicFact } from './public-facts';
import { validatePublicMessage } from './public-schemas';

/** A public message that failed its own schema: the publisher stops rather than send it. Names the event and the problems, never values. */
export class PublicMessageInvalidError extends Error {
  constructor(
    readonly eventName: PublicEventName,
    readonly problems: readonly string[],
  ) {
    super(`public ${eventName} message does not match its schema: ${problems.map((problem) => problem.split(':')[0]).join(', ')}`);
    this.name = 'PublicMessageInvalidError';
  }
}

/**
 * The body partners receive for `fact`: `{ schemaVersion, eventId, eventType, memberId, ...fields }`
 * with the partner's own pseudonym and event id (see partner-key.ts).
 */
export function publicBody(partner: PartnerKey, fact: PublicFact): Record<string, unknown> {
  return {
    schemaVersion: PUBLIC_SCHEMA_VERSION,
    eventId: publicEventId(partner, fact.name, fact.internalEventId),
    eventType: fact.name,
    memberId: pseudonymousMemberId(partner, fact.memberNo),
    ...fact.fields,
  };
}

/**
 * The Kafka message of `fact` for one partner: topic `samabay.public-<partnerId>.<name>.v1`, key =
 * the member's pseudonym (order per member), JSON value, headers eventType / schemaVersion / eventId
 * only (no internal position, stream or event id: those are the same in every partner's feed).
 * @throws PublicMessageInvalidError when the body does not validate against the checked-in schema.
 */
export function publicMessage(partner: PartnerKey, fact: PublicFact, schemas: ReadonlyMap<PublicEventName, JsonSchema>): OutgoingMessage {
  const body = publicBody(partner, fact);
  const problems = validatePublicMessage(schemas, fact.name, body);
  if (problems.length > 0) throw new PublicMessageInvalidError(fact.name, problems);
  return {
    topic: publicTopic(partner.partnerId, fact.name),
    key: body.memberId as string,
    value: JSON.stringify(body),
    headers: { eventType: fact.name, schemaVersion: String(PUBLIC_SCHEMA_VERSION), eventId: body.eventId as string },
  };
}
