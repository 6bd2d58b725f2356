import type { CommandHandler } from '@samabay/domain-kit';
import type { PersonalDataVault } from '@samabay/personal-data';
import type { Projection } from '@samabay/projections';
import type { SqlDatabase } from '@samabay/sql';
import type { MembershipProducts } from '../domain/membership-products';
import type { PersonalDataRetention } from '../domain/personal-data-retention';
import { defaultPersonalDataRetention } from '../infrastructure/personal-data-retention-config';
import { BranchSummaryProjection } from '../infrastructure/branch-summary-projection';
import { MemberDirectoryProjection } from '../infrastructure/member-directory-projection';
import { SqlMemberDirectoryReader, type MemberDirectoryReader } from '../infrastructure/member-directory-reader';
import { vaultOpener, type PersonalDataOpener } from '../infrastructure/personal-data-opener';
import { DEFAULT_READ_MODEL_SCHEMA } from '../infrastructure/read-model-schema';
import { MembershipCommandService, type MembershipCommands } from './membership-commands';
import { OpenLoansProjection } from '../infrastructure/open-loans-projection';
import { openLoanDues } from './open-loan-dues';
import type { OpenDuesLookup } from './open-dues';
import { MemberActivityProjection } from '../infrastructure/member-activity-projection';
import { memberExitStanding, type ExitStandingLookup } from './member-exit-standing';
import { purgeForgottenRowVersions } from '../infrastructure/purge-forgotten-row-versions';

/** What {@link createMembership} needs. */
export interface MembershipOptions {
  /** The shared command handler (idempotency, expected revision, retries). */
  readonly handler: CommandHandler;
  /** Seals personal data for events (subject id = member number) and opens it for the directory. */
  readonly vault: PersonalDataVault;
  /** The database of the read models (the projections write it inside the runner's transactions; the reader reads it). */
  readonly db: SqlDatabase;
  /** Schema of the read-model tables. Default 'membership_rm'. */
  readonly readModelSchema?: string;
  /** Effective-dated admission fee, share face value and minimum shares (see defaultMembershipProducts). */
  readonly products: MembershipProducts;
  /** Effective-dated retention period after exit before a member may be forgotten. Default: config/personal-data-retention.json. */
  readonly retention?: PersonalDataRetention;
  /** Wall clock; only used for "today" (Asia/Kolkata) so that a business date in the future is rejected. Default: system clock. */
  readonly clock?: () => Date;
  /**
   * Open loans/welfare dues that block an exit. Default: the member's disbursed loans not yet closed or
   * written off, as membership learned them from lending's events (OpenLoansProjection, openLoanDues),
   * read after `readModelsCaughtUp`.
   */
  readonly openDues?: OpenDuesLookup;
  /**
   * Her open savings accounts and latest activity date, asked before an exit. Default: what membership
   * learned from member, savings and loan events (MemberActivityProjection, memberExitStanding), read
   * after `readModelsCaughtUp`. Tests that drive membership alone may pass noExitStanding, as with noOpenDues.
   */
  readonly exitStanding?: ExitStandingLookup;
  /** Awaited before the default openDues and the exit standing read their projections, so a loan disbursed a moment ago is seen. Default: no wait. */
  readonly readModelsCaughtUp?: () => Promise<void>;
  /**
   * Schema-qualified table where `vault` keeps wrapped data keys, whose old row versions are also purged
   * after a forget (see purgeForgottenRowVersions). Default vault.data_keys (the SQL vault's default); skipped when absent.
   */
  readonly vaultKeyTable?: string;
  /** How the directory opens sealed personal data inside a projection transaction. Default: through `vault` (see vaultOpener). */
  readonly openPersonalData?: PersonalDataOpener;
}

/** The membership service: its commands, its read-model queries and the projections that feed them. */
export interface Membership {
  readonly commands: MembershipCommands;
  readonly reader: MemberDirectoryReader;
  /**
   * Member directory, branch summary, open loans (from lending events) and member activity (her own,
   * savings and loan streams: open savings accounts, latest business date), for the ProjectionRunner of @samabay/projections.
   */
  readonly projections: Projection[];
}

/**
 * Composes the membership service (issue 2 items 4–5). No I/O happens here: the projections create
 * their tables when the runner sets them up. Throws Error for an invalid `readModelSchema`.
 */
export function createMembership(options: MembershipOptions): Membership {
  const schema = options.readModelSchema ?? DEFAULT_READ_MODEL_SCHEMA;
  const commands = new MembershipCommandService({
    handler: options.handler,
    vault: options.vault,
    products: options.products,
    retention: options.retention ?? defaultPersonalDataRetention(),
    clock: options.clock ?? (() => new Date()),
    openDues: options.openDues ?? afterCatchUp(openLoanDues(options.db, schema), options.readModelsCaughtUp),
    exitStanding: options.exitStanding ?? afterCatchUp(memberExitStanding(options.db, schema), options.readModelsCaughtUp),
    afterForget: afterCatchUp(() => purgeForgottenRowVersions(options.db, schema, options.vaultKeyTable), options.readModelsCaughtUp),
  });
  const opener = options.openPersonalData ?? vaultOpener(options.vault);
  return {
    commands,
    reader: new SqlMemberDirectoryReader(options.db, schema),
    projections: [new MemberDirectoryProjection(opener, schema), new BranchSummaryProjection(schema), new OpenLoansProjection(schema), new MemberActivityProjection(schema)],
  };
}

/** The lookup, preceded by waiting for the read models when a wait is given. */
function afterCatchUp<T>(lookup: (memberNo: string) => Promise<T>, readModelsCaughtUp: (() => Promise<void>) | undefined): (memberNo: string) => Promise<T> {
  if (!readModelsCaughtUp) return lookup;
  return async (memberNo) => {
    await readModelsCaughtUp();
    return lookup(memberNo);
  };
}
