/** @samabay/staff — the staff registry as events (DESIGN §7): register, disable, enable, role changes under maker–checker; the directory the gateway consults per request. */
export type * from './domain/staff-events';
export { STAFF_EVENT_TYPES } from './domain/staff-events';
export type * from './domain/staff-commands';
export { evolveStaff, type StaffMember, type StaffState } from './domain/staff-state';
export { staffDecider, staffStreamId } from './domain/staff-decider';
export { REGISTRY_ADMIN_ROLES, ALL_STAFF_ROLES, PRIVILEGED_ROLES, BOOTSTRAP_ACTOR_ID } from './domain/staff-rules';
export { StaffCommands, STAFF_ROLE_CHANGE, STAFF_REGISTRATION, type RegisterStaffInput } from './application/staff-commands';
export { createStaff, type Staff, type StaffOptions } from './application/create-staff';
export { StaffDirectory, type StaffStanding } from './infrastructure/staff-directory';
export { StaffProjection } from './infrastructure/staff-projection';
export { KnownBranches, KnownBranchesProjection } from './infrastructure/known-branches';
export { StaffReader, type StaffRecord } from './infrastructure/staff-reader';
export { DEFAULT_STAFF_SCHEMA } from './infrastructure/staff-tables';
