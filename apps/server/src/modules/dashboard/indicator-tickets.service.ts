import { Inject, Injectable } from '@nestjs/common';
import { IndicatorTicketDto, TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from '@linli/contracts';
import { chinaMonthOf, computeIndicators, periodWindow } from '@linli/domain';
import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { ClockService } from '../clock/clock.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { DashboardScopes } from './dashboard-scope';
import { IndicatorTicketsQueryDto } from './dto/dashboard.dto';
import { IndicatorSource } from './indicator-source';
import { IndicatorTargetsService } from './indicator-targets.service';
import { REPORTING_DATA_SOURCE } from '../../database/reporting-data-source';

/** One tap from a figure to the tickets behind it: those counted against the target, then those still pending. */
@Injectable()
export class ListIndicatorTickets {
  constructor(
    @Inject(REPORTING_DATA_SOURCE) private readonly ds: DataSource,
    private readonly scopes: DashboardScopes,
    private readonly source: IndicatorSource,
    private readonly targets: IndicatorTargetsService,
    private readonly calendars: WorkingCalendars,
    private readonly clock: ClockService,
  ) {}

  async run(user: AuthUser, query: IndicatorTicketsQueryDto): Promise<IndicatorTicketDto[]> {
    const now = this.clock.now();
    const scope = await this.scopes.resolve(user, query.communityId);
    const window = periodWindow('monthly', query.month ?? chinaMonthOf(now))!;
    const { targets } = await this.targets.forCompany(scope.companyId);
    let tickets = await this.source.cohort(scope.communityId, window.from, window.to, now);
    if (scope.department) tickets = tickets.filter((t) => t.department === scope.department);
    const feedback = await this.source.feedbackOf(tickets, now);
    const figure = computeIndicators({ tickets, from: window.from, to: window.to, asOf: now, calendar: this.calendars.forCommunity(scope.communityId), targets, ...feedback }).headline[query.indicator];
    const wanted = [...figure.missedTicketIds.map((id) => [id, 'missed'] as const), ...figure.pendingTicketIds.map((id) => [id, 'pending'] as const)];
    if (wanted.length === 0) return [];
    const rows = await this.ds.getRepository(Ticket).find({
      where: { id: In(wanted.map(([id]) => id)) },
      relations: { room: true, category: true },
      select: { id: true, code: true, kind: true, status: true, createdAt: true, room: { id: true, label: true }, category: { code: true, name: true } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return wanted.flatMap(([id, outcome]) => {
      const t = byId.get(id);
      if (!t) return [];
      return [{ id, code: t.code, kindLabel: TICKET_KIND_LABELS[t.kind], categoryName: t.category?.name ?? '', roomLabel: t.room?.label ?? '', statusLabel: TICKET_STATUS_LABELS[t.status], createdAt: t.createdAt.toISOString(), outcome }];
    });
  }
}
