import type { StaffRole } from '@samabay/domain-kit';
import { Extensions } from '@nestjs/graphql';
import { branchOfMemberNo, type AccessPolicy } from './access-policy';

/** Staff who may read members' personal data: everyone but partners, tellers and branch managers only of their branch. */
const PERSONAL_DATA_READERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'auditor', 'admin'];

/**
 * Field-level policies of output fields holding personal data (DESIGN §7: name, phone, address, date
 * of birth, nominee). A field names its policy with `@PersonalData('<key>')`; the personal-data field
 * middleware evaluates it for every value it returns, with the parent object as the "arguments" (its
 * branchCode or memberNo names the branch). Add a key here for a new kind of parent object.
 */
export const PersonalDataPolicies = {
  /** A member's own personal fields: the member's branch from branchCode, else from the member number. */
  member: {
    name: 'member personal data',
    roles: PERSONAL_DATA_READERS,
    branches: (parent) => [typeof parent.branchCode === 'string' ? parent.branchCode : branchOfMemberNo(parent.memberNo)],
  },
} as const satisfies Record<string, AccessPolicy>;

/** Key of {@link PersonalDataPolicies}. */
export type PersonalDataPolicyKey = keyof typeof PersonalDataPolicies;

/** Name of the GraphQL field extension that carries a personal-data field's policy key. */
export const PERSONAL_DATA_EXTENSION = 'personalData';

/** Marks an output field as personal data governed by `PersonalDataPolicies[policy]` (checked per value). */
export const PersonalData = (policy: PersonalDataPolicyKey): PropertyDecorator => Extensions({ [PERSONAL_DATA_EXTENSION]: policy }) as PropertyDecorator;
