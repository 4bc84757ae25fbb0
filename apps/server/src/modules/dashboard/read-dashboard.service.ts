import { Inject, Injectable } from '@nestjs/common';
import { AssistantRowDto, DashboardDto, Role } from '@linli/contracts';
import { chinaMonthOf, Indicators, monthsEndingWith, periodWindow } from '@linli/domain';
import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ClockService } from '../clock/clock.service';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Building } from '../org/entities/building.entity';
import { User } from '../org/entities/user.entity';
import { DashboardScopes } from './dashboard-scope';
import { DashboardQueryDto } from './dto/dashboard.dto';
import {
  channelLabel,
  departmentLabel,
  headlineDtos,
  kindLabel,
  labelled,
  milestoneRows,
} from './indicator-presenter';
import { IndicatorSource } from './indicator-source';
import { IndicatorTargetsService } from './indicator-targets.service';
import { MonthFigures } from './month-figures';
import { REPORTING_DATA_SOURCE } from '../../database/reporting-data-source';

const TREND_MONTHS = 6;

/** 数据看板: one community's month (a department head: their department's share) with six months of trend. */
@Injectable()
export class ReadDashboard {
  constructor(
    @Inject(REPORTING_DATA_SOURCE) private readonly reporting: DataSource,
    private readonly scopes: DashboardScopes,
    private readonly source: IndicatorSource,
    private readonly targets: IndicatorTargetsService,
    private readonly figures: MonthFigures,
    private readonly clock: ClockService,
  ) {}

  async run(user: AuthUser, query: DashboardQueryDto): Promise<DashboardDto> {
    const now = this.clock.now();
    const scope = await this.scopes.resolve(user, query.communityId);
    const month = query.month ?? chinaMonthOf(now);
    const window = periodWindow('monthly', month)!;
    const months = monthsEndingWith(month, TREND_MONTHS);
    const { targets } = await this.targets.forCompany(scope.companyId);
    // Each month on its own: a frozen month is one stored row, only the months still open are computed.
    const figures = await Promise.all(
      months.map((m) =>
        this.figures.of(
          { communityId: scope.communityId, department: scope.department },
          m,
          now,
          targets,
        ),
      ),
    );
    const indicators = figures[figures.length - 1];
    const trend = months.map((m, i) => {
      const r = figures[i];
      return {
        month: m,
        received: r.received,
        emergencyResponse: r.headline.emergencyResponse.rate,
        complaintResolve: r.headline.complaintResolve.rate,
        satisfaction: r.headline.satisfaction.rate,
      };
    });

    const [buildings, categories, load] = await Promise.all([
      this.reporting
        .getRepository(Building)
        .find({ where: { communityId: scope.communityId }, select: { id: true, name: true } }),
      this.source.categoryDepartments(),
      this.source.openLoad(scope.communityId, scope.department),
    ]);
    const buildingNames = new Map(buildings.map((b) => [b.id, b.name]));
    const assistants = await this.assistantRows(
      buildings.map((b) => b.id),
      indicators.handlers,
      load.byAssignee,
    );

    return {
      scope: {
        communityId: scope.communityId,
        communityName: scope.communityName,
        department: scope.department,
        departmentLabel: scope.departmentLabel,
      },
      period: {
        month,
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        asOf: indicators.asOf,
      },
      received: indicators.received,
      headline: headlineDtos(indicators),
      byKind: labelled(indicators.byKind, kindLabel),
      byCategory: labelled(indicators.byCategory, (code) => categories.get(code)?.name),
      byChannel: labelled(indicators.byChannel, channelLabel),
      byBuilding: labelled(indicators.byBuilding, (id) => buildingNames.get(id)),
      byDepartment: labelled(indicators.byDepartment, departmentLabel),
      complaintsByCategory: labelled(
        indicators.complaintsByCategory,
        (code) => categories.get(code)?.name,
      ),
      firstResponseMinutes: indicators.firstResponseMinutes,
      resolutionHours: indicators.resolutionHours,
      resolutionWorkingDays: indicators.resolutionWorkingDays,
      milestones: milestoneRows(indicators),
      extensions: indicators.extensions,
      reopen: indicators.reopen,
      invalidComplaints: {
        count: indicators.invalidComplaints.count,
        answeredOnTime: indicators.invalidComplaints.answeredOnTime,
        answeredLate: indicators.invalidComplaints.answeredLate,
        unansweredLate: indicators.invalidComplaints.unansweredLate,
        pending: indicators.invalidComplaints.pending,
      },
      escalations: { level1: indicators.escalations.level1, level2: indicators.escalations.level2 },
      assistants,
      departments: [...load.byDepartment.entries()]
        .map(([department, l]) => ({
          department,
          label: departmentLabel(department) ?? department,
          ...l,
        }))
        .sort((a, b) => b.open - a.open),
      overduePhoneTasks: await this.source.overduePhoneTasks(scope.communityId, now),
      trend,
      communities: scope.communities,
    };
  }

  /** The community's assistants (and anyone else who resolved its tickets this month): load now, the month's record. */
  private async assistantRows(
    buildingIds: string[],
    handlers: Indicators['handlers'],
    load: Map<string, { open: number; late: number }>,
  ): Promise<AssistantRowDto[]> {
    const serving = buildingIds.length
      ? await this.reporting
          .getRepository(AssistantBuilding)
          .find({ where: { buildingId: In(buildingIds) }, select: { userId: true } })
      : [];
    const ids = [...new Set([...serving.map((s) => s.userId), ...handlers.map((h) => h.userId)])];
    if (ids.length === 0) return [];
    const users = await this.reporting
      .getRepository(User)
      .find({ where: { id: In(ids) }, select: { id: true, name: true, role: true } });
    const staff = users.filter((u) => u.role !== Role.Resident);
    return staff
      .map((u) => {
        const h = handlers.find((x) => x.userId === u.id);
        const l = load.get(u.id) ?? { open: 0, late: 0 };
        return {
          userId: u.id,
          name: u.name,
          open: l.open,
          late: l.late,
          resolved: h?.resolved ?? 0,
          onTimeShare: h?.onTimeShare ?? null,
          dissatisfied: h?.dissatisfied ?? 0,
        };
      })
      .sort(
        (a, b) =>
          b.open - a.open || b.resolved - a.resolved || a.name.localeCompare(b.name, 'zh-CN'),
      );
  }
}
