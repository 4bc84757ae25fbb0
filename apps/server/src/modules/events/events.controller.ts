import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityEventDto, Role, SignupDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CheckInDto, CreateEventDto } from './dto/event.dto';
import { EventsService } from './events.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Implements(Endpoints.events.list)
  @Get()
  @Roles(Role.Resident, Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary:
      'The community’s upcoming events with seats taken, the waiting list, and the caller’s household’s sign-up',
  })
  list(@CurrentUser() user: AuthUser): Promise<CommunityEventDto[]> {
    return this.events.list(user);
  }

  @Implements(Endpoints.events.create)
  @Post()
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'The community’s supervisor: an event with a capacity' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateEventDto): Promise<CommunityEventDto> {
    return this.events.create(user, body);
  }

  @Implements(Endpoints.events.signUp)
  @Post(':id/signups')
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'A resident signs their household up: confirmed while seats are left, else waitlisted',
  })
  signUp(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CommunityEventDto> {
    return this.events.signUp(user, id);
  }

  @Implements(Endpoints.events.cancel)
  @Post(':id/signups/mine/cancel')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'A resident cancels their household’s sign-up; the first waitlisted household moves up',
  })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CommunityEventDto> {
    return this.events.cancelMine(user, id);
  }

  @Implements(Endpoints.events.signups)
  @Get(':id/signups')
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary: 'Staff of the community: the sign-ups, confirmed and waitlisted, with attendance',
  })
  signups(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SignupDto[]> {
    return this.events.signups(user, id);
  }

  @Implements(Endpoints.events.checkIn)
  @Post(':id/check-in')
  @HttpCode(200)
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({ summary: 'Staff at the door: check a household in by its code' })
  checkIn(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CheckInDto,
  ): Promise<SignupDto> {
    return this.events.checkIn(user, id, body);
  }
}
