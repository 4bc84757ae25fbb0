import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  SERVICE_ROLES,
  AssigneeOptionDto,
  Page,
  QueuePage,
  Role,
  TicketDetailDto,
  TicketSummaryDto,
} from '@linli/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateTicketDto, CreateTicketOnBehalfDto } from './dto/create-ticket.dto';
import { TicketActionDto } from './dto/ticket-action.dto';
import { ClassifyTicketDto } from './dto/classify-ticket.dto';
import { TicketClassification } from './ticket-classification.service';
import { TicketEscalation } from './ticket-escalation.service';
import { EscalationSlipDto } from '../work-orders/dto/work-order.dto';
import { TicketActions } from './ticket-actions.service';
import { TicketQueries } from './ticket-queries.service';
import { TicketLists } from './ticket-lists.service';
import { SubmissionResult, TicketSubmission } from './ticket-submission.service';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/** 201 for a new ticket, 200 when the idempotency key returned the first one. */
const respond = (res: Response) => (result: SubmissionResult) => (
  res.status(result.created ? 201 : 200),
  result.ticket
);

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly submission: TicketSubmission,
    private readonly queries: TicketQueries,
    private readonly lists: TicketLists,
    private readonly actions: TicketActions,
    private readonly classification: TicketClassification,
    private readonly escalation: TicketEscalation,
  ) {}

  @Implements(Endpoints.api.createTicket)
  @Post()
  @Roles(Role.Resident)
  @RateLimit('ticketSubmit')
  @ApiOperation({
    summary:
      'Report a problem (201; 200 with the first ticket when the idempotency key was used before)',
  })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateTicketDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailDto> {
    return this.submission.submit(user, dto).then(respond(res));
  }

  @Implements(Endpoints.api.createTicketOnBehalf)
  @Post('on-behalf')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff only: register a request received by hotline, walk-in, patrol or WeChat chat for a household they serve (201; 200 for a used idempotency key). An assistant who takes it owns it (首接责任制)',
  })
  createOnBehalf(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateTicketOnBehalfDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailDto> {
    return this.submission.submitOnBehalf(user, dto).then(respond(res));
  }

  @Implements(Endpoints.api.myTickets)
  @Get('mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary: "The resident's household's tickets, newest first, a page at a time (?cursor=&limit=)",
  })
  mine(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<TicketSummaryDto>> {
    return this.lists.mine(user, pageRequest(query));
  }

  @Implements(Endpoints.api.myQueue)
  @Get('queue')
  @Roles(Role.Assistant)
  @ApiOperation({
    summary:
      "The assistant's open tickets (theirs or unassigned, in their buildings) a page at a time (?cursor=&limit=): nearest live deadline first, then emergencies, then oldest; with the counts of the whole queue",
  })
  queue(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<QueuePage> {
    return this.lists.queue(user, pageRequest(query));
  }

  @Implements(Endpoints.api.ticket)
  @Get(':id')
  @Roles(...SERVICE_ROLES)
  @ApiOperation({
    summary: 'One ticket with its events, photos and the actions the caller may take',
  })
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<TicketDetailDto> {
    return this.queries.detail(user, id);
  }

  @Implements(Endpoints.api.assignees)
  @Get(':id/assignees')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      "Who may take the ticket over (its building's assistants, least loaded first): for its assignee, supervisor or admin",
  })
  assignees(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AssigneeOptionDto[]> {
    return this.queries.assignees(user, id);
  }

  @Implements(Endpoints.api.act)
  @Post(':id/actions')
  @HttpCode(200)
  @Roles(...SERVICE_ROLES)
  @ApiOperation({
    summary: 'Act on a ticket (accept, arrive, resolve, confirm, reopen, cancel, assign)',
  })
  act(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: TicketActionDto,
  ): Promise<TicketDetailDto> {
    return this.actions.perform(user, id, dto);
  }

  @Implements(Endpoints.api.escalationSlip)
  @Post(':id/escalation-slip')
  @HttpCode(200)
  @Roles(Role.Assistant)
  @ApiOperation({
    summary:
      'The assignee: send the ticket up to the supervisor with an escalation slip (工作传签单) saying what is needed',
  })
  escalationSlip(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: EscalationSlipDto,
  ): Promise<TicketDetailDto> {
    return this.escalation.slip(user, id, dto);
  }

  @Implements(Endpoints.api.classify)
  @Post(':id/classification')
  @HttpCode(200)
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The handler or the supervisor: set urgency and severity; the time limits are planned again (recorded on the timeline)',
  })
  classify(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: ClassifyTicketDto,
  ): Promise<TicketDetailDto> {
    return this.classification.classify(user, id, dto);
  }
}
