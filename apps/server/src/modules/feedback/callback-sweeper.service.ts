import { Inject, Injectable } from '@nestjs/common';
import { CALLBACK_REASON_LABELS, CallbackStatus, NotificationKind, Role } from '@linli/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { User } from '../org/entities/user.entity';
import { CallbackTask } from './entities/callback-task.entity';
import { CarePlanner } from './care-planner.service';
import { ScheduledJob, sweepTiming } from '../../common/jobs/scheduled-job';

const BATCH = 100;

/**
 * Overdue callbacks escalate like ticket limits do (the time-limit sweep's pattern): each round reads
 * only tasks whose indexed `nextCheckAt` has come, claims each with a conditional UPDATE (… WHERE
 * nextCheckAt = the value read), so one instance of several escalates it, and tells the community's
 * supervisors in the inbox. A missed retry (its new due date) escalates again.
 */
@Injectable()
export class CallbackSweeper extends ScheduledJob<number> {
  constructor(
    @InjectRepository(CallbackTask) private readonly tasks: Repository<CallbackTask>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly inbox: Inbox,
    private readonly care: CarePlanner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('CallbackSweeper', 'callback sweep failed', () => sweepTiming(config));
  }

  /** Plan today's care callbacks (once a day), then escalate every open callback past its due date; returns how many this instance escalated. */
  protected async round(): Promise<number> {
    const now = this.clock.now();
    await this.care.planToday(now);
    const due = await this.tasks.find({
      where: {
        nextCheckAt: LessThanOrEqual(now),
        status: In([CallbackStatus.Due, CallbackStatus.Retrying]),
      },
      order: { nextCheckAt: 'ASC' },
      take: BATCH,
    });
    let escalated = 0;
    for (const task of due) {
      const claimed = await this.unitOfWork.run(async (db) => {
        const result = await db
          .createQueryBuilder()
          .update(CallbackTask)
          .set({ nextCheckAt: null, escalatedAt: now })
          .where({ id: task.id, nextCheckAt: task.nextCheckAt })
          .execute();
        if (result.affected !== 1) return false;
        const supervisors = await db.find(User, {
          where: { role: Role.Supervisor, communityId: task.communityId, department: IsNull() },
          select: { id: true },
        });
        await this.inbox.deliver(
          db,
          supervisors.map((s) => s.id),
          {
            kind: NotificationKind.SlaEscalated,
            title: '回访已超期',
            body: `${CALLBACK_REASON_LABELS[task.reason]}已超过回访期限，请督办`,
            ticketId: task.ticketId,
            urgent: false,
          },
          now,
        );
        return true;
      });
      if (claimed) escalated += 1;
    }
    return escalated;
  }
}
