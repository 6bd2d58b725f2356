import { assertTopicName } from '@samabay/messaging';

/** The public partner events (DESIGN §6, issue 6 item 5), each on its own topic per partner. */
export const PUBLIC_EVENT_NAMES = ['member-admitted', 'member-exited', 'deposit-recorded', 'loan-disbursed', 'loan-repaid'] as const;

/** One public event name, e.g. 'deposit-recorded'. */
export type PublicEventName = (typeof PUBLIC_EVENT_NAMES)[number];

/** Major version of every public topic and schema today; a breaking change means a new `v2` topic. */
export const PUBLIC_SCHEMA_VERSION = 1;

const PARTNER_ID = /^[a-z][a-z0-9-]{1,39}$/;

/** @throws RangeError unless `partnerId` is 2–40 lower-case letters, digits and '-', starting with a letter. */
export function assertPartnerId(partnerId: string): string {
  if (!PARTNER_ID.test(partnerId)) throw new RangeError(`partner id "${String(partnerId).slice(0, 40)}" must be 2–40 lower-case letters, digits and '-', starting with a letter`);
  return partnerId;
}

/**
 * The topic of public event `name` for one partner: `samabay.public-<partnerId>.<name>.v1`. It is the
 * `samabay.public.<name>.v1` of DESIGN §6 with the partner in the service segment, the way the relay
 * namespaces `samabay.<service>-<namespace>.<category>.v1`: each partner gets its own copy of every
 * event under its own pseudonyms, and a prefixed Kafka ACL on `samabay.public-<partnerId>.` gives it
 * exactly its own topics. Throws RangeError for a bad partner id.
 */
export function publicTopic(partnerId: string, name: PublicEventName): string {
  return assertTopicName(`samabay.public-${assertPartnerId(partnerId)}.${name}.v${PUBLIC_SCHEMA_VERSION}`);
}

/** Every public topic of one partner, in {@link PUBLIC_EVENT_NAMES} order. */
export function publicTopicsOf(partnerId: string): string[] {
  return PUBLIC_EVENT_NAMES.map((name) => publicTopic(partnerId, name));
}
