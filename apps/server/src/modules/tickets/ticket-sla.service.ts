import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { SlaMilestone, SlaState, TicketAction, TicketMilestoneDto, TicketSlaDto, TicketStatus } from '@linli/contracts';
import {
  currentMilestone,
  FINAL_STATUSES,
  isOpen,
  milestonesMetBy,
  milestoneStatus,
  MilestoneStatus,
  nextMilestoneCheck,
  planMilestones,
  resolvePolicy,
  SlaPause,
  WorkingCalendar,
} from '@linli/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows } from '../../database/unit-of-work';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { StoredPause, Ticket } from './entities/ticket.entity';
import { TicketChanges } from './ticket-transition';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The working calendar every time limit is counted on (published Chinese schedule). */
export const WORKING_CALENDAR = Symbol('WORKING_CALENDAR');

export const toPauses = (stored: readonly StoredPause[] | null | undefined): SlaPause[] =>
  (stored ?? []).map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));

/**
 * A ticket's time limits on the server: planned at intake, moved by each transition (met, paused,
 * restarted), evaluated for display, and the instant the sweep must look again.
 */
@Injectable()
export class TicketSla {
  constructor(
    @InjectRepository(TicketMilestone) private readonly milestones: Repository<TicketMilestone>,
    @Inject(WORKING_CALENDAR) readonly calendar: WorkingCalendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get warnShare(): number {
    return this.config.sla.warnShare;
  }

  /** Plans the new ticket's milestones (inside the intake transaction); returns the sweep's first look. */
  async plan(db: EntityManager, ticket: Ticket, category: TicketCategory, now: Date): Promise<Date | null> {
    const planned = planMilestones({
      policyCodes: category.slaPolicies ?? [],
      kind: ticket.kind,
      emergency: ticket.emergency,
      start: ticket.createdAt,
      agreedAt: ticket.preferredVisitAt,
      calendar: this.calendar,
    });
    const rows: TicketMilestone[] = planned.map((p) => ({
      id: randomUUID(),
      ticketId: ticket.id,
      milestone: p.milestone,
      policyCode: p.policyCode,
      policyName: p.policyName,
      limitSpec: p.limit,
      startAt: p.startAt,
      metAt: null,
      warnedAt: null,
      breachedAt: null,
    }));
    if (rows.length > 0) await insertRows(db, TicketMilestone, rows);
    return this.nextCheck(ticket, rows, now);
  }

  /**
   * What `action` does to the ticket's time limits, inside the transition's transaction: milestones it
   * meets, the pause a hold opens and a resume closes, the new round a reopen starts. Returns the
   * ticket columns to write with the transition.
   */
  async applyAction(db: EntityManager, ticket: Ticket, action: TicketAction, toStatus: TicketStatus, now: Date): Promise<TicketChanges> {
    const rows = await db.find(TicketMilestone, { where: { ticketId: ticket.id } });
    const met = new Set(milestonesMetBy(action));
    for (const row of rows) {
      if (met.has(row.milestone) && !row.metAt) {
        row.metAt = now;
        await db.update(TicketMilestone, { id: row.id }, { metAt: now });
      }
    }
    const changes: TicketChanges = {};
    const pauses = [...(ticket.pauses ?? [])];
    if (action === TicketAction.Hold) {
      pauses.push({ from: now.toISOString(), to: null });
      changes.pauses = pauses;
    }
    if (action === TicketAction.Resume || (ticket.status === TicketStatus.OnHold && toStatus !== TicketStatus.OnHold)) {
      const open = pauses.findIndex((p) => p.to === null);
      if (open >= 0) pauses[open] = { ...pauses[open], to: now.toISOString() };
      changes.pauses = pauses;
      changes.holdReason = null;
    }
    if (action === TicketAction.Resolve) changes.resolvedAt = now;
    if (action === TicketAction.Reopen) {
      // A new round of work: the resolve limit starts again from now.
      changes.reopenCount = ticket.reopenCount + 1;
      changes.resolvedAt = null;
      // An agreed time was for the first visit: the new round gets the policy's own limit.
      for (const row of rows.filter((r) => r.milestone === SlaMilestone.Resolve)) {
        const own = resolvePolicy(row.policyCode)?.milestones[SlaMilestone.Resolve];
        const reset = { startAt: now, metAt: null, warnedAt: null, breachedAt: null, limitSpec: own ?? row.limitSpec };
        Object.assign(row, reset);
        await db.update(TicketMilestone, { id: row.id }, reset);
      }
    }
    const after: Ticket = { ...ticket, ...changes, status: toStatus };
    changes.nextCheckAt = this.nextCheck(after, rows, now);
    return changes;
  }

  /** How each milestone stands at `now`. */
  statuses(ticket: Pick<Ticket, 'pauses'>, rows: readonly TicketMilestone[], now: Date): MilestoneStatus[] {
    const pauses = toPauses(ticket.pauses);
    return rows.map((r) =>
      milestoneStatus({ milestone: r.milestone, policyCode: r.policyCode, policyName: r.policyName, limit: r.limitSpec, startAt: r.startAt, metAt: r.metAt }, pauses, now, this.calendar, this.warnShare),
    );
  }

  /**
   * The sweep's next look at a ticket: a milestone's warning point or deadline, the escalation to the
   * company manager, or the auto-close of a resolved ticket. Null when nothing is pending.
   */
  nextCheck(ticket: Ticket, rows: readonly TicketMilestone[], now: Date): Date | null {
    if (FINAL_STATUSES.includes(ticket.status)) return null;
    const candidates: number[] = [];
    if (ticket.status === TicketStatus.Resolved && ticket.resolvedAt) {
      candidates.push(ticket.resolvedAt.getTime() + this.config.sla.autoCloseAfterHours * HOUR_MS);
    }
    if (isOpen(ticket.status)) {
      const next = nextMilestoneCheck(this.statuses(ticket, rows, now), now, this.warnShare);
      if (next) candidates.push(next.getTime());
      // A breach not yet sent up, or one at the supervisor waiting to go to the manager.
      const unflagged = this.statuses(ticket, rows, now).some((s, i) => s.state === 'breached' && !rows[i].breachedAt);
      if (unflagged) candidates.push(now.getTime());
      if (ticket.escalationLevel === 1 && ticket.escalatedAt) {
        candidates.push(ticket.escalatedAt.getTime() + this.config.sla.escalateToManagerAfterMinutes * MINUTE_MS);
      }
    }
    return candidates.length > 0 ? new Date(Math.min(...candidates)) : null;
  }

  /** Milestones of many tickets at once (lists), keyed by ticket id. */
  async rowsByTicket(ticketIds: readonly string[]): Promise<Map<string, TicketMilestone[]>> {
    const byTicket = new Map<string, TicketMilestone[]>();
    if (ticketIds.length === 0) return byTicket;
    const rows = await this.milestones.find({ where: { ticketId: In([...ticketIds]) } });
    for (const row of rows) byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row]);
    return byTicket;
  }

  /** The countdown a list shows for one ticket. */
  current(ticket: Ticket, rows: readonly TicketMilestone[], now: Date): TicketSlaDto | null {
    if (!isOpen(ticket.status)) return null;
    const c = currentMilestone(this.statuses(ticket, rows, now));
    if (!c || c.state === 'met') return null;
    return { milestone: c.milestone, dueAt: c.dueAt?.toISOString() ?? null, state: c.state as SlaState, remainingMs: c.remainingMs };
  }

  /** Every milestone, for the ticket's page; once work has ended (cancelled), limits never met no longer apply. */
  all(ticket: Ticket, rows: readonly TicketMilestone[], now: Date): TicketMilestoneDto[] {
    const statuses = this.statuses(ticket, rows, now);
    const order = ['respond', 'arrive', 'resolve', 'reply'];
    return rows
      .map((r, i) => ({
        milestone: r.milestone,
        policyName: r.policyName,
        dueAt: statuses[i].dueAt?.toISOString() ?? null,
        state: statuses[i].state,
        metAt: r.metAt?.toISOString() ?? null,
        remainingMs: statuses[i].remainingMs,
      }))
      .filter((m) => isOpen(ticket.status) || m.state === 'met')
      .sort((a, b) => order.indexOf(a.milestone) - order.indexOf(b.milestone));
  }
}
