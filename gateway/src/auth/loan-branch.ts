/** The branch prefix of a loan id such as 'SNG-L-000123', or undefined when it has none (refused to branch-bound roles). */
export function branchOfLoanId(loanId: unknown): string | undefined {
  const match = typeof loanId === 'string' ? /^([A-Z]{3})-L-[0-9A-Z]+$/.exec(loanId) : null;
  return match ? match[1] : undefined;
}
