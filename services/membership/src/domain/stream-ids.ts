/** Stream of a branch (DESIGN §3 categories): 'branch-SNG'. Holds its opening and its member-number register. */
export function branchStreamId(branchCode: string): string {
  return `branch-${branchCode}`;
}

/** Stream of a member: 'member-SNG-000123'. */
export function memberStreamId(memberNo: string): string {
  return `member-${memberNo}`;
}
