import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationKind, ReportKind, Role } from '@linli/contracts';
import { periodWindow, previousWeekMonday } from '@linli/domain';
import { IsNull, Not, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { User } from '../org/entities/user.entity';
import { DashboardScopes } from './dashboard-scope';
import { Reports } from './reports.service';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';

/**
 * Department heads review their complaint records weekly (the brief's "Indicators and reports"): once the
 * week has ended, each head gets last week's 周度投诉复核清单 issued for their department and a message
 * in 消息中心. Issuing is idempotent under the report's unique key, so with several instances the one
 * that inserted the report is the one that sends the message; a head is never told twice.
 */
@Injectable()
export class WeeklyReviewDelivery extends ScheduledJob<number> {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly reports: Reports,
    private readonly scopes: DashboardScopes,
    private readonly inbox: Inbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('WeeklyReview', 'weekly review failed', () =>
      jobTiming(config.reportsSweepSeconds * 1000, config),
    );
  }

  protected round(): Promise<number> {
    return this.run();
  }

  /** Issues last week's list to every department head who has not had it; returns how many were delivered. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const monday = previousWeekMonday(now);
    const label = periodWindow('weekly', monday)!.label;
    const heads = await this.users.find({
      where: { role: Role.Supervisor, department: Not(IsNull()), communityId: Not(IsNull()) },
    });
    let delivered = 0;
    for (const head of heads) {
      const scope = await this.scopes.resolve({
        id: head.id,
        name: head.name,
        role: head.role,
        householdId: null,
        communityId: head.communityId,
      });
      const { report, created } = await this.reports.issueFor(
        scope,
        ReportKind.Weekly,
        monday,
        null,
      );
      if (!created) continue;
      await this.unitOfWork.run((db) =>
        this.inbox.deliver(
          db,
          [head.id],
          {
            kind: NotificationKind.Notice,
            title: `${label}投诉复核清单`,
            body: `${report.title} 已生成，请在 我的 → 数据看板 → 报表 中查看并复核`,
            ticketId: null,
            ticketCode: null,
          },
          now,
        ),
      );
      delivered += 1;
    }
    if (delivered > 0)
      this.logger.log(`issued ${delivered} weekly complaint review list(s) for ${monday}`);
    return delivered;
  }
}
