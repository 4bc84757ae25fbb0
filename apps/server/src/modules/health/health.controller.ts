import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthDto } from '@linli/contracts';
import type { Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { HealthService } from './health.service';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public('Liveness probe for load balancers; reveals nothing but up/down.')
  @ApiOperation({ summary: 'Is the server and its database up? 503 when the database is down.' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const health = await this.health.check();
    res.status(health.database === 'up' ? 200 : 503);
    return health;
  }
}
