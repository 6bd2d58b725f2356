import type { IsoDate, Paise } from '@samabay/domain-kit';
import { isDueBy, unpaidInterest, unpaidPenalty, unpaidPrincipal, type InstalmentPosition } from './instalment-position';

/**
 * How a repayment is spread over what has fallen due (issue 5 item 2):
 * - 'RBI' (default): interest first — all unpaid interest of the instalments due, oldest first; then
 *   principal, oldest first; then penalty charges, oldest first. RBI's IRAC master circular leaves the
 *   appropriation of recoveries to each lender's board-approved policy, applied uniformly; the
 *   issue names "overdue interest before principal" as the RBI order, and putting penalties last
 *   means a member's payment always reduces the debt before any charge.
 * - 'STANDARD': Apache Fineract's default "Penalties, Fees, Interest, Principal order"
 *   (mifos-standard-strategy): instalment by instalment, oldest first, each one's penalty, then
 *   (fees: none here) interest, then principal, before the next instalment.
 */
export type AllocationStrategy = 'RBI' | 'STANDARD';

/** The strategies by name; 'RBI' is the default. */
export const ALLOCATION_STRATEGIES: readonly AllocationStrategy[] = ['RBI', 'STANDARD'];

/** What part of a payment went to one instalment (paise). */
export interface InstalmentAllocation {
  readonly instalmentNumber: number;
  readonly principalPaise: Paise;
  readonly interestPaise: Paise;
  readonly penaltyPaise: Paise;
}

/** The result of {@link allocateToDues}: allocations by instalment number (ascending, none empty) and what is left. */
export interface DuesAllocation {
  readonly allocations: readonly InstalmentAllocation[];
  readonly remainingPaise: Paise;
}

type Component = 'principalPaise' | 'interestPaise' | 'penaltyPaise';

interface Claim {
  readonly instalmentNumber: number;
  readonly component: Component;
  readonly amountPaise: Paise;
}

/**
 * Allocates `amountPaise` (≥ 0) to the unpaid principal, interest and penalties of the instalments
 * due by `businessDate`, in the order of `strategy`. Instalments not yet due are not touched; what
 * is left over is returned as `remainingPaise`.
 * Example (issue 5): instalment 1 overdue (200 + 20 interest), instalment 2 due (200 + 20), payment 40
 * → RBI: 20 + 20 interest, no principal; STANDARD: instalment 1's 20 interest, then 20 of its principal.
 */
export function allocateToDues(
  instalments: readonly InstalmentPosition[],
  businessDate: IsoDate,
  amountPaise: Paise,
  strategy: AllocationStrategy,
): DuesAllocation {
  const due = instalments.filter((instalment) => isDueBy(instalment, businessDate));
  const claims = strategy === 'RBI' ? rbiClaims(due) : standardClaims(due);
  const totals = new Map<number, { principalPaise: Paise; interestPaise: Paise; penaltyPaise: Paise }>();
  let remaining = amountPaise;
  for (const claim of claims) {
    if (remaining === 0) break;
    const paid = Math.min(remaining, claim.amountPaise);
    if (paid === 0) continue;
    remaining -= paid;
    const total = totals.get(claim.instalmentNumber) ?? { principalPaise: 0, interestPaise: 0, penaltyPaise: 0 };
    total[claim.component] += paid;
    totals.set(claim.instalmentNumber, total);
  }
  const allocations = [...totals.entries()].sort(([a], [b]) => a - b).map(([instalmentNumber, total]) => ({ instalmentNumber, ...total }));
  return { allocations, remainingPaise: remaining };
}

function rbiClaims(due: readonly InstalmentPosition[]): Claim[] {
  return [
    ...due.map((instalment) => claim(instalment, 'interestPaise', unpaidInterest(instalment))),
    ...due.map((instalment) => claim(instalment, 'principalPaise', unpaidPrincipal(instalment))),
    ...due.map((instalment) => claim(instalment, 'penaltyPaise', unpaidPenalty(instalment))),
  ];
}

function standardClaims(due: readonly InstalmentPosition[]): Claim[] {
  return due.flatMap((instalment) => [
    claim(instalment, 'penaltyPaise', unpaidPenalty(instalment)),
    claim(instalment, 'interestPaise', unpaidInterest(instalment)),
    claim(instalment, 'principalPaise', unpaidPrincipal(instalment)),
  ]);
}

function claim(instalment: InstalmentPosition, component: Component, amountPaise: Paise): Claim {
  return { instalmentNumber: instalment.number, component, amountPaise };
}
