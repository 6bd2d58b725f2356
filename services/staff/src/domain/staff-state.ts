import type { StaffRole } from '@samabay/domain-kit';
import type { StaffEvent } from './staff-events';

/** A registered staff user as the registry knows them. */
export interface StaffMember {
  readonly userId: string;
  readonly role: StaffRole;
  readonly branchCode: string;
  readonly active: boolean;
}

/** The staff aggregate: null before registration. */
export type StaffState = StaffMember | null;

/** Folds one staff event (pure). */
export function evolveStaff(state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'StaffRegistered':
      return { userId: event.data.userId, role: event.data.role, branchCode: event.data.branchCode, active: true };
    case 'StaffDisabled':
      return state && { ...state, active: false };
    case 'StaffEnabled':
      return state && { ...state, active: true };
    case 'StaffRoleChanged':
      return state && { ...state, role: event.data.role, branchCode: event.data.branchCode };
  }
}
