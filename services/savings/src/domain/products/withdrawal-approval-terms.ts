import type { EffectiveDated, IsoDate, Paise, StaffRole } from '@samabay/domain-kit';
import { productTermsOn } from './savings-products';

/**
 * Maker–checker for cash withdrawals (DESIGN §7), effective-dated configuration
 * (services/savings/config/withdrawal-approval.json): a withdrawal of more than `approvalAbovePaise`
 * needs the approval of a different staff member holding one of `checkerRoles`.
 */
export interface WithdrawalApprovalTerms {
  readonly approvalAbovePaise: Paise;
  readonly checkerRoles: readonly StaffRole[];
}

/**
 * The terms in force on `businessDate` when `amountPaise` needs a checker's approval, else null.
 * @throws DomainError NO_TERMS_IN_FORCE (businessDate) when the date precedes every entry.
 */
export function withdrawalApprovalNeeded(schedule: EffectiveDated<WithdrawalApprovalTerms>, businessDate: IsoDate, amountPaise: Paise): WithdrawalApprovalTerms | null {
  const terms = productTermsOn(schedule, businessDate);
  return amountPaise > terms.approvalAbovePaise ? terms : null;
}
