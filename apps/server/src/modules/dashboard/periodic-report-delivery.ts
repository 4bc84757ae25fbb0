import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationKind, REPORT_KIND_LABELS, ReportKind, Role } from '@linli/contracts';
import { lastClosedPeriods, periodWindow } from '@linli/domain';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { Community } from '../org/entities/community.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { DashboardScope } from './dashboard-scope';
import { Reports } from './reports.service';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';

const SCHEDULED = [ReportKind.Monthly, ReportKind.Quarterly, ReportKind.Annual] as const;

/**
 * The monthly, quarterly and annual reports issue themselves: once a month, quarter or year has closed,
 * every community gets its 月度部门投诉报告, 季度客户服务分析 and 年度客户服务总结 issued by the system and
 * kept as issued, and the people it is for are told in 消息中心 (the monthly report: the community's
 * supervisors and department heads; the quarterly and annual ones: its supervisors and the admins who
 * act for it). Issuing is idempotent under the report's unique key, so with several instances only the one
 * whose insert won sends the messages: nobody is told twice.
 */
@Injectable()
export class PeriodicReportDelivery extends ScheduledJob<number> {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly reports: Reports,
    private readonly inbox: Inbox,
    private readonly org: OrgDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('PeriodicReports', 'scheduled reports failed', () =>
      jobTiming(config.reportsSweepSeconds * 1000, config),
    );
  }

  protected round(): Promise<number> {
    return this.run();
  }

  /** Issues every community's reports for the periods that last closed; returns how many this instance issued. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const periods = lastClosedPeriods(now);
    const communities = await this.communities.find({
      select: { id: true, name: true, companyId: true },
      order: { createdAt: 'ASC' },
    });
    let issued = 0;
    for (const c of communities) {
      const scope: DashboardScope = {
        communityId: c.id,
        communityName: c.name,
        companyId: c.companyId,
        department: null,
        departmentLabel: null,
        communities: [],
      };
      for (const kind of SCHEDULED) {
        const period = periods[kind];
        const { report, created } = await this.reports.issueFor(scope, kind, period, null);
        if (!created) continue;
        issued += 1;
        const to = await this.recipients(c, kind);
        if (to.length === 0) continue;
        const label = periodWindow(kind, period)!.label;
        await this.unitOfWork.run((db) =>
          this.inbox.deliver(
            db,
            to,
            {
              kind: NotificationKind.Notice,
              title: `${label}${REPORT_KIND_LABELS[kind]}已出具`,
              body: `${report.title} 已生成，请在 我的 → 数据看板 → 报表 中查看或下载`,
              ticketId: null,
              ticketCode: null,
            },
            now,
          ),
        );
      }
    }
    if (issued > 0)
      this.logger.log(
        `issued ${issued} scheduled report(s) for ${periods.monthly}, ${periods.quarterly}, ${periods.annual}`,
      );
    return issued;
  }

  private async recipients(c: Pick<Community, 'id'>, kind: ReportKind): Promise<string[]> {
    const supervisors = await this.users.find({
      where: { role: Role.Supervisor, communityId: c.id },
      select: { id: true, department: true },
    });
    if (kind === ReportKind.Monthly) return supervisors.map((u) => u.id);
    const admins = await this.users.find({
      where: { role: Role.Admin },
      select: { id: true, name: true, role: true, communityId: true },
    });
    const reaching: string[] = [];
    for (const a of admins)
      if (
        await this.org.adminReaches(
          { id: a.id, name: a.name, role: a.role, householdId: null, communityId: a.communityId },
          c.id,
        )
      )
        reaching.push(a.id);
    return [...supervisors.filter((u) => !u.department).map((u) => u.id), ...reaching];
  }
}
