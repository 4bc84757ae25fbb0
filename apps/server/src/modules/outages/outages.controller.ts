import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutageNoticeDto, Page, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { OrgDirectory } from '../org/org-directory.service';
import { CloseOutageDto, CreateOutageDto } from './dto/outage.dto';
import { OutagesService } from './outages.service';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('outages')
export class OutagesController {
  constructor(
    private readonly outages: OutagesService,
    private readonly org: OrgDirectory,
  ) {}

  @Implements(Endpoints.api.outages)
  @Get()
  @Roles(Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Staff: the planned water and power cuts of their community, active ones first, then closed ones a page at a time (?cursor=&limit=), with the reports linked to each',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<OutageNoticeDto>> {
    return this.outages.list(user, pageRequest(query));
  }

  @Implements(Endpoints.api.currentOutages)
  @Get('current')
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'A resident: the planned cuts announced for their building that have not ended',
  })
  async current(@CurrentUser() user: AuthUser): Promise<OutageNoticeDto[]> {
    return this.outages.current(
      user.householdId ? await this.org.householdPlace(user.householdId) : null,
    );
  }

  @Implements(Endpoints.api.createOutage)
  @Post()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The community’s supervisor: announce a planned water or power cut to the residents of some or all buildings',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOutageDto): Promise<OutageNoticeDto> {
    return this.outages.create(user, body);
  }

  @Implements(Endpoints.api.closeOutage)
  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The community’s supervisor: supply is back; the linked reports close and their reporters are told',
  })
  close(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CloseOutageDto,
  ): Promise<OutageNoticeDto> {
    return this.outages.close(user, id, body);
  }
}
