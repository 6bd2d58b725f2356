import type { Lending } from '@samabay/lending';
import type { ApprovalQueue, PendingItemsReader } from '@samabay/maker-checker';
import type { Membership } from '@samabay/membership';
import type { ProjectionRunner } from '@samabay/projections';
import type { Savings } from '@samabay/savings';
import type { SqlDatabase } from '@samabay/sql';
import type { Staff } from '@samabay/staff';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { PlatformConfig } from './config';

/**
 * What the Nest application is given by the composition root (platform.ts): the services are
 * created outside Nest so that the same composition serves every topology and the tests.
 */
export interface GatewayServices {
  readonly config: PlatformConfig;
  readonly db: SqlDatabase;
  readonly membership: Membership;
  readonly savings: Savings;
  readonly lending: Lending;
  /** The staff registry; its directory is consulted on every authenticated request. */
  readonly staff: Staff;
  readonly approvals: Approvals;
  readonly runner: ProjectionRunner;
  readonly registry: Registry;
  readonly logger: Logger;
}

/** The shared maker–checker queue (DESIGN §7) and its pending-items read model. */
export interface Approvals {
  readonly queue: ApprovalQueue;
  readonly reader: PendingItemsReader;
}

/** Injection token of {@link GatewayServices}. */
export const GATEWAY_SERVICES = Symbol('GATEWAY_SERVICES');
