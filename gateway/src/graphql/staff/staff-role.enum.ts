import { registerEnumType } from '@nestjs/graphql';

/** Staff roles on the wire (DESIGN §7); values are the StaffRole strings of tokens and events. */
export enum StaffRoleEnum {
  TELLER = 'teller',
  BRANCH_MANAGER = 'branch_manager',
  HEAD_OFFICE = 'head_office',
  AUDITOR = 'auditor',
  PARTNER = 'partner',
  ADMIN = 'admin',
}

registerEnumType(StaffRoleEnum, { name: 'StaffRole', description: 'Role of a staff user.' });
