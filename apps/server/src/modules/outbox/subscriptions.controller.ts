import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  SERVICE_ROLES,
  NotificationKind,
  SubscribeTemplatesDto,
  SubscriptionCreditsDto,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { SubscriptionResultsDto } from './dto/subscription-results.dto';
import { Outbox } from './outbox.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('wechat')
@ApiBearerAuth()
@Controller('wechat')
export class SubscriptionsController {
  constructor(private readonly outbox: Outbox) {}

  @Implements(Endpoints.api.subscribeTemplates)
  @Get('subscribe-templates')
  @Roles(...SERVICE_ROLES)
  @ApiOperation({
    summary: 'The subscribe-message templates the mini-program should ask the user for',
  })
  templates(): SubscribeTemplatesDto {
    const templates = Object.values(NotificationKind)
      .map((kind) => ({ kind, templateId: this.outbox.templateFor(kind) }))
      .filter((t): t is { kind: NotificationKind; templateId: string } => t.templateId !== null);
    return { templates };
  }

  @Implements(Endpoints.api.reportSubscriptions)
  @Post('subscriptions')
  @HttpCode(200)
  @Roles(...SERVICE_ROLES)
  @ApiOperation({
    summary:
      "Report wx.requestSubscribeMessage's answers; each accept allows one WeChat message of that template",
  })
  record(
    @CurrentUser() user: AuthUser,
    @Body() body: SubscriptionResultsDto,
  ): Promise<SubscriptionCreditsDto> {
    return this.outbox.recordAnswers(user.id, body.results);
  }
}
