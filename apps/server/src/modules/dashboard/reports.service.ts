import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEPARTMENT_NAMES,
  DepartmentName,
  ErrorCode,
  Page,
  REPORT_KIND_LABELS,
  ReportKind,
  ReportSummaryDto,
  Role,
  TICKET_STATUS_LABELS,
  TicketAction,
  TicketKind,
} from '@linli/contracts';
import {
  computeIndicators,
  cutPage,
  formatChinaDateTime,
  IndicatorTicket,
  Indicators,
  monthsEndingWith,
  periodWindow,
  PeriodWindow,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { afterCursor, PageRequest } from '../../common/paging/paging';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { ClockService } from '../clock/clock.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { DashboardScope, DashboardScopes } from './dashboard-scope';
import { IssueReportDto } from './dto/dashboard.dto';
import { IssuedReport } from './entities/issued-report.entity';
import { departmentLabel, headlineDtos, headlineSheet, percentText } from './indicator-presenter';
import { IndicatorSource } from './indicator-source';
import { IndicatorTargetsService } from './indicator-targets.service';
import { ReportContent, ReportSheet } from './report-content';
import { reportWorkbook } from './report-workbook';

const DEPARTMENTS = Object.keys(DEPARTMENT_NAMES) as DepartmentName[];

/**
 * The reports of the brief's "Indicators and reports": a department head's weekly complaints to review,
 * each department's monthly complaint report, the quarterly analysis across departments and the annual
 * summary. A report is computed once when issued and stored with its workbook; issuing the same report
 * again returns the stored one, and every download is the stored workbook.
 */
@Injectable()
export class Reports {
  constructor(
    @InjectRepository(IssuedReport) private readonly issuedReports: Repository<IssuedReport>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly scopes: DashboardScopes,
    private readonly source: IndicatorSource,
    private readonly targets: IndicatorTargetsService,
    private readonly calendars: WorkingCalendars,
    private readonly clock: ClockService,
  ) {}

  async issue(user: AuthUser, dto: IssueReportDto): Promise<ReportSummaryDto> {
    const scope = await this.scopes.resolve(user, dto.communityId);
    const { report } = await this.issueFor(scope, dto.kind, dto.period, user.id);
    return this.summary(
      await this.issuedReports.findOneOrFail({
        where: { id: report.id },
        relations: { issuedBy: true },
      }),
    );
  }

  /** Issues (or finds) a report for a scope; also used by the weekly delivery to department heads. */
  async issueFor(
    scope: DashboardScope,
    kind: ReportKind,
    period: string,
    issuedById: string | null,
  ): Promise<{ report: IssuedReport; created: boolean }> {
    const window = periodWindow(kind, period);
    if (!window)
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'period', message: PERIOD_FORMAT[kind] },
      ]);
    const now = this.clock.now();
    if (window.to.getTime() > now.getTime())
      throw new AppException(ErrorCode.VALIDATION_FAILED, '该期间尚未结束，结束后才能出具报表', [
        { field: 'period', message: '该期间尚未结束' },
      ]);
    const department = kind === ReportKind.Weekly ? scope.department : null;
    const existing = await this.issuedReports.findOne({
      where: { communityId: scope.communityId, kind, period, scopeKey: department ?? '*' },
    });
    if (existing) return { report: existing, created: false };
    const content = await this.content(scope, kind, window, department, now);
    const title = `${scope.communityName}${department ? ` ${DEPARTMENT_NAMES[department]}` : ''} ${window.label} ${REPORT_KIND_LABELS[kind]}`;
    const workbook = (await reportWorkbook(content, now)).toString('base64');
    const row: IssuedReport = {
      id: randomUUID(),
      communityId: scope.communityId,
      kind,
      period,
      department,
      scopeKey: department ?? '*',
      title: title.slice(0, 100),
      content,
      workbook,
      issuedById,
      issuedAt: now,
    };
    try {
      await this.issuedReports.insert(row);
    } catch (err) {
      // Issued at the same moment by someone else (or another instance): theirs stands.
      const theirs = await this.issuedReports.findOne({
        where: { communityId: scope.communityId, kind, period, scopeKey: row.scopeKey },
      });
      if (theirs) return { report: theirs, created: false };
      throw err;
    }
    return { report: row, created: true };
  }

  /** Reports issued for the scope, newest first, a page at a time by (issuedAt, id). */
  async list(
    user: AuthUser,
    communityId: string | undefined,
    page: PageRequest,
  ): Promise<Page<ReportSummaryDto>> {
    const scope = await this.scopes.resolve(user, communityId);
    const where = {
      communityId: scope.communityId,
      ...(scope.department ? { scopeKey: In([scope.department, '*']) } : {}),
    };
    const rows = await this.issuedReports.find({
      select: {
        id: true,
        kind: true,
        title: true,
        period: true,
        department: true,
        issuedAt: true,
        issuedById: true,
        issuedBy: { id: true, name: true },
      },
      where: afterCursor<IssuedReport>(where, page.cursor, 'issuedAt'),
      relations: { issuedBy: true },
      order: { issuedAt: 'DESC', id: 'DESC' },
      take: page.limit + 1,
    });
    const { items, nextCursor } = cutPage(rows, page.limit, (r) => ({ at: r.issuedAt, id: r.id }));
    return { items: items.map((r) => this.summary(r)), nextCursor };
  }

  async file(user: AuthUser, id: string): Promise<{ filename: string; data: Buffer }> {
    const row = await this.issuedReports.findOne({ where: { id } });
    const reach = await this.scopes.communitiesOf(user);
    if (!row || !reach.some((c) => c.id === row.communityId))
      throw new AppException(ErrorCode.REPORT_NOT_FOUND);
    if (user.role === Role.Supervisor && row.department) {
      const scope = await this.scopes.resolve(user);
      if (scope.department && scope.department !== row.department)
        throw new AppException(ErrorCode.REPORT_NOT_FOUND);
    }
    return { filename: `${row.title}.xlsx`, data: Buffer.from(row.workbook, 'base64') };
  }

  private summary(r: IssuedReport): ReportSummaryDto {
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: REPORT_KIND_LABELS[r.kind],
      title: r.title,
      period: r.period,
      communityName: r.title.split(' ')[0],
      department: r.department,
      departmentLabel: r.department ? (departmentLabel(r.department) ?? r.department) : null,
      issuedAt: r.issuedAt.toISOString(),
      issuedByName: r.issuedBy?.name ?? '系统',
    };
  }

  private async content(
    scope: DashboardScope,
    kind: ReportKind,
    window: PeriodWindow,
    department: DepartmentName | null,
    asOf: Date,
  ): Promise<ReportContent> {
    const calendar = this.calendars.forCommunity(scope.communityId);
    const { targets } = await this.targets.forCompany(scope.companyId);
    let tickets = await this.source.cohort(scope.communityId, window.from, window.to, asOf);
    if (department) tickets = tickets.filter((t) => t.department === department);
    const feedback = await this.source.feedbackOf(tickets, asOf, {
      communityId: scope.communityId,
      from: window.from,
      to: window.to,
    });
    const compute = (subset: IndicatorTicket[], w: { from: Date; to: Date } = window) =>
      computeIndicators({
        tickets: subset,
        from: w.from,
        to: w.to,
        asOf,
        calendar,
        targets,
        ...feedback,
      });
    const all = compute(tickets);
    const heading = (name: string) => [
      `${scope.communityName}${department ? ` ${DEPARTMENT_NAMES[department]}` : ''} ${name}`,
      `统计期间：${window.label}（按报事时间，北京时间）`,
      `出具时间：${formatChinaDateTime(asOf)}；之后发生的处理记录不计入本报表`,
    ];
    const sheets: ReportSheet[] = [indicatorSheet(all, heading(REPORT_KIND_LABELS[kind]))];
    const rooms = await this.roomLabels(
      tickets.filter((t) => t.kind === TicketKind.Complaint).map((t) => t.id),
    );
    const categories = await this.source.categoryDepartments();
    if (kind === ReportKind.Weekly || kind === ReportKind.Monthly) {
      const depts = department ? [department] : DEPARTMENTS;
      for (const d of depts) {
        const own = tickets.filter((t) => t.department === d && t.kind === TicketKind.Complaint);
        if (kind === ReportKind.Monthly && own.length === 0) continue;
        sheets.push(
          complaintSheet(
            `${DEPARTMENT_NAMES[d]}投诉`,
            own,
            compute(own),
            rooms,
            (code) => categories.get(code)?.name ?? code,
            asOf,
          ),
        );
      }
    }
    if (kind !== ReportKind.Weekly) sheets.push(departmentSheet(tickets, compute));
    if (kind === ReportKind.Quarterly || kind === ReportKind.Annual) {
      const months = monthsEndingWith(
        window.period.slice(0, 4) + '-' + String(monthOfEnd(window)).padStart(2, '0'),
        kind === ReportKind.Annual ? 12 : 3,
      );
      sheets.push({
        name: '按月趋势',
        heading: [],
        columns: ['月份', '报事总数', '紧急响应率', '投诉处理完成率', '满意率', '返修率'],
        rows: months.map((m) => {
          const r = compute(tickets, periodWindow('monthly', m)!);
          return [
            m,
            r.received,
            percentText(r.headline.emergencyResponse.rate),
            percentText(r.headline.complaintResolve.rate),
            percentText(r.headline.satisfaction.rate),
            percentText(r.reopen.rate),
          ];
        }),
      });
    }
    return { sheets };
  }

  private async roomLabels(ids: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.tickets.find({
        where: { id: In(ids.slice(i, i + 500)) },
        relations: { room: true },
        select: { id: true, room: { id: true, label: true } },
      });
      for (const r of rows) map.set(r.id, r.room?.label ?? '');
    }
    return map;
  }
}

const PERIOD_FORMAT: Record<ReportKind, string> = {
  [ReportKind.Weekly]: '周报期间请填写该周周一的日期，例如 2026-11-23',
  [ReportKind.Monthly]: '月报期间格式应为 YYYY-MM，例如 2026-11',
  [ReportKind.Quarterly]: '季报期间格式应为 YYYY-Q1 至 YYYY-Q4',
  [ReportKind.Annual]: '年报期间格式应为 YYYY，例如 2026',
};

/** The last month (1–12) a quarter or year window covers. */
function monthOfEnd(window: PeriodWindow): number {
  const q = /-Q([1-4])$/.exec(window.period);
  return q ? Number(q[1]) * 3 : 12;
}

function indicatorSheet(r: Indicators, heading: string[]): ReportSheet {
  return headlineSheet([...heading, `报事总数：${r.received}`], headlineDtos(r));
}

function complaintSheet(
  name: string,
  own: IndicatorTicket[],
  r: Indicators,
  rooms: Map<string, string>,
  categoryName: (code: string) => string,
  asOf: Date,
): ReportSheet {
  const missed = new Set(r.headline.complaintResolve.missedTicketIds);
  const pending = new Set(r.headline.complaintResolve.pendingTicketIds);
  const invalid = (t: IndicatorTicket) =>
    t.events.some((e) => e.action === TicketAction.MarkInvalid && e.at.getTime() <= asOf.getTime());
  return {
    name,
    heading: [
      `投诉 ${own.length} 件：有效 ${own.filter((t) => !invalid(t)).length} 件，无效 ${own.filter(invalid).length} 件；无效投诉按时答复 ${r.invalidComplaints.answeredOnTime} 件，逾期 ${r.invalidComplaints.answeredLate + r.invalidComplaints.unansweredLate} 件`,
    ],
    columns: ['工单号', '报事时间', '房号', '类别', '有效性', '时限内处理完成', '升级', '当前状态'],
    rows: own.map((t) => [
      t.code,
      formatChinaDateTime(t.createdAt),
      rooms.get(t.id) ?? '',
      categoryName(t.categoryCode),
      invalid(t) ? '无效投诉' : '有效投诉',
      invalid(t) ? '—' : missed.has(t.id) ? '否' : pending.has(t.id) ? '处理中' : '是',
      t.events.some((e) => e.action === TicketAction.Escalate) ? '已升级' : '',
      TICKET_STATUS_LABELS[t.status],
    ]),
  };
}

function departmentSheet(
  tickets: IndicatorTicket[],
  compute: (subset: IndicatorTicket[]) => Indicators,
): ReportSheet {
  return {
    name: '部门汇总',
    heading: [],
    columns: [
      '部门',
      '报事总数',
      '投诉',
      '紧急响应率',
      '投诉处理完成率',
      '满意率',
      '返修率',
      '超时节点',
    ],
    rows: DEPARTMENTS.map((d) => {
      const own = tickets.filter((t) => t.department === d);
      const r = compute(own);
      return [
        DEPARTMENT_NAMES[d],
        r.received,
        own.filter((t) => t.kind === TicketKind.Complaint).length,
        percentText(r.headline.emergencyResponse.rate),
        percentText(r.headline.complaintResolve.rate),
        percentText(r.headline.satisfaction.rate),
        percentText(r.reopen.rate),
        r.milestones.reduce((n, m) => n + m.breached, 0),
      ];
    }),
  };
}
