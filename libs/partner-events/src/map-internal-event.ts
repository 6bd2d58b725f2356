import type { RecordedEvent } from '@samabay/event-store';
import type { LoanFacts, PublicFact } from './public-facts';

/** The account kinds of savings account ids ('SNG-000123-SD-01') and their public product category. */
const PRODUCT_OF_KIND: Readonly<Record<string, string>> = {
  SD: 'SAVINGS_DEPOSIT',
  TF: 'THRIFT_FUND',
  RD: 'RECURRING_DEPOSIT',
  FD: 'FIXED_DEPOSIT',
  MI: 'MONTHLY_INCOME',
};
const ACCOUNT_ID = /^([A-Z]{3})-\d{6}$/;
const SAVINGS_ACCOUNT_ID = /^(([A-Z]{3})-\d{6})-(SD|TF|RD|FD|MI)-\d{2}$/;

type Data = Record<string, unknown>;

/**
 * The month (YYYY-MM) of a YYYY-MM-DD business date: partners never see a day, because a day plus a
 * branch can point at one woman (the day she walked in, the day she left).
 * @throws RangeError for anything but YYYY-MM-DD.
 */
export function monthOf(date: unknown): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError('expected a YYYY-MM-DD business date');
  return date.slice(0, 7);
}

/** The facts a loan's later events need, when `event` is a LoanApplied; null otherwise. */
export function loanFactsOf(event: RecordedEvent): LoanFacts | null {
  if (event.type !== 'LoanApplied' || !event.streamId.startsWith('loan-')) return null;
  const data = event.data as Data;
  return {
    loanId: String(data.loanId),
    memberNo: String(data.memberNo),
    branchCode: String(data.branchCode),
    productCode: String(data.productCode),
    purpose: String(data.purpose),
  };
}

/**
 * Maps one internal event to the public event partners receive, or null when partners get nothing
 * of it (DESIGN §6, issue 6 item 5). Only whitelisted fields are copied, by name — sealed personal
 * data, nominees, staff ids, narrations, account and loan ids never are; dates become months.
 * `loanFacts(loanId)` answers what the loan's LoanApplied said (undefined if unknown: the repayment
 * of a loan applied for before the store's history began is skipped).
 *
 * - MemberAdmitted / MemberRegisteredFromLegacyRegister → member-admitted { branchCode, month, shares, origin }
 * - MemberExited → member-exited { branchCode, month, sharesRefunded, shareCapitalRefundedPaise }
 * - DepositRecorded (savingsAccount-…) → deposit-recorded { branchCode, month, product, amountPaise }
 * - LoanDisbursed → loan-disbursed { branchCode, month, productCode, purpose, amountPaise, numberOfInstalments }
 * - LoanRepaymentRecorded → loan-repaid { branchCode, month, productCode, purpose, amountPaise, principalPaidPaise, interestPaidPaise, penaltyPaidPaise }
 */
export function toPublicFact(event: RecordedEvent, loanFacts: (loanId: string) => LoanFacts | undefined): PublicFact | null {
  const data = event.data as Data;
  const fact = (name: PublicFact['name'], memberNo: string, fields: PublicFact['fields']): PublicFact => ({ name, memberNo, internalEventId: event.id, fields });
  if (event.streamId.startsWith('member-')) {
    const memberNo = String(data.memberNo);
    switch (event.type) {
      case 'MemberAdmitted':
        return fact('member-admitted', memberNo, { branchCode: String(data.branchCode), month: monthOf(data.admissionDate), shares: Number(data.shares), origin: 'ADMISSION' });
      case 'MemberRegisteredFromLegacyRegister':
        return fact('member-admitted', memberNo, { branchCode: String(data.branchCode), month: monthOf(data.admissionDate), shares: Number(data.sharesHeld), origin: 'REGISTER_IMPORT' });
      case 'MemberExited':
        return fact('member-exited', memberNo, {
          branchCode: branchOfMemberNo(memberNo),
          month: monthOf(data.exitDate),
          sharesRefunded: Number(data.sharesRefunded),
          shareCapitalRefundedPaise: Number(data.shareCapitalRefundedPaise),
        });
      default:
        return null;
    }
  }
  if (event.streamId.startsWith('savingsAccount-') && event.type === 'DepositRecorded') {
    const match = SAVINGS_ACCOUNT_ID.exec(String(data.accountId));
    if (!match) return null;
    return fact('deposit-recorded', match[1], { branchCode: match[2], month: monthOf(data.businessDate), product: PRODUCT_OF_KIND[match[3]], amountPaise: Number(data.amountPaise) });
  }
  if (event.streamId.startsWith('loan-') && (event.type === 'LoanDisbursed' || event.type === 'LoanRepaymentRecorded')) {
    const loan = loanFacts(String(data.loanId));
    if (!loan) return null;
    const common = { branchCode: loan.branchCode, productCode: loan.productCode, purpose: loan.purpose };
    if (event.type === 'LoanDisbursed') {
      const instalments = Array.isArray(data.instalments) ? data.instalments.length : 0;
      return fact('loan-disbursed', loan.memberNo, { ...common, month: monthOf(data.disbursedOn), amountPaise: Number(data.amountPaise), numberOfInstalments: instalments });
    }
    return fact('loan-repaid', loan.memberNo, {
      ...common,
      month: monthOf(data.paidOn),
      amountPaise: Number(data.amountPaise),
      principalPaidPaise: Number(data.principalPaidPaise),
      interestPaidPaise: Number(data.interestPaidPaise),
      penaltyPaidPaise: Number(data.penaltyPaidPaise),
    });
  }
  return null;
}

function branchOfMemberNo(memberNo: string): string {
  const match = ACCOUNT_ID.exec(memberNo);
  if (!match) throw new RangeError('expected a member number such as SNG-000123');
  return match[1];
}
