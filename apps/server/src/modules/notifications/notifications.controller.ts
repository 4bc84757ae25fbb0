import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SERVICE_ROLES, NotificationPageDto, UnreadCountDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { MarkReadDto, NotificationQueryDto } from './dto/notification-query.dto';
import { Inbox } from './inbox.service';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: Inbox) {}

  @Implements(Endpoints.api.notifications)
  @Get()
  @Roles(...SERVICE_ROLES)
  @ApiOperation({
    summary:
      "The caller's own inbox (消息中心), newest first, a page at a time (?cursor=&limit=), with the unread count",
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationQueryDto,
  ): Promise<NotificationPageDto> {
    return this.inbox.page(
      user,
      pageRequest(query),
      query.before ? new Date(query.before) : undefined,
    );
  }

  @Implements(Endpoints.api.unreadCount)
  @Get('unread-count')
  @Roles(...SERVICE_ROLES)
  @ApiOperation({ summary: "How many of the caller's messages are unread (for the badge)" })
  async unread(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.inbox.unread(user) };
  }

  @Implements(Endpoints.api.markRead)
  @Post('read')
  @HttpCode(200)
  @Roles(...SERVICE_ROLES)
  @ApiOperation({
    summary: "Mark the caller's messages read (given ids, or all); others' ids are ignored",
  })
  async markRead(
    @CurrentUser() user: AuthUser,
    @Body() body: MarkReadDto,
  ): Promise<UnreadCountDto> {
    return { unread: await this.inbox.markRead(user, body.ids, body.all === true) };
  }
}
