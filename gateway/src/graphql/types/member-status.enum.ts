import { registerEnumType } from '@nestjs/graphql';

/** A member's standing (mirrors the membership service's MemberStatus). */
export enum MemberStatusEnum {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  EXITED = 'EXITED',
}

registerEnumType(MemberStatusEnum, { name: 'MemberStatus', description: 'A member standing in the co-operative.' });
