import { compareIsoDates, DomainError, termsOn, ValidationError, type IsoDate, type StaffRole } from '@samabay/domain-kit';
import type { PersonalDataRetention } from '../personal-data-retention';
import type { ForgetActor } from './member-commands';
import type { MemberSnapshot, MemberState } from './member-state';

/** Only head office may ask for or approve forgetting a member (issue 6 item 4). */
export const FORGET_ROLES: readonly StaffRole[] = ['head_office'];

/**
 * The acting staff member, who must hold a role of {@link FORGET_ROLES}.
 * @throws ValidationError INVALID_ACTOR (field actor.userId); DomainError ROLE_NOT_ALLOWED (field actor.role).
 */
export function requireForgetRole(actor: ForgetActor | undefined): ForgetActor {
  if (!actor || typeof actor.userId !== 'string' || actor.userId.trim() === '') throw new ValidationError('actor.userId', 'the acting staff member is missing', 'INVALID_ACTOR');
  if (!FORGET_ROLES.includes(actor.role)) throw new DomainError('ROLE_NOT_ALLOWED', `forgetting a member needs the role ${FORGET_ROLES.join(' or ')}`, 'actor.role');
  return actor;
}

/**
 * A member who may be forgotten on `businessDate`: existing, not yet forgotten, exited on a known
 * date, and the retention period in force on `businessDate` elapsed since that date.
 * @throws DomainError MEMBER_NOT_FOUND, MEMBER_ALREADY_FORGOTTEN, MEMBER_NOT_EXITED, EXIT_DATE_UNKNOWN (field memberNo);
 *   RETENTION_NOT_ELAPSED, NO_TERMS_IN_FORCE (field businessDate).
 */
export function requireForgettable(memberNo: string, state: MemberState, businessDate: IsoDate, retention: PersonalDataRetention): MemberSnapshot {
  if (state === null) throw new DomainError('MEMBER_NOT_FOUND', `member ${memberNo} does not exist`, 'memberNo');
  if (state.personalDataForgotten) throw new DomainError('MEMBER_ALREADY_FORGOTTEN', `member ${memberNo} has already been forgotten`, 'memberNo');
  if (state.status !== 'EXITED') throw new DomainError('MEMBER_NOT_EXITED', `member ${memberNo} has not exited; only a former member can be forgotten`, 'memberNo');
  if (state.exitDate === null) {
    throw new DomainError('EXIT_DATE_UNKNOWN', `member ${memberNo} was carried over as exited from the legacy register without an exit date; the retention period cannot be counted`, 'memberNo');
  }
  const eligibleFrom = retentionEndsOn(state.exitDate, retentionOn(retention, businessDate).yearsAfterExit);
  if (compareIsoDates(businessDate, eligibleFrom) < 0) {
    throw new DomainError('RETENTION_NOT_ELAPSED', `member ${memberNo}'s data must be kept until ${eligibleFrom}`, 'businessDate', { eligibleFrom });
  }
  return state;
}

/** The retention terms in force on `businessDate`. @throws DomainError NO_TERMS_IN_FORCE (field businessDate). */
export function retentionOn(retention: PersonalDataRetention, businessDate: IsoDate) {
  try {
    return termsOn(retention, businessDate);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_TERMS_IN_FORCE') {
      throw new DomainError(error.code, 'no personal-data retention period was in force on that date', 'businessDate');
    }
    throw error;
  }
}

/** The first date on which data kept `years` whole years after `exitDate` may be destroyed (29 Feb → 28 Feb in a common year). */
export function retentionEndsOn(exitDate: IsoDate, years: number): IsoDate {
  const [year, month, day] = exitDate.split('-').map(Number);
  const targetYear = year + years;
  const leap = (targetYear % 4 === 0 && targetYear % 100 !== 0) || targetYear % 400 === 0;
  const targetDay = month === 2 && day === 29 && !leap ? 28 : day;
  return `${String(targetYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
