import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppMetaDto } from '@linli/contracts';
import { Public } from '../../common/auth/decorators';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('system')
@Controller('meta')
export class MetaController {
  constructor(
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Implements(Endpoints.api.meta)
  @Get()
  @Public('What the mini-program needs before login (demo mode, hotline, server time).')
  @ApiOperation({ summary: 'Demo mode, hotline and the server time' })
  meta(): AppMetaDto {
    return {
      demoMode: this.config.demoMode,
      hotline: this.config.hotline,
      now: this.clock.now().toISOString(),
    };
  }
}
