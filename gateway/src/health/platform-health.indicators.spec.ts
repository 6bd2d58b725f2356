import { HealthIndicatorService } from '@nestjs/terminus';
import type { ProjectionRunnerStatus } from '@samabay/projections';
import type { GatewayServices } from '../gateway-services';
import { PlatformHealthIndicators } from './platform-health.indicators';

function indicators(runnerStatus: ProjectionRunnerStatus, dbQuery: () => Promise<unknown>): PlatformHealthIndicators {
  const services = {
    db: { kind: 'pglite', query: dbQuery },
    runner: {
      status: () => runnerStatus,
      failure: () => (runnerStatus === 'failed' ? { projection: 'membership_member_directory', eventType: 'MemberAdmitted', position: 'C:9/P:1', errorName: 'TypeError', errorMessage: 'x' } : undefined),
    },
  } as unknown as GatewayServices;
  return new PlatformHealthIndicators(new HealthIndicatorService(), services);
}

describe('PlatformHealthIndicators', () => {
  it('reports a running projection runner and an answering database as up', async () => {
    const health = indicators('running', async () => ({ rows: [] }));
    expect(await health.database()).toEqual({ database: { status: 'up', kind: 'pglite' } });
    expect(health.projections()).toEqual({ projections: { status: 'up', runner: 'running' } });
  });

  it('reports a runner stopped on a poison event as down, naming projection, event type and position only', () => {
    expect(indicators('failed', async () => ({})).projections()).toEqual({
      projections: { status: 'down', runner: 'failed', projection: 'membership_member_directory', eventType: 'MemberAdmitted', position: 'C:9/P:1' },
    });
    expect(indicators('stopped', async () => ({})).projections()).toEqual({ projections: { status: 'down', runner: 'stopped' } });
  });

  it('reports a failing database as down without its message', async () => {
    const result = await indicators('running', async () => Promise.reject(new Error('connection to 10.0.0.5 refused'))).database();
    expect(result).toEqual({ database: { status: 'down', kind: 'pglite', error: 'Error' } });
  });

  it('reports in-process services as up, and services reached over the network by their probes', async () => {
    expect(await indicators('running', async () => ({})).commandServices()).toEqual({ services: { status: 'up', mode: 'in-process' } });
    const remote = new PlatformHealthIndicators(new HealthIndicatorService(), {
      serviceProbes: { membership: async () => undefined, savings: async () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:4102')) },
    } as unknown as GatewayServices);
    expect(await remote.commandServices()).toEqual({ services: { status: 'down', membership: 'up', savings: 'down' } });
  });
});
