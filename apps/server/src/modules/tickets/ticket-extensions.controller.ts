import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, TicketExtensionDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { DecideExtensionDto, RequestExtensionDto } from './dto/extension.dto';
import { TicketExtensions } from './ticket-extensions.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class TicketExtensionsController {
  constructor(private readonly extensions: TicketExtensions) {}

  @Implements(Endpoints.api.requestExtension)
  @Post('tickets/:id/extensions')
  @Roles(Role.Assistant)
  @ApiOperation({
    summary:
      'The assignee only: ask for a later deadline of a milestone, with the reason (one pending request at a time)',
  })
  request(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: RequestExtensionDto,
  ): Promise<TicketExtensionDto> {
    return this.extensions.request(user, id, body);
  }

  @Implements(Endpoints.api.pendingExtensions)
  @Get('ticket-extensions/pending')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Supervisors: extension requests of their community awaiting a decision, oldest first (admins: all)',
  })
  pending(@CurrentUser() user: AuthUser): Promise<TicketExtensionDto[]> {
    return this.extensions.pending(user);
  }

  @Implements(Endpoints.api.decideExtension)
  @Post('ticket-extensions/:id/decision')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'The community’s supervisor: approve (the deadline moves) or refuse with a reason',
  })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: DecideExtensionDto,
  ): Promise<TicketExtensionDto> {
    return this.extensions.decide(user, id, body);
  }
}
