import type { OpenDue } from '../domain/member/member-commands';

/**
 * The seam for "shares are refunded on exit after all dues are cleared" (DESIGN §8): asked before
 * every exit, it lists the member's open loans and welfare dues. Lending and welfare do not exist
 * yet, so the default reports none; their issues plug in a lookup over their projections here.
 */
export type OpenDuesLookup = (memberNo: string) => Promise<readonly OpenDue[]>;

/** The lookup used until a service that can owe or be owed money exists: nothing is ever open. */
export const noOpenDues: OpenDuesLookup = async () => [];
