import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  SlaMilestone,
  SlaState,
  TicketAction,
  TicketMilestoneDto,
  TicketSlaDto,
  TicketStatus,
} from '@linli/contracts';
import {
  INVALID_COMPLAINT_POLICY,
  policiesFor,
  currentMilestone,
  FINAL_STATUSES,
  isOpen,
  milestonesMetBy,
  PAUSED_STATUSES,
  milestoneStatus,
  MilestoneStatus,
  nextMilestoneCheck,
  planMilestones,
  resolvePolicy,
  SlaPause,
} from '@linli/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows } from '../../database/unit-of-work';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { SlaPolicyOverrides } from '../sla-policies/sla-policy-overrides.service';
import { TicketExtension } from './entities/ticket-extension.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { StoredPause, Ticket } from './entities/ticket.entity';
import { TicketChanges } from './ticket-transition';

const HOUR_MS = 3_600_000;
/** The policy whose limit the explanation of an invalid complaint runs on. */
const MINUTE_MS = 60_000;

/** The working calendar every time limit is counted on (published Chinese schedule). */

export const toPauses = (stored: readonly StoredPause[] | null | undefined): SlaPause[] =>
  (stored ?? []).map((p) => ({
    from: new Date(p.from),
    to: p.to === null ? null : new Date(p.to),
  }));

/** How many tickets' milestones one statement reads at most. */
export const MILESTONE_READ_SLICE = 1000;

/**
 * A ticket's time limits on the server: planned at intake, moved by each transition (met, paused,
 * restarted), evaluated for display, and the instant the sweep must look again.
 */
@Injectable()
export class TicketSla {
  constructor(
    @InjectRepository(TicketMilestone) private readonly milestones: Repository<TicketMilestone>,
    private readonly calendars: WorkingCalendars,
    private readonly policyOverrides: SlaPolicyOverrides,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get warnShare(): number {
    return this.config.sla.warnShare;
  }

  /** Plans the new ticket's milestones (inside the intake transaction); returns the sweep's first look. */
  async plan(
    db: EntityManager,
    ticket: Ticket,
    category: TicketCategory,
    now: Date,
  ): Promise<Date | null> {
    const { rows, nextCheckAt } = this.planRows(ticket, category, now);
    if (rows.length > 0) await insertRows(db, TicketMilestone, rows);
    return nextCheckAt;
  }

  /** A new ticket's milestones and the sweep's first look, computed without writing (the caller inserts them with the ticket). */
  planRows(
    ticket: Ticket,
    category: TicketCategory,
    now: Date,
  ): { rows: TicketMilestone[]; nextCheckAt: Date | null } {
    const planned = this.milestonesFor(ticket, category);
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
    return { rows, nextCheckAt: this.nextCheck(ticket, rows, now) };
  }

  /** The milestones the ticket's urgency, severity and category call for, on its community's calendar. */
  private milestonesFor(ticket: Ticket, category: TicketCategory) {
    return planMilestones({
      policyCodes: policiesFor(category.slaPolicies ?? [], {
        urgent: ticket.emergency,
        serious: ticket.serious,
      }),
      kind: ticket.kind,
      emergency: ticket.emergency,
      start: ticket.createdAt,
      agreedAt: ticket.preferredVisitAt,
      calendar: this.calendars.forCommunity(ticket.communityId),
      overrides: this.policyOverrides.forCommunity(ticket.communityId),
    });
  }

  /**
   * Plans the limits again after staff changed the urgency or severity (`ticket` carries the new ones):
   * a milestone already met stays met; an open one the new plan keeps takes the new policy, counted from
   * its own start (the report, or the reopen that restarted it); one the new plan drops no longer
   * applies; one it adds starts now. The explanation owed on an invalid complaint is not touched, nor a
   * deadline the supervisor extended (the approval stands; a dropped milestone still goes).
   * Returns the sweep's next look.
   */
  async replan(
    db: EntityManager,
    ticket: Ticket,
    category: TicketCategory,
    now: Date,
  ): Promise<Date | null> {
    const rows = await db.find(TicketMilestone, { where: { ticketId: ticket.id } });
    const planned = this.milestonesFor(ticket, category);
    const kept = rows.filter((r) => r.metAt || r.policyCode === INVALID_COMPLAINT_POLICY);
    // A deadline the supervisor approved an extension to stands: a new classification does not undo the decision.
    const extended = new Set(
      (
        await db.find(TicketExtension, {
          where: { ticketId: ticket.id, status: 'approved' },
          select: { milestone: true },
        })
      ).map((e) => e.milestone),
    );
    for (const row of rows) {
      if (kept.includes(row)) continue;
      const plan = planned.find((p) => p.milestone === row.milestone);
      if (!plan) {
        await db.delete(TicketMilestone, { id: row.id });
        continue;
      }
      // A limit planned from the report applies as planned; a round restarted later gets the policy's own limit.
      const sameStart = row.startAt.getTime() === ticket.createdAt.getTime();
      const policyLimit = sameStart
        ? plan.limit
        : (resolvePolicy(plan.policyCode, this.policyOverrides.forCommunity(ticket.communityId))
            ?.milestones[plan.milestone] ?? plan.limit);
      const limit = extended.has(row.milestone) ? row.limitSpec : policyLimit;
      const changes = {
        policyCode: plan.policyCode,
        policyName: plan.policyName,
        limitSpec: limit,
        warnedAt: null,
        breachedAt: null,
      };
      Object.assign(row, changes);
      await db.update(TicketMilestone, { id: row.id }, changes);
      kept.push(row);
    }
    for (const plan of planned) {
      if (rows.some((r) => r.milestone === plan.milestone)) continue;
      const row: TicketMilestone = {
        id: randomUUID(),
        ticketId: ticket.id,
        milestone: plan.milestone,
        policyCode: plan.policyCode,
        policyName: plan.policyName,
        limitSpec: plan.limit,
        startAt: now,
        metAt: null,
        warnedAt: null,
        breachedAt: null,
      };
      await insertRows(db, TicketMilestone, row);
      kept.push(row);
    }
    return this.nextCheck(ticket, kept, now);
  }

  /**
   * What `action` does to the ticket's time limits, inside the transition's transaction: milestones it
   * meets, the pause a hold opens and a resume closes, the new round a reopen starts. Returns the
   * ticket columns to write with the transition.
   */
  async applyAction(
    db: EntityManager,
    ticket: Ticket,
    action: TicketAction,
    toStatus: TicketStatus,
    now: Date,
  ): Promise<TicketChanges> {
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
    // The clock stands still on hold and while an outside party has the ticket (on hold → forwarded keeps the one pause).
    const wasPaused = PAUSED_STATUSES.includes(ticket.status);
    const isPaused = PAUSED_STATUSES.includes(toStatus);
    if (!wasPaused && isPaused) {
      pauses.push({ from: now.toISOString(), to: null });
      changes.pauses = pauses;
    }
    if (wasPaused && !isPaused) {
      const open = pauses.findIndex((p) => p.to === null);
      if (open >= 0) pauses[open] = { ...pauses[open], to: now.toISOString() };
      changes.pauses = pauses;
    }
    if (ticket.status === TicketStatus.OnHold && toStatus !== TicketStatus.OnHold)
      changes.holdReason = null;
    if (action === TicketAction.MarkInvalid) {
      // The explanation to the resident has its own limit, from now (docs/domain-rules.md §5: within 1 working day).
      const policy = resolvePolicy(
        INVALID_COMPLAINT_POLICY,
        this.policyOverrides.forCommunity(ticket.communityId),
      );
      const limit = policy?.milestones[SlaMilestone.Reply];
      if (policy && limit) {
        // One row per milestone: a reply limit planned at intake (complaints without a resident deadline)
        // is re-planned as this one; otherwise the row is added.
        const plan = {
          policyCode: policy.code,
          policyName: policy.name,
          limitSpec: limit,
          startAt: now,
          metAt: null,
          warnedAt: null,
          breachedAt: null,
        };
        const existing = rows.find((r) => r.milestone === SlaMilestone.Reply);
        if (existing) {
          Object.assign(existing, plan);
          await db.update(TicketMilestone, { id: existing.id }, plan);
        } else {
          const row: TicketMilestone = {
            id: randomUUID(),
            ticketId: ticket.id,
            milestone: SlaMilestone.Reply,
            ...plan,
          };
          await insertRows(db, TicketMilestone, row);
          rows.push(row);
        }
      }
    }
    if (action === TicketAction.Resolve) changes.resolvedAt = now;
    if (action === TicketAction.Reopen) {
      // A new round of work: the resolve limit starts again from now.
      changes.reopenCount = ticket.reopenCount + 1;
      changes.resolvedAt = null;
      // An agreed time was for the first visit: the new round gets the policy's own limit.
      for (const row of rows.filter((r) => r.milestone === SlaMilestone.Resolve)) {
        const own = resolvePolicy(
          row.policyCode,
          this.policyOverrides.forCommunity(ticket.communityId),
        )?.milestones[SlaMilestone.Resolve];
        const reset = {
          startAt: now,
          metAt: null,
          warnedAt: null,
          breachedAt: null,
          limitSpec: own ?? row.limitSpec,
        };
        Object.assign(row, reset);
        await db.update(TicketMilestone, { id: row.id }, reset);
      }
    }
    const after: Ticket = { ...ticket, ...changes, status: toStatus };
    changes.nextCheckAt = this.nextCheck(after, rows, now);
    return changes;
  }

  /** How each milestone stands at `now`. */
  statuses(
    ticket: Pick<Ticket, 'pauses' | 'communityId'>,
    rows: readonly TicketMilestone[],
    now: Date,
  ): MilestoneStatus[] {
    const pauses = toPauses(ticket.pauses);
    const calendar = this.calendars.forCommunity(ticket.communityId);
    return rows.map((r) =>
      milestoneStatus(
        {
          milestone: r.milestone,
          policyCode: r.policyCode,
          policyName: r.policyName,
          limit: r.limitSpec,
          startAt: r.startAt,
          metAt: r.metAt,
        },
        pauses,
        now,
        calendar,
        this.warnShare,
      ),
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
      const unflagged = this.statuses(ticket, rows, now).some(
        (s, i) => s.state === 'breached' && !rows[i].breachedAt,
      );
      if (unflagged) candidates.push(now.getTime());
      if (ticket.escalationLevel === 1 && ticket.escalatedAt) {
        candidates.push(
          ticket.escalatedAt.getTime() + this.config.sla.escalateToManagerAfterMinutes * MINUTE_MS,
        );
      }
    }
    return candidates.length > 0 ? new Date(Math.min(...candidates)) : null;
  }

  /** Milestones of many tickets at once (lists), keyed by ticket id. */
  async rowsByTicket(ticketIds: readonly string[]): Promise<Map<string, TicketMilestone[]>> {
    const byTicket = new Map<string, TicketMilestone[]>();
    if (ticketIds.length === 0) return byTicket;
    // In slices: a company's whole open set (an admin's open list) can pass SQLite's 32,766 placeholders
    // in one statement (mysql2 inlines its values, but the slice bounds the statement's size there too).
    for (let i = 0; i < ticketIds.length; i += MILESTONE_READ_SLICE) {
      const slice = ticketIds.slice(i, i + MILESTONE_READ_SLICE);
      for (const row of await this.milestones.find({ where: { ticketId: In(slice) } })) {
        const list = byTicket.get(row.ticketId);
        if (list) list.push(row);
        else byTicket.set(row.ticketId, [row]);
      }
    }
    return byTicket;
  }

  /** The countdown a list shows for one ticket. */
  current(ticket: Ticket, rows: readonly TicketMilestone[], now: Date): TicketSlaDto | null {
    if (!isOpen(ticket.status)) return null;
    const c = currentMilestone(this.statuses(ticket, rows, now));
    if (!c || c.state === 'met') return null;
    return {
      milestone: c.milestone,
      dueAt: c.dueAt?.toISOString() ?? null,
      state: c.state as SlaState,
      remainingMs: c.remainingMs,
    };
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
