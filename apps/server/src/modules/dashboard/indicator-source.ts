import { Inject, Injectable } from '@nestjs/common';
import { TicketStatus } from '@linli/contracts';
import { IndicatorTicket, isOpen, OverallVerdict } from '@linli/domain';
import {
  Between,
  DataSource,
  EntityTarget,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  Not,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import { CallbackReason, CallbackStatus, Satisfaction } from '@linli/contracts';
import { CallbackTask } from '../feedback/entities/callback-task.entity';
import { TicketRating } from '../feedback/entities/ticket-rating.entity';
import { SurveyInvite } from '../surveys/entities/survey-invite.entity';
import { SurveyRound } from '../surveys/entities/survey-round.entity';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { CallTask } from '../notifications/entities/call-task.entity';
import { CallTaskStatus } from '@linli/contracts';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { TicketExtension } from '../tickets/entities/ticket-extension.entity';
import { TicketMilestone } from '../tickets/entities/ticket-milestone.entity';
import { WorkOrder } from '../work-orders/entities/work-order.entity';
import { REPORTING_DATA_SOURCE } from '../../database/reporting-data-source';
import { COHORT_TICKET_SELECT, toIndicatorTickets } from './indicator-tickets';

const VERDICT: Record<Satisfaction, OverallVerdict> = {
  [Satisfaction.Satisfied]: 'satisfied',
  [Satisfaction.Basic]: 'basic',
  [Satisfaction.Dissatisfied]: 'dissatisfied',
};

/**
 * Ids per `IN (…)` list: under SQLite's 32,766 bound parameters and MariaDB's 65,535, and large enough that
 * a six-month cohort of a busy community (12,000+ tickets, bench/results/dashboard-1m.md) takes a few round
 * trips instead of dozens.
 */
export const IN_LIST_SIZE = 5000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const OPEN_STATUSES = Object.values(TicketStatus).filter(isOpen);

/** A community's tickets received in [from, to). */
export interface CohortWindow {
  communityId: string;
  from: Date;
  to: Date;
}

export interface OpenLoad {
  /** assigneeId (or '' for unassigned) → open and late counts. */
  byAssignee: Map<string, { open: number; late: number }>;
  byDepartment: Map<string, { open: number; late: number }>;
}

/**
 * Reads the recorded history the indicators are computed from: a community's tickets received in a
 * window, with their events, milestones, extensions and work orders, in the domain's terms. Only the
 * columns the definitions use are selected.
 */
@Injectable()
export class IndicatorSource {
  /** Ids per IN list (the benchmark sets 500, the size before, to measure both in one run). */
  inListSize = IN_LIST_SIZE;

  /** Reads the read replica when there is one (docs/deployment.md): month figures tolerate its lag. */
  constructor(@Inject(REPORTING_DATA_SOURCE) private readonly reporting: DataSource) {}

  async categoryDepartments(): Promise<Map<string, { department: string; name: string }>> {
    const rows = await this.reporting
      .getRepository(TicketCategory)
      .find({ select: { code: true, department: true, name: true } });
    return new Map(rows.map((c) => [c.code, { department: c.department, name: c.name }]));
  }

  /**
   * The tickets received in [from, to) with their history. The history tables are read by their ticket
   * ids taken in the database from the same range of IDX_ticket_community_created (`ticketId IN (SELECT id
   * FROM ticket WHERE …)`, a semi-join), not as lists of ids sent back, and the five reads run at once.
   */
  async cohort(communityId: string, from: Date, to: Date, asOf: Date): Promise<IndicatorTicket[]> {
    const window = { communityId, from, to };
    const [tickets, eventRows, milestoneRows, extensionRows, orderRows, categories] =
      await Promise.all([
        this.reporting.getRepository(Ticket).find({
          where: { communityId, createdAt: Between(from, new Date(to.getTime() - 1)) },
          select: COHORT_TICKET_SELECT,
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
        this.ofWindow(
          TicketEvent,
          'e',
          ['ticketId', 'version', 'action', 'at', 'actorId'],
          window,
          (qb) => qb.orderBy('e.ticketId', 'ASC').addOrderBy('e.version', 'ASC'),
        ),
        this.ofWindow(
          TicketMilestone,
          'm',
          ['ticketId', 'milestone', 'limitSpec', 'startAt', 'metAt', 'warnedAt', 'breachedAt'],
          window,
        ),
        this.ofWindow(TicketExtension, 'x', ['ticketId', 'status', 'requestedAt'], window),
        this.ofWindow(WorkOrder, 'w', ['ticketId', 'department', 'issuedAt'], window),
        this.categoryDepartments(),
      ]);
    if (tickets.length === 0) return [];
    return toIndicatorTickets(
      tickets,
      {
        events: eventRows,
        milestones: milestoneRows,
        extensions: extensionRows,
        orders: orderRows,
      },
      (categoryCode) => categories.get(categoryCode)?.department,
      asOf,
    );
  }

  /**
   * Rows of a ticket's history table whose ticket was received in the community in [from, to): one query,
   * no id lists. Read raw and converted column by column by the driver (what hydrating entities would do
   * for these columns, without its per-row bookkeeping, which cost more than the query for a month's events).
   */
  private async ofWindow<T extends ObjectLiteral, K extends keyof T & string>(
    entity: EntityTarget<T>,
    alias: string,
    columns: K[],
    window: CohortWindow,
    shape?: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  ): Promise<Pick<T, K>[]> {
    const repo = this.reporting.getRepository(entity);
    let qb = repo.createQueryBuilder(alias);
    columns.forEach(
      (c, i) => (qb = i === 0 ? qb.select(`${alias}.${c}`, c) : qb.addSelect(`${alias}.${c}`, c)),
    );
    const ids = qb
      .subQuery()
      .select('ct.id')
      .from(Ticket, 'ct')
      .where('ct.communityId = :cohortCommunity')
      .andWhere('ct.createdAt >= :cohortFrom')
      .andWhere('ct.createdAt < :cohortTo')
      .getQuery();
    qb = qb.where(`${alias}.ticketId IN ${ids}`, {
      cohortCommunity: window.communityId,
      cohortFrom: window.from,
      cohortTo: window.to,
    });
    const raw = (await (shape ? shape(qb) : qb).getRawMany()) as Record<string, unknown>[];
    const meta = columns.map((c) => [c, repo.metadata.findColumnWithPropertyName(c)!] as const);
    return raw.map((r) => {
      const row = {} as Pick<T, K>;
      for (const [c, column] of meta)
        row[c] = this.reporting.driver.prepareHydratedValue(r[c], column) as T[K];
      return row;
    });
  }

  /** Open tickets now, per assignee and per department; late = a limit breached and not yet met. */
  async openLoad(communityId: string, department: string | null): Promise<OpenLoad> {
    const open = await this.reporting.getRepository(Ticket).find({
      where: { communityId, status: In(OPEN_STATUSES) },
      select: { id: true, assigneeId: true, categoryCode: true },
    });
    const categories = await this.categoryDepartments();
    const late = new Set<string>();
    for (const part of chunks(
      open.map((t) => t.id),
      this.inListSize,
    )) {
      const rows = await this.reporting.getRepository(TicketMilestone).find({
        where: { ticketId: In(part), breachedAt: Not(IsNull()), metAt: IsNull() },
        select: { ticketId: true },
      });
      for (const r of rows) late.add(r.ticketId);
    }
    const load: OpenLoad = { byAssignee: new Map(), byDepartment: new Map() };
    for (const t of open) {
      const dept = categories.get(t.categoryCode)?.department ?? 'customer_service';
      if (department && dept !== department) continue;
      for (const [map, key] of [
        [load.byAssignee, t.assigneeId ?? ''],
        [load.byDepartment, dept],
      ] as const) {
        const row = map.get(key) ?? { open: 0, late: 0 };
        row.open += 1;
        if (late.has(t.id)) row.late += 1;
        map.set(key, row);
      }
    }
    return load;
  }

  /**
   * What residents said of these tickets as of `asOf`: each ticket's latest rating (a ticket sent back and
   * rated again counts with its last verdict), and the tickets a callback reached (status done).
   */
  async feedbackOf(
    tickets: readonly IndicatorTicket[],
    asOf: Date,
    window?: CohortWindow,
  ): Promise<{ verdicts: Map<string, OverallVerdict>; calledBack: Set<string> }> {
    const verdicts = new Map<string, OverallVerdict>();
    const calledBack = new Set<string>();
    if (window) {
      // The whole window's in one query each (at once), kept to the given tickets (a department's share).
      const wanted = new Set(tickets.map((t) => t.id));
      const [ratings, done] = await Promise.all([
        this.ofWindow(TicketRating, 'r', ['ticketId', 'round', 'overall'], window, (qb) =>
          qb.andWhere('r.createdAt <= :asOf', { asOf }).orderBy('r.round', 'ASC'),
        ),
        this.ofWindow(CallbackTask, 'c', ['ticketId'], window, (qb) =>
          qb.andWhere('c.reason = :reason AND c.status = :status AND c.doneAt <= :asOf', {
            reason: CallbackReason.Complaint,
            status: CallbackStatus.Done,
            asOf,
          }),
        ),
      ]);
      for (const r of ratings)
        if (wanted.has(r.ticketId)) verdicts.set(r.ticketId, VERDICT[r.overall]);
      for (const c of done) if (c.ticketId && wanted.has(c.ticketId)) calledBack.add(c.ticketId);
      return { verdicts, calledBack };
    }
    for (const part of chunks(
      tickets.map((t) => t.id),
      this.inListSize,
    )) {
      const ratings = await this.reporting.getRepository(TicketRating).find({
        where: { ticketId: In(part), createdAt: LessThanOrEqual(asOf) },
        select: { ticketId: true, round: true, overall: true },
        order: { round: 'ASC' },
      });
      for (const r of ratings) verdicts.set(r.ticketId, VERDICT[r.overall]);
      // The complaint's own callback (回访抽查 counts the same); a sample or dissatisfaction call is another matter.
      const done = await this.reporting.getRepository(CallbackTask).find({
        where: {
          ticketId: In(part),
          reason: CallbackReason.Complaint,
          status: CallbackStatus.Done,
          doneAt: LessThanOrEqual(asOf),
        },
        select: { ticketId: true },
      });
      for (const c of done) if (c.ticketId) calledBack.add(c.ticketId);
    }
    return { verdicts, calledBack };
  }

  /**
   * Questionnaire invitations of the rounds the community sent in a window whose answering window has
   * closed by `asOf` (an open round's rate is not final), and how many were answered; null when none.
   */
  async surveyResponse(
    communityId: string,
    from: Date,
    to: Date,
    asOf: Date,
  ): Promise<{ invited: number; answered: number } | null> {
    const rounds = await this.reporting.getRepository(SurveyRound).find({
      where: {
        communityId,
        sentAt: Between(from, new Date(to.getTime() - 1)),
        closesAt: LessThanOrEqual(asOf),
      },
      select: { id: true },
    });
    if (rounds.length === 0) return null;
    const invites = await this.reporting.getRepository(SurveyInvite).find({
      where: { roundId: In(rounds.map((r) => r.id)) },
      select: { id: true, completedAt: true },
    });
    return {
      invited: invites.length,
      answered: invites.filter((i) => i.completedAt && i.completedAt.getTime() <= asOf.getTime())
        .length,
    };
  }

  /** Phone tasks still open an hour after they were created. */
  overduePhoneTasks(communityId: string, now: Date): Promise<number> {
    return this.reporting.getRepository(CallTask).count({
      where: {
        communityId,
        status: CallTaskStatus.Open,
        createdAt: LessThan(new Date(now.getTime() - 3_600_000)),
      },
    });
  }
}
