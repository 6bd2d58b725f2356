import type { CommandHandler } from '@samabay/domain-kit';
import type { ApprovalQueue } from '@samabay/maker-checker';
import type { Projection } from '@samabay/projections';
import type { SqlDatabase } from '@samabay/sql';
import { KnownBranches, KnownBranchesProjection } from '../infrastructure/known-branches';
import { StaffDirectory } from '../infrastructure/staff-directory';
import { StaffProjection } from '../infrastructure/staff-projection';
import { StaffReader } from '../infrastructure/staff-reader';
import { DEFAULT_STAFF_SCHEMA } from '../infrastructure/staff-tables';
import { StaffCommands } from './staff-commands';

/** What {@link createStaff} needs. */
export interface StaffOptions {
  readonly handler: CommandHandler;
  readonly db: SqlDatabase;
  /** The shared maker–checker queue; role changes go through it. */
  readonly approvals: ApprovalQueue;
  /** Schema of the read model. Default 'staff_rm'. */
  readonly readModelSchema?: string;
  /** Resolves once the projections reached the store's head; awaited before a branch is called unknown. */
  readonly readModelsCaughtUp?: () => Promise<void>;
}

/** The staff registry service: commands, the per-request directory, the reader and the projections (staff, known branches). */
export interface Staff {
  readonly commands: StaffCommands;
  readonly directory: StaffDirectory;
  readonly reader: StaffReader;
  readonly projections: Projection[];
}

/** Composes the staff registry (no I/O here; the projection creates its table when the runner sets it up). */
export function createStaff(options: StaffOptions): Staff {
  const schema = options.readModelSchema ?? DEFAULT_STAFF_SCHEMA;
  const directory = new StaffDirectory(options.db, schema);
  return {
    commands: new StaffCommands(options.handler, directory, options.approvals, new KnownBranches(options.db, schema, options.readModelsCaughtUp)),
    directory,
    reader: new StaffReader(options.db, schema),
    projections: [new StaffProjection(directory, schema), new KnownBranchesProjection(schema)],
  };
}
