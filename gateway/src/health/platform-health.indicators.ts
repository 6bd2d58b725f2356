import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { GATEWAY_SERVICES, type GatewayServices } from '../gateway-services';

/** Longest a health probe waits for the database, in milliseconds. */
const DATABASE_PROBE_TIMEOUT_MS = 2_000;

/**
 * Health indicators of the single-node platform: the database answers a trivial query in time, and
 * the projection runner is following `$all` (not stopped or failed on a poison event).
 * Details carry states and codes only.
 */
@Injectable()
export class PlatformHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(GATEWAY_SERVICES) private readonly services: GatewayServices,
  ) {}

  async database(key = 'database'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.services.db.query('SELECT 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), DATABASE_PROBE_TIMEOUT_MS))),
      ]);
      return indicator.up({ kind: this.services.db.kind });
    } catch (error) {
      return indicator.down({ kind: this.services.db.kind, error: error instanceof Error ? error.name : 'unknown' });
    } finally {
      clearTimeout(timer);
    }
  }

  projections(key = 'projections'): HealthIndicatorResult {
    const indicator = this.health.check(key);
    const status = this.services.runner.status();
    if (status === 'running' || status === 'rebuilding') return indicator.up({ runner: status });
    const failure = this.services.runner.failure();
    return indicator.down({ runner: status, ...(failure ? { projection: failure.projection ?? null, eventType: failure.eventType ?? null, position: failure.position ?? null } : {}) });
  }

  /**
   * The services the gateway sends commands to answer (single-server: a ping over TCP each, in
   * parallel); up with `mode: 'in-process'` when they run inside the gateway. Details carry names and states only.
   */
  async commandServices(key = 'services'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const probes = this.services.serviceProbes;
    if (!probes) return indicator.up({ mode: 'in-process' });
    const states = await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => [name, await probe().then(() => 'up', () => 'down')] as const),
    );
    const details = Object.fromEntries(states);
    return states.every(([, state]) => state === 'up') ? indicator.up(details) : indicator.down(details);
  }
}
