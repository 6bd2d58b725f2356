import type { IsoDate } from '@samabay/domain-kit';
import { assetClassOn, type AssetClass } from './asset-classification';

/** One loan of a member as the day-end sees it: its own NPA date (null when performing on its own arrears) and its loss mark. */
export interface BorrowerLoan {
  readonly loanId: string;
  readonly ownNpaSince: IsoDate | null;
  readonly lossMarked: boolean;
}

/** A loan's borrower-wise class: the NPA date of the borrower and the loan's asset class. */
export interface LoanClassification {
  readonly loanId: string;
  readonly npaSince: IsoDate | null;
  readonly assetClass: AssetClass;
  /** The earliest own-NPA date among the borrower's other loans: what AgeLoan carries for this loan. */
  readonly otherLoansNpaSince: IsoDate | null;
}

/** The borrower's class: NPA since the earliest own-NPA date of any of the loans; asset class the worst of the loans'. */
export interface BorrowerClassification {
  readonly npaSince: IsoDate | null;
  readonly assetClass: AssetClass;
  readonly loans: readonly LoanClassification[];
}

const SEVERITY: Readonly<Record<AssetClass, number>> = { STANDARD: 0, SUB_STANDARD: 1, DOUBTFUL: 2, LOSS: 3 };

/**
 * Borrower-wise classification over all of one member's open loans (RBI IRAC: "classification of
 * assets … borrower-wise and not facility-wise": once any loan of a member is NPA, all of the member's
 * loans are NPA, dated from the earliest). Sub-standard/doubtful ages from that date; a loan marked
 * loss is LOSS. An empty list is a STANDARD borrower.
 */
export function classifyBorrower(loans: readonly BorrowerLoan[], businessDate: IsoDate): BorrowerClassification {
  const npaSince = earliest(loans.map((loan) => loan.ownNpaSince));
  const classified = loans.map((loan) => ({
    loanId: loan.loanId,
    npaSince,
    assetClass: assetClassOn(npaSince, loan.lossMarked && npaSince !== null, businessDate),
    otherLoansNpaSince: earliest(loans.filter((other) => other.loanId !== loan.loanId).map((other) => other.ownNpaSince)),
  }));
  const assetClass = classified.reduce<AssetClass>((worst, loan) => (SEVERITY[loan.assetClass] > SEVERITY[worst] ? loan.assetClass : worst), 'STANDARD');
  return { npaSince, assetClass, loans: classified };
}

/** The earliest of some dates (YYYY-MM-DD sorts as text), null when none. */
export function earliest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((min, date) => (date !== null && (min === null || date < min) ? date : min), null);
}
