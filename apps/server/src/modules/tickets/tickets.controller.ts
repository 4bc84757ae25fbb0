import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AssigneeOptionDto, Role, TicketDetailDto, TicketSummaryDto } from '@linli/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketActionDto } from './dto/ticket-action.dto';
import { TicketActions } from './ticket-actions.service';
import { TicketQueries } from './ticket-queries.service';
import { SubmissionResult, TicketSubmission } from './ticket-submission.service';

/** 201 for a new ticket, 200 when the idempotency key returned the first one. */
const respond = (res: Response) => (result: SubmissionResult) => (res.status(result.created ? 201 : 200), result.ticket);

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly submission: TicketSubmission,
    private readonly queries: TicketQueries,
    private readonly actions: TicketActions,
  ) {}

  @Post()
  @Roles(Role.Resident)
  @ApiOperation({ summary: 'Report a problem (201; 200 with the first ticket when the idempotency key was used before)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTicketDto, @Res({ passthrough: true }) res: Response): Promise<TicketDetailDto> {
    return this.submission.submit(user, dto).then(respond(res));
  }

  @Get('mine')
  @Roles(Role.Resident)
  @ApiOperation({ summary: "The resident's household's tickets, newest first" })
  mine(@CurrentUser() user: AuthUser): Promise<TicketSummaryDto[]> {
    return this.queries.mine(user);
  }

  @Get('queue')
  @Roles(Role.Assistant)
  @ApiOperation({ summary: "The assistant's open tickets (theirs or unassigned, in their buildings): emergencies first, then oldest" })
  queue(@CurrentUser() user: AuthUser): Promise<TicketSummaryDto[]> {
    return this.queries.queue(user);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One ticket with its events, photos and the actions the caller may take' })
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<TicketDetailDto> {
    return this.queries.detail(user, id);
  }

  @Get(':id/assignees')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: "Who may take the ticket over (its building's assistants, least loaded first): for its assignee, supervisor or admin" })
  assignees(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AssigneeOptionDto[]> {
    return this.queries.assignees(user, id);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Act on a ticket (accept, arrive, resolve, confirm, reopen, cancel, assign)' })
  act(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: TicketActionDto): Promise<TicketDetailDto> {
    return this.actions.perform(user, id, dto);
  }
}
