import { Body, Controller, Get, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CompanyDashboardDto,
  DashboardDto,
  IndicatorTargetsDto,
  IndicatorTicketDto,
  Role,
} from '@linli/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  DashboardQueryDto,
  IndicatorTicketsQueryDto,
  UpdateIndicatorTargetsDto,
} from './dto/dashboard.dto';
import { ExportDashboard } from './export-dashboard.service';
import { IndicatorTargetsService } from './indicator-targets.service';
import { ListIndicatorTickets } from './indicator-tickets.service';
import { ReadCompanyDashboard } from './read-company-dashboard.service';
import { ReadDashboard } from './read-dashboard.service';
import { xlsxDownload } from './xlsx-download';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: ReadDashboard,
    private readonly company: ReadCompanyDashboard,
    private readonly tickets: ListIndicatorTickets,
    private readonly exporter: ExportDashboard,
    private readonly targets: IndicatorTargetsService,
  ) {}

  @Implements(Endpoints.dashboard.read)
  @Get()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'A month’s figures against the targets: the supervisor’s community, a department head’s department, an admin’s chosen community',
  })
  read(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardDto> {
    return this.dashboard.run(user, query);
  }

  @Implements(Endpoints.dashboard.company)
  @Get('company')
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Company admins: the month’s headline figures of every community they reach, side by side',
  })
  readCompany(
    @CurrentUser() user: AuthUser,
    @Query() query: DashboardQueryDto,
  ): Promise<CompanyDashboardDto> {
    return this.company.run(user, query);
  }

  @Implements(Endpoints.dashboard.tickets)
  @Get('tickets')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The tickets behind one headline figure: missed first, then those still within their limit',
  })
  behind(
    @CurrentUser() user: AuthUser,
    @Query() query: IndicatorTicketsQueryDto,
  ): Promise<IndicatorTicketDto[]> {
    return this.tickets.run(user, query);
  }

  @Implements(Endpoints.dashboard.exportFile)
  @Get('export')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The dashboard’s tables as an .xlsx workbook' })
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: DashboardQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsxDownload(res, await this.exporter.run(user, query));
  }

  @Implements(Endpoints.dashboard.targets)
  @Get('targets')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The company’s indicator targets (the brief’s seed numbers unless the company changed them)',
  })
  readTargets(
    @CurrentUser() user: AuthUser,
    @Query() query: DashboardQueryDto,
  ): Promise<IndicatorTargetsDto> {
    return this.targets.read(user, query.communityId);
  }

  @Implements(Endpoints.dashboard.updateTargets)
  @Put('targets')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Company admins: change targets; a value equal to the default puts it back',
  })
  updateTargets(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateIndicatorTargetsDto,
  ): Promise<IndicatorTargetsDto> {
    return this.targets.update(user, body);
  }
}
