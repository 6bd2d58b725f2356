import type { MemberStatus } from './member-status';

/** What the member decider knows of an existing member; amounts in integer paise. */
export interface MemberSnapshot {
  readonly memberNo: string;
  readonly branchCode: string;
  readonly admissionDate: string;
  readonly status: MemberStatus;
  readonly sharesHeld: number;
  readonly shareCapitalPaise: number;
}

/** State of a `member-<memberNo>` stream: null until the member is admitted or registered. */
export type MemberState = MemberSnapshot | null;
