import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClockDto } from '@linli/contracts';
import { Public } from '../../common/auth/decorators';
import { ClockService } from './clock.service';
import { SetClockDto } from './dto/set-clock.dto';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

const WHY_PUBLIC =
  'Demo and test tool. Registered only outside production mode, where the routes do not exist (404).';

@ApiTags('test-clock')
@Controller('test-clock')
export class TestClockController {
  constructor(private readonly clock: ClockService) {}

  @Implements(Endpoints.api.testClock)
  @Get()
  @Public(WHY_PUBLIC)
  @ApiOperation({
    summary: 'Read the test clock',
    description: `Public in demo/test mode. ${WHY_PUBLIC}`,
  })
  get(): ClockDto {
    return this.clock.describe();
  }

  @Implements(Endpoints.api.setTestClock)
  @Put()
  @Public(WHY_PUBLIC)
  @ApiOperation({
    summary: 'Set, advance or freeze the test clock',
    description: `Public in demo/test mode. ${WHY_PUBLIC}`,
  })
  set(@Body() dto: SetClockDto): ClockDto {
    return this.clock.set({
      now: dto.now ? new Date(dto.now) : undefined,
      advanceMinutes: dto.advanceMinutes,
      freeze: dto.freeze,
    });
  }
}
