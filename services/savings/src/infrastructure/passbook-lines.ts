import { formatPaiseAsRupees, type Paise } from '@samabay/domain-kit';
import type { DepositProceedsKind } from '../domain/account/savings-account-commands';
import type { ProceedsDestination } from '../domain/term-deposit/proceeds-destination';
import type { DepositAccountEvent } from './savings-event-data';

/**
 * What a passbook line records. `category` groups lines for the branch cash book and the interest
 * report: OPENING_BALANCE, DEPOSIT, WITHDRAWAL, COLLECTION, INTEREST, TRANSFER_IN, TRANSFER_OUT,
 * TRANSFER_REVERSAL, INSTALMENT, FINE_CHARGED, FINE_PAID, FINES_DEDUCTED, CLOSURE_PAYOUT, LOAN_CREDIT (a loan disbursed
 * into the account), DEPOSIT_PROCEEDS (a term deposit's payment into the account), INCOME_PAID (an MIS month's income
 * paid out to the savings account; no balance change), INTEREST_RECOVERED (MIS income paid beyond what premature closure allows).
 */
export type PassbookCategory =
  | 'OPENING_BALANCE'
  | 'DEPOSIT'
  | 'WITHDRAWAL'
  | 'COLLECTION'
  | 'INTEREST'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT'
  | 'TRANSFER_REVERSAL'
  | 'INSTALMENT'
  | 'FINE_CHARGED'
  | 'FINE_PAID'
  | 'FINES_DEDUCTED'
  | 'CLOSURE_PAYOUT'
  | 'LOAN_CREDIT'
  | 'DEPOSIT_PROCEEDS'
  | 'INCOME_PAID'
  | 'INTEREST_RECOVERED';

/**
 * One printed passbook line (issue 4 item 6): debit and credit move the account's balance, and
 * `balancePaise` is the running balance after the line — balance before + credit − debit, always.
 * A fine is a separate charge (never in the deposit balance): its lines have no debit or credit.
 * `cashInPaise` / `cashOutPaise` are the cash the branch took in or paid out (the cash book);
 * interest, transfers and the register's opening balances move no cash. All amounts paise.
 * Narrations carry amounts, dates and ids only — never personal data.
 */
export interface PassbookLine {
  readonly category: PassbookCategory;
  readonly narration: string;
  readonly debitPaise: Paise;
  readonly creditPaise: Paise;
  readonly balancePaise: Paise;
  readonly cashInPaise: Paise;
  readonly cashOutPaise: Paise;
}

const rupees = (paise: Paise): string => `Rs ${formatPaiseAsRupees(paise)}`;

function line(category: PassbookCategory, narration: string, balancePaise: Paise, amounts: Partial<Omit<PassbookLine, 'category' | 'narration' | 'balancePaise'>> = {}): PassbookLine {
  return { category, narration, balancePaise, debitPaise: 0, creditPaise: 0, cashInPaise: 0, cashOutPaise: 0, ...amounts };
}

/**
 * The passbook lines of one deposit-account event, in print order (none for events that neither move
 * money nor charge a fine: opening, accrual, dormancy, a collection still pending or disputed).
 * Pure; the running balance comes from the balances the events carry (DESIGN §5).
 */
export function passbookLinesOf(event: DepositAccountEvent): PassbookLine[] {
  switch (event.type) {
    case 'OpeningBalanceRecorded':
      return [line('OPENING_BALANCE', 'Balance brought forward from the member register', event.data.balancePaise, { creditPaise: event.data.amountPaise })];
    case 'DepositRecorded': {
      const { amountPaise } = event.data;
      return [line('DEPOSIT', 'Cash deposit', event.data.balancePaise, { creditPaise: amountPaise, cashInPaise: amountPaise })];
    }
    case 'WithdrawalRecorded': {
      const { amountPaise } = event.data;
      return [line('WITHDRAWAL', 'Cash withdrawal', event.data.balancePaise, { debitPaise: amountPaise, cashOutPaise: amountPaise })];
    }
    case 'CollectionVerified': {
      const { amountPaise, collectionId, agentId, collectedOn } = event.data;
      return [line('COLLECTION', `Door-step collection ${collectionId} by agent ${agentId} on ${collectedOn}`, event.data.balancePaise, { creditPaise: amountPaise, cashInPaise: amountPaise })];
    }
    case 'InterestPosted':
      return [line('INTEREST', `Interest ${event.data.periodFrom} to ${event.data.periodTo}`, event.data.balancePaise, { creditPaise: event.data.amountPaise })];
    case 'OwnAccountTransferDebited':
      return [line('TRANSFER_OUT', `Transfer to own account ${event.data.toAccountId}`, event.data.balancePaise, { debitPaise: event.data.amountPaise })];
    case 'OwnAccountTransferCredited':
      return [line('TRANSFER_IN', `Transfer from own account ${event.data.fromAccountId}`, event.data.balancePaise, { creditPaise: event.data.amountPaise })];
    case 'OwnAccountTransferReversed':
      return [line('TRANSFER_REVERSAL', `Transfer to ${event.data.toAccountId} reversed`, event.data.balancePaise, { creditPaise: event.data.amountPaise })];
    case 'SavingsAccountClosed':
      return [line('CLOSURE_PAYOUT', 'Account closed: balance paid out', 0, { debitPaise: event.data.payoutPaise, cashOutPaise: event.data.payoutPaise })];
    case 'InstalmentPaid': {
      const { amountPaise, instalmentNo } = event.data;
      return [line('INSTALMENT', `Instalment ${instalmentNo}`, event.data.balancePaise, { creditPaise: amountPaise, cashInPaise: amountPaise })];
    }
    case 'MissedInstalmentFined': {
      const { amountPaise, instalmentNo, finesOutstandingPaise } = event.data;
      return [line('FINE_CHARGED', `Fine ${rupees(amountPaise)} for missed instalment ${instalmentNo} (fines due ${rupees(finesOutstandingPaise)})`, event.data.balancePaise)];
    }
    case 'FinePaid': {
      const { amountPaise, finesOutstandingPaise } = event.data;
      return [line('FINE_PAID', `Fine paid ${rupees(amountPaise)} (fines due ${rupees(finesOutstandingPaise)})`, event.data.balancePaise, { cashInPaise: amountPaise })];
    }
    case 'RecurringDepositClosedPrematurely': {
      const { depositsPaise, interestPaise, appliedRatePercent, monthsHeld } = event.data;
      return closureLines(depositsPaise, interestPaise, event.data.finesDeductedPaise, event.data.payoutPaise, `Interest on premature closure at ${appliedRatePercent}% p.a. for ${monthsHeld} months`);
    }
    case 'RecurringDepositClosedAtMaturity': {
      const { depositsPaise, interestPaise, maturityValuePaise } = event.data;
      return closureLines(depositsPaise, interestPaise, event.data.finesDeductedPaise, event.data.payoutPaise, `Interest at maturity (maturity value ${rupees(maturityValuePaise)})`);
    }
    case 'LoanDisbursementCredited':
      return [line('LOAN_CREDIT', `Loan ${event.data.loanId} disbursed`, event.data.balancePaise, { creditPaise: event.data.amountPaise })];
    case 'DepositProceedsCredited':
      return [line('DEPOSIT_PROCEEDS', proceedsNarration(event.data.kind, event.data.sourceAccountId, event.data.reference), event.data.balancePaise, { creditPaise: event.data.amountPaise })];
    case 'FixedDepositOpened': {
      const { amountPaise, contract } = event.data;
      return [line('DEPOSIT', `Fixed deposit for ${contract.tenureMonths} months at ${contract.annualRatePercent}% p.a., matures ${contract.maturityDate}`, event.data.balancePaise, { creditPaise: amountPaise, cashInPaise: amountPaise })];
    }
    case 'MonthlyIncomeDepositOpened': {
      const { amountPaise, contract } = event.data;
      const narration = `Monthly income deposit for ${contract.tenureMonths} months at ${contract.annualRatePercent}% p.a., income ${rupees(contract.monthlyPayoutPaise)} a month to ${contract.payoutAccountId}`;
      return [line('DEPOSIT', narration, event.data.balancePaise, { creditPaise: amountPaise, cashInPaise: amountPaise })];
    }
    case 'MonthlyIncomePaid': {
      const { month, dueOn, amountPaise, payoutAccountId } = event.data;
      return [line('INCOME_PAID', `Income month ${month} (due ${dueOn}) ${rupees(amountPaise)} paid to ${payoutAccountId}`, event.data.balancePaise)];
    }
    case 'FixedDepositClosedAtMaturity': {
      const { principalPaise, interestPaise, payoutPaise, payout } = event.data;
      return termClosureLines(principalPaise, interestPaise, 0, payoutPaise, payout, 'Interest at maturity, compounded quarterly');
    }
    case 'FixedDepositClosedPrematurely': {
      const { principalPaise, interestPaise, payoutPaise, payout, appliedRatePercent, monthsHeld } = event.data;
      return termClosureLines(principalPaise, interestPaise, 0, payoutPaise, payout, `Interest on premature closure at ${appliedRatePercent}% p.a. after ${monthsHeld} months`);
    }
    case 'MonthlyIncomeDepositClosedAtMaturity': {
      const { principalPaise, payoutPaise, payout } = event.data;
      return termClosureLines(principalPaise, 0, 0, payoutPaise, payout, '');
    }
    case 'MonthlyIncomeDepositClosedPrematurely': {
      const { principalPaise, interestOwedPaise, recoveryPaise, payoutPaise, payout, appliedRatePercent, monthsHeld } = event.data;
      return termClosureLines(principalPaise, interestOwedPaise, recoveryPaise, payoutPaise, payout, `Income due on premature closure at ${appliedRatePercent}% p.a. after ${monthsHeld} months`);
    }
    case 'SavingsAccountOpened':
    case 'RecurringDepositOpened':
    case 'InterestAccrued':
    case 'AccountMarkedDormant':
    case 'AccountReactivated':
    case 'CollectionRecorded':
    case 'CollectionDisputed':
      return [];
  }
}

function proceedsNarration(kind: DepositProceedsKind, sourceAccountId: string, reference: string): string {
  switch (kind) {
    case 'FIXED_DEPOSIT_CLOSURE':
      return `Fixed deposit ${sourceAccountId} closed: proceeds`;
    case 'MONTHLY_INCOME':
      return `Monthly income ${reference} from ${sourceAccountId}`;
    case 'MONTHLY_INCOME_CLOSURE':
      return `Monthly income deposit ${sourceAccountId} closed: proceeds`;
  }
}

/**
 * A term deposit's closure: interest credited (when any), income recovered (MIS premature), the rest paid
 * out — in cash (the cash book) or into the member's savings account (no cash moves).
 */
function termClosureLines(
  principalPaise: Paise,
  interestPaise: Paise,
  recoveredPaise: Paise,
  payoutPaise: Paise,
  payout: ProceedsDestination,
  interestNarration: string,
): PassbookLine[] {
  const lines: PassbookLine[] = [];
  if (interestPaise > 0) lines.push(line('INTEREST', interestNarration, principalPaise + interestPaise, { creditPaise: interestPaise }));
  if (recoveredPaise > 0) lines.push(line('INTEREST_RECOVERED', 'Income paid beyond the premature rate recovered', principalPaise + interestPaise - recoveredPaise, { debitPaise: recoveredPaise }));
  const toCash = payout.kind === 'CASH';
  const narration = toCash ? 'Deposit closed: paid out' : `Deposit closed: paid into ${payout.savingsAccountId}`;
  lines.push(line('CLOSURE_PAYOUT', narration, principalPaise + interestPaise - recoveredPaise - payoutPaise, { debitPaise: payoutPaise, cashOutPaise: toCash ? payoutPaise : 0 }));
  return lines;
}

/** An RD closure: interest credited, fines outstanding deducted, the rest paid out (balance 0). */
function closureLines(depositsPaise: Paise, interestPaise: Paise, finesDeductedPaise: Paise, payoutPaise: Paise, interestNarration: string): PassbookLine[] {
  const withInterest = depositsPaise + interestPaise;
  const lines = [line('INTEREST', interestNarration, withInterest, { creditPaise: interestPaise })];
  if (finesDeductedPaise > 0) lines.push(line('FINES_DEDUCTED', 'Fines outstanding deducted', withInterest - finesDeductedPaise, { debitPaise: finesDeductedPaise }));
  lines.push(line('CLOSURE_PAYOUT', 'Deposit closed: paid out', withInterest - finesDeductedPaise - payoutPaise, { debitPaise: payoutPaise, cashOutPaise: payoutPaise }));
  return lines;
}
