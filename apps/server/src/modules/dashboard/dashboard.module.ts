import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Community } from '../org/entities/community.entity';
import { User } from '../org/entities/user.entity';
import { IndicatorProvisional } from './entities/indicator-provisional.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { DashboardController } from './dashboard.controller';
import { DashboardScopes } from './dashboard-scope';
import { ExportDashboard } from './export-dashboard.service';
import { IndicatorSource } from './indicator-source';
import { IndicatorTargetsService } from './indicator-targets.service';
import { ListIndicatorTickets } from './indicator-tickets.service';
import { MonthFigures } from './month-figures';
import { FrozenMonthJob } from './frozen-month-job';
import { OpenMonthsRefreshJob } from './open-months-refresh-job';
import { ReadCompanyDashboard } from './read-company-dashboard.service';
import { ReadDashboard } from './read-dashboard.service';
import { ReportsController } from './reports.controller';
import { Reports } from './reports.service';
import { PeriodicReportDelivery } from './periodic-report-delivery';
import { WeeklyReviewDelivery } from './weekly-review-delivery';
import { IndicatorTargetsRow } from './entities/indicator-targets.entity';
import { IndicatorSnapshot } from './entities/indicator-snapshot.entity';
import { IssuedReport } from './entities/issued-report.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** 数据看板 and the reports (the brief's "Indicators and reports"); definitions live in @linli/domain. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Community,
      User,
      IndicatorProvisional,
      IndicatorTargetsRow,
      IndicatorSnapshot,
      IssuedReport,
      Ticket,
    ]),
    OrgModule,
    CalendarModule,
    NotificationsModule,
  ],
  controllers: [DashboardController, ReportsController],
  providers: [
    DashboardScopes,
    IndicatorSource,
    MonthFigures,
    FrozenMonthJob,
    OpenMonthsRefreshJob,
    IndicatorTargetsService,
    ReadDashboard,
    ReadCompanyDashboard,
    ListIndicatorTickets,
    ExportDashboard,
    Reports,
    WeeklyReviewDelivery,
    PeriodicReportDelivery,
  ],
  exports: [Reports, DashboardScopes],
})
export class DashboardModule {}
