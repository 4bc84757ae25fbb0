import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutboxItemDto, OutboxPageDto, Role } from '@linli/contracts';
import { Roles } from '../../common/auth/decorators';
import { OutboxQueryDto } from './dto/outbox-query.dto';
import { OutboxStatus } from './entities/outbox-message.entity';
import { OutboxAdmin } from './outbox-admin.service';

@ApiTags('wechat')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly admin: OutboxAdmin) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Admins only: WeChat messages by state (default: the dead letters, with the reason), and the count in each state' })
  list(@Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    return this.admin.page((query.status as OutboxStatus | undefined) ?? OutboxStatus.Dead);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Admins only: send a dead letter again (revoked or delivered messages cannot be)' })
  retry(@Param('id') id: string): Promise<OutboxItemDto> {
    return this.admin.retry(id);
  }
}
