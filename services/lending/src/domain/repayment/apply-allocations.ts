import type { InstalmentAllocation } from './allocation-strategy';
import type { InstalmentPosition } from './instalment-position';

/** Adds the allocations of a repayment to the paid amounts of their instalments (pure). */
export function applyAllocations(instalments: readonly InstalmentPosition[], allocations: readonly InstalmentAllocation[]): InstalmentPosition[] {
  const byNumber = new Map(allocations.map((allocation) => [allocation.instalmentNumber, allocation]));
  return instalments.map((instalment) => {
    const allocation = byNumber.get(instalment.number);
    if (!allocation) return instalment;
    return {
      ...instalment,
      paidPrincipalPaise: instalment.paidPrincipalPaise + allocation.principalPaise,
      paidInterestPaise: instalment.paidInterestPaise + allocation.interestPaise,
      paidPenaltyPaise: instalment.paidPenaltyPaise + allocation.penaltyPaise,
    };
  });
}
