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
 * What the gateway needs of whatever applies the projections: waiting for a position (read your
 * writes), and its state for /health. The single-node ProjectionRunner, or in single-server the
 * wait on the projector's per-stream checkpoints (KafkaFeedProgress).
 */
export type ReadModelFollower = Pick<ProjectionRunner, 'waitForPosition' | 'status' | 'failure'>;

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
  readonly runner: ReadModelFollower;
  readonly registry: Registry;
  readonly logger: Logger;
  /**
   * Services the gateway reaches over the network (single-server: membership, savings, lending), by
   * name, each with a probe that resolves when the service answers; absent when they run in-process.
   */
  readonly serviceProbes?: Readonly<Record<string, () => Promise<void>>>;
}

/** The shared maker–checker queue (DESIGN §7) and its pending-items read model. */
export interface Approvals {
  readonly queue: ApprovalQueue;
  readonly reader: PendingItemsReader;
}

/** Injection token of {@link GatewayServices}. */
export const GATEWAY_SERVICES = Symbol('GATEWAY_SERVICES');
