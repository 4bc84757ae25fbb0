import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Repository } from 'typeorm';
import {
  ErrorCode,
  NotificationKind,
  SLA_MILESTONE_LABELS,
  TicketAction,
  TicketStatus,
} from '@linli/contracts';
import { formatChinaDateTime, isOpen, systemTransition } from '@linli/domain';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketNotifier } from './ticket-notifier';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { SlaPolicyOverrides } from '../sla-policies/sla-policy-overrides.service';
import { TicketSla } from './ticket-sla.service';
import { applyTransition, setNextCheck } from './ticket-transition';
import { ScheduledJob, sweepTiming } from '../../common/jobs/scheduled-job';

/** Tickets read per batch, and batches per round at most; a larger backlog is worked off by the next rounds. */
export const SWEEP_BATCH = 200;
const MAX_BATCHES = 50;

export interface SweepResult {
  checked: number;
  warnings: number;
  escalations: number;
  autoClosed: number;
  /** Tickets another instance (or a person) changed first: left to them, looked at again later. */
  skipped: number;
}

/**
 * The time-limit sweep (docs/domain-rules.md §6–7, §13). Each round reads only tickets whose `nextCheckAt` has come
 * (an index range scan: the cost follows the number of due tickets, not of open ones), and for each:
 * warns the handler at the warning share, escalates a breach to the supervisor and, if still open after
 * a further limit, to the company manager, and closes resolved tickets the resident never answered.
 *
 * Several server instances may sweep at once: every change goes through the ticket's optimistic lock
 * (UPDATE … WHERE version = ?), so only one instance records a warning or an escalation; the others
 * find the version moved and skip the ticket.
 */
@Injectable()
export class SlaSweeper extends ScheduledJob<SweepResult> {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly sla: TicketSla,
    private readonly calendars: WorkingCalendars,
    private readonly policyOverrides: SlaPolicyOverrides,
    private readonly notifier: TicketNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('SlaSweeper', 'sweep failed', () => sweepTiming(config));
  }

  protected async round(): Promise<SweepResult> {
    const result: SweepResult = {
      checked: 0,
      warnings: 0,
      escalations: 0,
      autoClosed: 0,
      skipped: 0,
    };
    // Calendar changes made on another instance (and communities created since) count from this round.
    await Promise.all([this.calendars.reload(), this.policyOverrides.reload()]);
    const now = this.clock.now();
    for (let batch = 0; batch < MAX_BATCHES && !this.stopping; batch++) {
      const due = await this.tickets.find({
        select: { id: true },
        where: { nextCheckAt: LessThanOrEqual(now) },
        order: { nextCheckAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      for (const { id } of due) {
        result.checked += 1;
        try {
          await this.check(id, now, result);
        } catch (err) {
          if (err instanceof AppException && err.code === ErrorCode.TICKET_STALE)
            result.skipped += 1;
          else throw err;
        }
      }
      if (due.length < SWEEP_BATCH || result.skipped >= due.length) break;
    }
    if (result.warnings + result.escalations + result.autoClosed > 0)
      this.logger.log(`sweep: ${JSON.stringify(result)}`);
    return result;
  }

  private async check(ticketId: string, now: Date, result: SweepResult): Promise<void> {
    await this.unitOfWork.run(async (db) => {
      const ticket = await db.findOne(Ticket, { where: { id: ticketId } });
      if (!ticket || !ticket.nextCheckAt || ticket.nextCheckAt.getTime() > now.getTime()) return; // done by another instance
      let version = ticket.version;
      const record = async (
        action: TicketAction,
        note: string,
        changes: Parameters<typeof applyTransition>[1]['changes'] = {},
        toStatus = ticket.status,
      ) => {
        await applyTransition(db, {
          ticketId,
          fromVersion: version,
          fromStatus: ticket.status,
          toStatus,
          action,
          actorId: null,
          note,
          at: now,
          changes,
        });
        version += 1;
        Object.assign(ticket, changes, { status: toStatus });
      };

      const autoCloseAt = ticket.resolvedAt
        ? ticket.resolvedAt.getTime() + this.config.sla.autoCloseAfterHours * 3_600_000
        : Infinity;
      const closed =
        ticket.status === TicketStatus.Resolved
          ? systemTransition(ticket.status, TicketAction.AutoClose)
          : null;
      if (closed && autoCloseAt <= now.getTime()) {
        await record(
          TicketAction.AutoClose,
          `住户 ${this.config.sla.autoCloseAfterHours} 小时内未确认，系统自动完成`,
          { nextCheckAt: null },
          closed,
        );
        await this.notifier.transitioned(
          db,
          ticket,
          TicketAction.AutoClose,
          TicketStatus.Closed,
          null,
          now,
          ticket.assigneeId,
        );
        result.autoClosed += 1;
        return;
      }

      const rows = await db.find(TicketMilestone, { where: { ticketId } });
      if (isOpen(ticket.status)) {
        const statuses = this.sla.statuses(ticket, rows, now);
        for (const [i, s] of statuses.entries()) {
          const row = rows[i];
          const label = SLA_MILESTONE_LABELS[row.milestone];
          if (s.state === 'warning' && !row.warnedAt) {
            row.warnedAt = now;
            await db.update(TicketMilestone, { id: row.id }, { warnedAt: now });
            const note = `「${label}」时限即将到期（截止 ${formatChinaDateTime(s.dueAt as Date)}）`;
            await record(TicketAction.SlaWarning, note);
            await this.notifier.slaEvent(db, ticket, NotificationKind.SlaWarning, note, 0, now);
            result.warnings += 1;
          }
          if (s.state === 'breached' && !row.breachedAt) {
            row.breachedAt = now;
            await db.update(
              TicketMilestone,
              { id: row.id },
              { breachedAt: now, warnedAt: row.warnedAt ?? now },
            );
            if (ticket.escalationLevel === 0) {
              const note = `「${label}」时限已超（截止 ${formatChinaDateTime(s.dueAt as Date)}），已升级至管理处主任`;
              await record(TicketAction.Escalate, note, { escalationLevel: 1, escalatedAt: now });
              await this.notifier.slaEvent(db, ticket, NotificationKind.SlaEscalated, note, 1, now);
              result.escalations += 1;
            }
          }
        }
        const managerAt = ticket.escalatedAt
          ? ticket.escalatedAt.getTime() + this.config.sla.escalateToManagerAfterMinutes * 60_000
          : Infinity;
        if (ticket.escalationLevel === 1 && managerAt <= now.getTime()) {
          const hours = Math.round(this.config.sla.escalateToManagerAfterMinutes / 60);
          const note = `升级 ${hours} 小时后仍未完成，已升级至公司经理`;
          await record(TicketAction.Escalate, note, { escalationLevel: 2, escalatedAt: now });
          await this.notifier.slaEvent(db, ticket, NotificationKind.SlaEscalated, note, 2, now);
          result.escalations += 1;
        }
      }

      // The next look, written under the lock like everything else.
      const nextCheckAt = this.sla.nextCheck(ticket, rows, now);
      if (!(await setNextCheck(db, ticketId, nextCheckAt, version)))
        throw new AppException(ErrorCode.TICKET_STALE);
    });
  }
}
