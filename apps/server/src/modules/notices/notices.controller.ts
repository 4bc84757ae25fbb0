import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoticeDto, NoticeReceiptDto, Page, Role, UnreadBeforeCutDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateNoticeDto } from './dto/notice.dto';
import { NoticePublishing } from './notice-publishing.service';
import { NoticeQueries } from './notice-queries.service';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly publishing: NoticePublishing,
    private readonly queries: NoticeQueries,
  ) {}

  @Implements(Endpoints.notices.list)
  @Get()
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff: the community’s notices, newest first a page at a time (?cursor=&limit=), with how many targeted households have read each',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<NoticeDto>> {
    return this.queries.list(user, pageRequest(query));
  }

  @Implements(Endpoints.notices.create)
  @Post()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The community’s supervisor: publish a notice (now or at publishAt) to the community, buildings or unit entrances',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateNoticeDto): Promise<NoticeDto> {
    return this.publishing.create(user, body);
  }

  @Implements(Endpoints.notices.mine)
  @Get('mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'A resident: published notices that reach their household, pinned ones first, then the others a page at a time (?cursor=&limit=), with whether each was read',
  })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<NoticeDto>> {
    return this.queries.mine(user, pageRequest(query));
  }

  @Implements(Endpoints.notices.unreadBeforeCuts)
  @Get('unread-before-cuts')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff: water or power cuts starting within the hour, and the households (of their buildings) that have not read the notice',
  })
  unreadBeforeCuts(@CurrentUser() user: AuthUser): Promise<UnreadBeforeCutDto[]> {
    return this.queries.unreadBeforeCuts(user);
  }

  @Implements(Endpoints.notices.one)
  @Get(':id')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Staff: one notice of their community' })
  one(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NoticeDto> {
    return this.queries.one(user, id);
  }

  @Implements(Endpoints.notices.receipts)
  @Get(':id/receipts')
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff: read receipts per household (assistants: their buildings), unread first with whom to call',
  })
  receipts(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NoticeReceiptDto[]> {
    return this.queries.receipts(user, id);
  }

  @Implements(Endpoints.notices.read)
  @Post(':id/read')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'A resident opened the notice: their household’s read receipt (the first one counts)',
  })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NoticeDto> {
    return this.queries.read(user, id);
  }
}
