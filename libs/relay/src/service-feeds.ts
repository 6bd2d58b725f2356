/** The services whose read models the projector applies from Kafka in the single-server topology. */
export type FeedService = 'membership' | 'savings' | 'lending';

/**
 * The stream categories each service's projections fold (DESIGN §1: a service learns about the
 * others only from their events): membership — its members and branches, loans (open loans block
 * an exit) and savings accounts (unsettled savings block an exit; activity dates bound the exit date); savings — members (standing), its accounts, recurring deposits and day-ends;
 * lending — members and savings balances (eligibility), its loans and day-ends. The projector
 * subscribes each service's feed to these categories' topics; the read-your-writes wait checks
 * exactly these categories.
 */
export const SERVICE_FEED_CATEGORIES: Readonly<Record<FeedService, readonly string[]>> = Object.freeze({
  membership: Object.freeze(['member', 'branch', 'loan', 'savingsAccount']),
  savings: Object.freeze(['member', 'savingsAccount', 'recurringDeposit', 'savingsDayEnd']),
  lending: Object.freeze(['member', 'savingsAccount', 'loan', 'lendingDayEnd']),
});

/** Every feed service, in start order. */
export const FEED_SERVICES: readonly FeedService[] = Object.freeze(['membership', 'savings', 'lending']);

/**
 * Schema of one feed's bookkeeping tables (applied revisions, parked events): `base` for
 * membership (the projector's original feed), `<base>_<service>` for the others, so each feed's
 * applied revisions say what that service's read models include.
 */
export function feedSchema(base: string, service: FeedService): string {
  return service === 'membership' ? base : `${base}_${service}`;
}

/** Consumer group of one feed: `group` for membership, `<group>.<service>` for the others. */
export function feedGroup(group: string, service: FeedService): string {
  return service === 'membership' ? group : `${group}.${service}`;
}
