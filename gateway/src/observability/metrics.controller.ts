import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Policy } from '../auth/access-policy';
import { Policies } from '../auth/policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../gateway-services';

/** GET /metrics: the platform's prom-client registry in the Prometheus text format. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Policy(Policies.infrastructure)
  metrics(): Promise<string> {
    return this.services.registry.metrics();
  }
}
