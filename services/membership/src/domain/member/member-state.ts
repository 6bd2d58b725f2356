import type { MemberStatus } from './member-status';

/** What the member decider knows of an existing member; amounts in integer paise. */
export interface MemberSnapshot {
  readonly memberNo: string;
  readonly branchCode: string;
  readonly admissionDate: string;
  readonly status: MemberStatus;
  readonly sharesHeld: number;
  readonly shareCapitalPaise: number;
  /** The exit date (YYYY-MM-DD) of a MemberExited; null while a member, and for an exit carried over from the legacy register. */
  readonly exitDate: string | null;
  /** User id of the head-office user whose forget request awaits a checker; null when none. */
  readonly forgetRequestedBy: string | null;
  /** True once MemberForgotten: the data key is gone. */
  readonly personalDataForgotten: boolean;
}

/** State of a `member-<memberNo>` stream: null until the member is admitted or registered. */
export type MemberState = MemberSnapshot | null;
