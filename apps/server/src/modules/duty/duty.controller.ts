import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssistantOptionDto, DutyShiftDto, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateDutyShiftDto } from './dto/duty-shift.dto';
import { DutyRota } from './duty.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('duty-shifts')
export class DutyController {
  constructor(private readonly rota: DutyRota) {}

  @Implements(Endpoints.api.dutyShifts)
  @Get()
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary:
      'Staff of a community: the duty rota of its buildings for the next 14 days (dispatch gives new tickets to whoever is on duty)',
  })
  upcoming(@CurrentUser() user: AuthUser): Promise<DutyShiftDto[]> {
    return this.rota.upcoming(user);
  }

  @Implements(Endpoints.api.communityAssistants)
  @Get('assistants')
  @Roles(Role.Supervisor)
  @ApiOperation({
    summary: 'The community’s supervisor: the assistants who can be put on the rota',
  })
  assistants(@CurrentUser() user: AuthUser): Promise<AssistantOptionDto[]> {
    return this.rota.assistants(user);
  }

  @Implements(Endpoints.api.createDutyShift)
  @Post()
  @Roles(Role.Supervisor)
  @ApiOperation({
    summary:
      'The community’s supervisor: put an assistant on duty for a building (at most 24 h a shift, no overlap for one person)',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDutyShiftDto): Promise<DutyShiftDto> {
    return this.rota.create(user, body);
  }

  @Implements(Endpoints.api.removeDutyShift)
  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'The community’s supervisor: remove a shift' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.rota.remove(user, id);
  }
}
