import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthDto, LivenessDto, ReadinessDto } from '@linli/contracts';
import type { Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { HealthService } from './health.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/**
 * Probes for load balancers and orchestrators (docs/deployment.md): `live` says whether to restart the
 * process, `ready` whether to send it traffic; `/api/health` is the one-line check of the README.
 */
@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Implements(Endpoints.system.health)
  @Get()
  @Public('Liveness probe for load balancers; reveals nothing but up/down.')
  @ApiOperation({ summary: 'Is the server and its database up? 503 when the database is down.' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const health = await this.health.check();
    res.status(health.database === 'up' ? 200 : 503);
    return health;
  }

  @Implements(Endpoints.system.healthLive)
  @Get('live')
  @Public(
    'Liveness probe: answers without touching the database, so a database outage never restarts the instances.',
  )
  @ApiOperation({ summary: 'Is the process up? Always 200 while it answers.' })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Implements(Endpoints.system.healthReady)
  @Get('ready')
  @Public(
    'Readiness probe for load balancers; reveals only up/down and whether migrations are current.',
  )
  @ApiOperation({
    summary:
      'May this instance take traffic? 503 unless the database answers (2 s) and no migration is pending.',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    const ready = await this.health.ready();
    res.status(ready.status === 'ready' ? 200 : 503);
    return ready;
  }
}
