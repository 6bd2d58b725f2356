import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Policy } from '../auth/access-policy';
import { Policies } from '../auth/policies';
import { PlatformHealthIndicators } from './platform-health.indicators';

/** GET /health (@nestjs/terminus): 200 when the database, the projection runner and the command services are up, 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: PlatformHealthIndicators,
  ) {}

  @Get()
  @HealthCheck()
  @Policy(Policies.infrastructure)
  check() {
    return this.health.check([() => this.indicators.database(), () => this.indicators.projections(), () => this.indicators.commandServices()]);
  }
}
