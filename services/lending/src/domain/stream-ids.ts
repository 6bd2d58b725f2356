/** Stream of a loan (DESIGN §3 categories): 'loan-<loanId>', e.g. 'loan-SNG-L-000001'. */
export function loanStreamId(loanId: string): string {
  return `loan-${loanId}`;
}

/** Stream of a branch's lending day-end record: 'lendingDayEnd-SNG'. */
export function lendingDayEndStreamId(branchCode: string): string {
  return `lendingDayEnd-${branchCode}`;
}
