import type { BranchDefinition } from './membership-inputs';

/** The co-operative's branches at go-live (issue 2 item 4): head office Sonagachi, Kalighat and Dinhata. */
export const DEFAULT_BRANCHES: readonly BranchDefinition[] = [
  { code: 'SNG', name: 'Sonagachi (head office)' },
  { code: 'KLG', name: 'Kalighat' },
  { code: 'DHT', name: 'Dinhata' },
];
