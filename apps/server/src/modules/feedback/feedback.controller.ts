import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CallbackCoverageDto,
  CallbackTaskDto,
  MyCallbacksDto,
  Role,
  TicketFeedbackDto,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CallbackSampling } from './callback-sampling.service';
import { Callbacks } from './callbacks.service';
import {
  CoverageQueryDto,
  RateTicketDto,
  RatingAddendumDto,
  RecordCallbackDto,
  RunCallbackSampleDto,
} from './dto/feedback.dto';
import { Ratings } from './ratings.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(
    private readonly ratings: Ratings,
    private readonly callbacks: Callbacks,
    private readonly sampling: CallbackSampling,
  ) {}

  @Implements(Endpoints.feedback.rate)
  @Post('tickets/:id/rating')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'Resident: rate their own resolved ticket once per round; 满意/基本满意 close it, 不满意 sends it back',
  })
  rate(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: RateTicketDto,
  ): Promise<TicketFeedbackDto> {
    return this.ratings.rate(user, id, body);
  }

  @Implements(Endpoints.feedback.addToRating)
  @Post('tickets/:id/rating/addenda')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'Resident: add words to their latest rating (the rating itself never changes)',
  })
  addendum(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: RatingAddendumDto,
  ): Promise<TicketFeedbackDto> {
    return this.ratings.addendum(user, id, body);
  }

  @Implements(Endpoints.feedback.ticketFeedback)
  @Get('tickets/:id/feedback')
  @Roles(Role.Resident, Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Whoever may see the ticket: its ratings and callbacks, and whether the resident may rate now',
  })
  feedback(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<TicketFeedbackDto> {
    return this.ratings.feedback(user, id);
  }

  @Implements(Endpoints.feedback.myCallbacks)
  @Get('callbacks/mine')
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary: '我的回访: callbacks assigned to the caller, due today, overdue and done',
  })
  mine(@CurrentUser() user: AuthUser): Promise<MyCallbacksDto> {
    return this.callbacks.mine(user);
  }

  @Implements(Endpoints.feedback.callback)
  @Get('callbacks/:id')
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary: "One callback (its assignee, the building's assistants, the community's supervisor)",
  })
  one(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CallbackTaskDto> {
    return this.callbacks.one(user, id);
  }

  @Implements(Endpoints.feedback.recordCallback)
  @Post('callbacks/:id/attempts')
  @HttpCode(200)
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary:
      "Record a callback attempt: outcome, channel, the resident's words, the signature in person (not the handler, by default)",
  })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: RecordCallbackDto,
  ): Promise<CallbackTaskDto> {
    return this.callbacks.record(user, id, body);
  }

  @Implements(Endpoints.feedback.runSample)
  @Post('callback-samples')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiOperation({
    summary:
      "Supervisor: draw the month's callback sample for their community (once per month; the seed is stored)",
  })
  runSample(
    @CurrentUser() user: AuthUser,
    @Body() body: RunCallbackSampleDto,
  ): Promise<CallbackCoverageDto> {
    return this.sampling.run(user, body.month);
  }

  @Implements(Endpoints.feedback.coverage)
  @Get('callback-coverage')
  @Roles(Role.Supervisor)
  @ApiOperation({
    summary: "Supervisor: 回访抽查, the month's callback coverage against the targets of domain §8",
  })
  coverage(
    @CurrentUser() user: AuthUser,
    @Query() query: CoverageQueryDto,
  ): Promise<CallbackCoverageDto> {
    return this.sampling.coverage(user, query.month);
  }
}
