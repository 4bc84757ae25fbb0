import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, ReportSummaryDto, Role } from '@linli/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { pageRequest } from '../../common/paging/paging';
import { IssueReportDto, ReportsQueryDto } from './dto/dashboard.dto';
import { Reports } from './reports.service';
import { xlsxDownload } from './xlsx-download';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: Reports) {}

  @Implements(Endpoints.dashboard.reports)
  @Get()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Reports issued for the community (a department head: theirs and the community’s), newest first, a page at a time (?cursor=&limit=)',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ReportsQueryDto,
  ): Promise<Page<ReportSummaryDto>> {
    return this.reports.list(user, query.communityId, pageRequest(query));
  }

  @Implements(Endpoints.dashboard.issueReport)
  @Post()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Issue a weekly, monthly, quarterly or annual report for a period that has ended; the same report again returns the one issued',
  })
  issue(@CurrentUser() user: AuthUser, @Body() body: IssueReportDto): Promise<ReportSummaryDto> {
    return this.reports.issue(user, body);
  }

  @Implements(Endpoints.dashboard.reportFile)
  @Get(':id/file')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The report as issued, as an .xlsx workbook' })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsxDownload(res, await this.reports.file(user, id));
  }
}
