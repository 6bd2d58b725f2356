import type { OpenDue } from '../domain/member/member-commands';

/**
 * The seam for "shares are refunded on exit after all dues are cleared" (DESIGN §8): asked before
 * every exit, it lists the member's open loans and welfare dues. createMembership's default is
 * openLoanDues (lending events); welfare plugs in a lookup over its projection here.
 */
export type OpenDuesLookup = (memberNo: string) => Promise<readonly OpenDue[]>;

/** A lookup under which nothing is ever open (unit tests of the command side). */
export const noOpenDues: OpenDuesLookup = async () => [];
