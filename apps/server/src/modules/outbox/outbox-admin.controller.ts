import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutboxItemDto, OutboxPageDto, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { OutboxQueryDto } from './dto/outbox-query.dto';
import { OutboxStatus } from './entities/outbox-message.entity';
import { OutboxAdmin } from './outbox-admin.service';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('wechat')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly admin: OutboxAdmin) {}

  @Implements(Endpoints.api.adminOutbox)
  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      "The platform's admin only: WeChat messages by state (default: the dead letters, with the reason), newest first a page at a time (?cursor=&limit=), and the count in each state",
  })
  list(@CurrentUser() user: AuthUser, @Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    return this.admin.page(
      user,
      (query.status as OutboxStatus | undefined) ?? OutboxStatus.Dead,
      pageRequest(query),
    );
  }

  @Implements(Endpoints.api.adminOutboxRetry)
  @Post(':id/retry')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      "The platform's admin only: send a dead letter again (revoked or delivered messages cannot be)",
  })
  retry(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<OutboxItemDto> {
    return this.admin.retry(user, id);
  }
}
