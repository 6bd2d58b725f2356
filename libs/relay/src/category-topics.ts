import { streamCategory, topicName } from '@samabay/messaging';

/**
 * Which service owns each stream category (DESIGN §1, §3): the one table the relay routes by.
 * A category missing here is not published (the relay counts and logs it once per category).
 */
export const CATEGORY_SERVICES: Readonly<Record<string, string>> = Object.freeze({
  member: 'membership',
  branch: 'membership',
  savingsAccount: 'savings',
  recurringDeposit: 'savings',
  savingsDayEnd: 'savings',
  loan: 'lending',
  lendingDayEnd: 'lending',
  welfareClaim: 'welfare',
});

/** Options of {@link CategoryTopics}. */
export interface CategoryTopicsOptions {
  /** Category → owning service. Default {@link CATEGORY_SERVICES}. */
  readonly services?: Readonly<Record<string, string>>;
  /**
   * Appended to every service name as `<service>-<namespace>` (lower-case letters, digits, '-'),
   * so that test runs sharing one broker never share a topic. Default: none.
   */
  readonly namespace?: string;
}

/**
 * Routes a stream to its Kafka topic `samabay.<service>.<category>.v1` (DESIGN §6) through the
 * category table. Throws InvalidTopicNameError (from @samabay/messaging) at construction when a
 * service or category cannot form a topic name.
 */
export class CategoryTopics {
  private readonly topicsByCategory = new Map<string, string>();
  private readonly servicesByCategory = new Map<string, string>();

  constructor(options: CategoryTopicsOptions = {}) {
    const services = options.services ?? CATEGORY_SERVICES;
    for (const [category, service] of Object.entries(services)) {
      const named = options.namespace ? `${service}-${options.namespace}` : service;
      this.topicsByCategory.set(category, topicName(named, category));
      this.servicesByCategory.set(category, named);
    }
  }

  /**
   * The service name (namespaced) that owns `streamId`, as `eventToMessage` of @samabay/messaging
   * takes it; undefined when the stream's category has no owning service in the table.
   */
  serviceForStream(streamId: string): string | undefined {
    const category = categoryLabel(streamId);
    return this.servicesByCategory.get(category);
  }

  /** The topic of `streamId`'s events, or undefined when its category has no owning service in the table. */
  topicForStream(streamId: string): string | undefined {
    return this.topicsByCategory.get(categoryLabel(streamId));
  }

  /** The topic of one category, or undefined when the table has no such category. */
  topicForCategory(category: string): string | undefined {
    return this.topicsByCategory.get(category);
  }

  /** Every topic of the table, in table order (what the relay creates at start). */
  allTopics(): string[] {
    return [...new Set(this.topicsByCategory.values())];
  }
}

/** The category of a stream id for metrics and logs (`member-SNG-000001` → `member`); '(none)' when unusable. */
export function categoryLabel(streamId: string): string {
  try {
    return streamCategory(streamId);
  } catch {
    return '(none)';
  }
}
