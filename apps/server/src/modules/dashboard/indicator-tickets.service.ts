import { Inject, Injectable } from '@nestjs/common';
import { IndicatorTicketDto, TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from '@linli/contracts';
import { chinaMonthOf } from '@linli/domain';
import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ClockService } from '../clock/clock.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { DashboardScopes } from './dashboard-scope';
import { IndicatorTicketsQueryDto } from './dto/dashboard.dto';
import { IndicatorTargetsService } from './indicator-targets.service';
import { MonthFigures } from './month-figures';
import { REPORTING_DATA_SOURCE } from '../../database/reporting-data-source';

/** One tap from a figure to the tickets behind it: those counted against the target, then those still pending. */
@Injectable()
export class ListIndicatorTickets {
  constructor(
    @Inject(REPORTING_DATA_SOURCE) private readonly reporting: DataSource,
    private readonly scopes: DashboardScopes,
    private readonly targets: IndicatorTargetsService,
    private readonly figures: MonthFigures,
    private readonly clock: ClockService,
  ) {}

  async run(user: AuthUser, query: IndicatorTicketsQueryDto): Promise<IndicatorTicketDto[]> {
    const now = this.clock.now();
    const scope = await this.scopes.resolve(user, query.communityId);
    const { targets } = await this.targets.forCompany(scope.companyId);
    // The same figures the dashboard shows (a frozen month's snapshot), so the list always matches the number tapped.
    const figure = (
      await this.figures.of(
        { communityId: scope.communityId, department: scope.department },
        query.month ?? chinaMonthOf(now),
        now,
        targets,
      )
    ).headline[query.indicator];
    const wanted = [
      ...figure.missedTicketIds.map((id) => [id, 'missed'] as const),
      ...figure.pendingTicketIds.map((id) => [id, 'pending'] as const),
    ];
    if (wanted.length === 0) return [];
    const rows = await this.reporting.getRepository(Ticket).find({
      where: { id: In(wanted.map(([id]) => id)) },
      relations: { room: true, category: true },
      select: {
        id: true,
        code: true,
        kind: true,
        status: true,
        createdAt: true,
        room: { id: true, label: true },
        category: { code: true, name: true },
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return wanted.flatMap(([id, outcome]) => {
      const t = byId.get(id);
      if (!t) return [];
      return [
        {
          id,
          code: t.code,
          kindLabel: TICKET_KIND_LABELS[t.kind],
          categoryName: t.category?.name ?? '',
          roomLabel: t.room?.label ?? '',
          statusLabel: TICKET_STATUS_LABELS[t.status],
          createdAt: t.createdAt.toISOString(),
          outcome,
        },
      ];
    });
  }
}
