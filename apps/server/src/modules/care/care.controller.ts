import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AudiencePreviewDto as AudiencePreview,
  CampaignDto,
  CampaignRecipientDto,
  CareCalendarDto,
  GiftLineDto,
  GreetingCardDto,
  Page,
  RecipientStatus,
  Role,
} from '@linli/contracts';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { CampaignPlanning } from './campaign-planning.service';
import { CampaignQueries } from './campaign-queries.service';
import { CareGifts } from './care-gifts.service';
import { CareGreetings } from './care-greetings.service';
import {
  AudiencePreviewDto,
  CalendarQueryDto,
  CreateCampaignDto,
  GiftActionDto,
  ResendSkippedDto,
  SendCampaignDto,
} from './dto/care.dto';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

class CampaignListQuery extends PageQueryDto {
  @IsUUID('all', { message: '请选择小区' }) communityId!: string;
}

class RecipientsQuery {
  @IsOptional() @IsEnum(RecipientStatus, { message: '状态不正确' }) status?: RecipientStatus;
}

@ApiTags('care')
@ApiBearerAuth()
@Controller('care')
export class CareController {
  constructor(
    private readonly planning: CampaignPlanning,
    private readonly queries: CampaignQueries,
    private readonly gifts: CareGifts,
    private readonly greetings: CareGreetings,
  ) {}

  @Implements(Endpoints.care.calendar)
  @Get('calendar')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The community’s planner: the year’s care calendar (lunar and solar festivals, its own occasions), what to plan now',
  })
  calendar(@CurrentUser() user: AuthUser, @Query() q: CalendarQueryDto): Promise<CareCalendarDto> {
    return this.queries.calendar(user, q);
  }

  @Implements(Endpoints.care.preview)
  @Post('audience-preview')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The audience’s size before sending, and whom the timing guard would hold back and why',
  })
  preview(
    @CurrentUser() user: AuthUser,
    @Body() body: AudiencePreviewDto,
  ): Promise<AudiencePreview> {
    return this.planning.preview(user, body);
  }

  @Implements(Endpoints.care.campaigns)
  @Get('campaigns')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The community’s campaigns with their progress and coverage, newest first, a page at a time (?cursor=&limit=)',
  })
  list(@CurrentUser() user: AuthUser, @Query() q: CampaignListQuery): Promise<Page<CampaignDto>> {
    return this.queries.list(user, q.communityId, pageRequest(q));
  }

  @Implements(Endpoints.care.createCampaign)
  @Post('campaigns')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Plan a campaign (a draft): occasion, audience, greeting, channels, schedule, optional gift',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.planning.create(user, body);
  }

  @Implements(Endpoints.care.campaign)
  @Get('campaigns/:id')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'One campaign: progress (targeted, sent, skipped, opened, gifts) and coverage against 98%',
  })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CampaignDto> {
    return this.queries.get(user, id);
  }

  @Implements(Endpoints.care.send)
  @Post('campaigns/:id/send')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Schedule the fan-out (now or at sendAt); the sending happens in the background, in batches',
  })
  send(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: SendCampaignDto,
  ): Promise<CampaignDto> {
    return this.planning.send(user, id, body);
  }

  @Implements(Endpoints.care.cancel)
  @Post('campaigns/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Cancel a campaign not yet sending' })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CampaignDto> {
    return this.planning.cancel(user, id);
  }

  @Implements(Endpoints.care.recipients)
  @Get('campaigns/:id/recipients')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'The households of a campaign (filter by status: the skipped list with reasons)',
  })
  recipients(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: RecipientsQuery,
  ): Promise<CampaignRecipientDto[]> {
    return this.queries.recipients(user, id, q.status);
  }

  @Implements(Endpoints.care.resendSkipped)
  @Post('campaigns/:id/resend-skipped')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Send to skipped households later, once their reason is gone (the guard checks again)',
  })
  resendSkipped(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ResendSkippedDto,
  ): Promise<CampaignDto> {
    return this.planning.resendSkipped(user, id, body);
  }

  @Implements(Endpoints.care.gifts)
  @Get('gifts')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff: gifts and visits of sent campaigns in their buildings; those still to hand over whole on the first page, the rest newest sent first, a page at a time (?cursor=&limit=)',
  })
  giftList(@CurrentUser() user: AuthUser, @Query() q: PageQueryDto): Promise<Page<GiftLineDto>> {
    return this.gifts.list(user, pageRequest(q));
  }

  @Implements(Endpoints.care.giftAction)
  @Post('gifts/:recipientId')
  @HttpCode(200)
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff of the building: the gift was delivered (photo or signature), picked up at the office, or declined',
  })
  giftAction(
    @CurrentUser() user: AuthUser,
    @Param('recipientId') id: string,
    @Body() body: GiftActionDto,
  ): Promise<GiftLineDto> {
    return this.gifts.act(user, id, body.action, body.note, body.photoIds);
  }

  @Implements(Endpoints.care.myGreetings)
  @Get('greetings/mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'A resident: the greeting cards sent to their household, newest first, a page at a time (?cursor=&limit=)',
  })
  myGreetings(
    @CurrentUser() user: AuthUser,
    @Query() q: PageQueryDto,
  ): Promise<Page<GreetingCardDto>> {
    return this.greetings.mine(user, pageRequest(q));
  }

  @Implements(Endpoints.care.openGreeting)
  @Post('greetings/:recipientId')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'A resident opens a greeting card of their household (the first opening is counted)',
  })
  openGreeting(
    @CurrentUser() user: AuthUser,
    @Param('recipientId') id: string,
  ): Promise<GreetingCardDto> {
    return this.greetings.open(user, id);
  }
}
