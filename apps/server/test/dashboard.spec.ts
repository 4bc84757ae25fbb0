/**
 * 数据看板 and reports over HTTP: a November worked by hand through the real ticket API, the figures
 * against the targets, the tickets behind a missed figure, a department head's share, the company
 * view, reports kept as issued, the targets as company settings, and who may read what.
 */
import {
  CallbackReason,
  CallbackStatus,
  FeedbackRoutes,
  ApiRoutes,
  NotificationPageDto,
  CompanyDashboardDto,
  DashboardDto,
  DemoPersona,
  ErrorCode,
  IndicatorTargetsDto,
  IndicatorTicketDto,
  ReportKind,
  Page,
  ReportSummaryDto,
  Role,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import * as ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Community } from '../src/modules/org/entities/community.entity';
import { Company } from '../src/modules/org/entities/company.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { IssuedReport } from '../src/modules/dashboard/entities/issued-report.entity';
import { WeeklyReviewDelivery } from '../src/modules/dashboard/weekly-review-delivery';
import { CallbackTask } from '../src/modules/feedback/entities/callback-task.entity';
import { submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
const tokens: Record<
  'resident' | 'assistant' | 'supervisor' | 'admin' | 'engineering' | 'guard' | 'foreignAdmin',
  string
> = {} as never;
const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
let foreignAdminOpenid = '';
/** Moves the frozen clock and logs everyone in again (sessions expire as the clock moves). */
async function at(s: string): Promise<void> {
  t.clock.set({ now: cn(s), freeze: true });
  for (const p of ['resident', 'assistant', 'supervisor', 'admin', 'guard'] as const)
    tokens[p] = (await loginPersona(t, p as DemoPersona)).token;
  tokens.engineering = (await loginPersona(t, DemoPersona.DepartmentHead)).token;
  if (foreignAdminOpenid) tokens.foreignAdmin = (await loginOpenid(t, foreignAdminOpenid)).token;
}

async function act(
  ticket: TicketDetailDto,
  action: TicketAction,
  token = tokens.assistant,
  extra: Record<string, unknown> = {},
): Promise<TicketDetailDto> {
  const res = await t
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(token))
    .send({ action, version: ticket.version, ...extra });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDetailDto;
}

const ids: Record<string, TicketDetailDto> = {};
let sunshine = '';
/** 阳光花园's id (a platform admin reaches every company's communities, so it is named). */
const ours = () => sunshine;

/** Each test starts from its own app with November's tickets as of 12-02 10:00 (issue #17). */
beforeEach(async () => {
  t = await createTestApp();
  for (const key of Object.keys(ids)) delete ids[key];
  foreignAdminOpenid = '';
  await at('2026-11-01 08:00');

  // Another company, with its own community and admin.
  const company = await t.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: '明月物业', createdAt: t.clock.now() });
  const community = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: company.id, name: '明月小区', createdAt: t.clock.now() });
  const foreignAdmin = await t.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `test-${randomUUID()}`,
    name: '明月管理员',
    phone: null,
    role: Role.Admin,
    householdId: null,
    communityId: community.id,
    createdAt: t.clock.now(),
  });
  foreignAdminOpenid = foreignAdmin.openid;

  // Emergency 1: a leak at 10:00 on Monday 11-02, accepted after 10 minutes, resolved at 11:00.
  await at('2026-11-02 10:00');
  ids.leak = await submitTicket(t, tokens.resident, {
    categoryCode: 'water_leak',
    description: '厨房水管爆裂漏水',
  });
  await at('2026-11-02 10:10');
  ids.leak = await act(ids.leak, TicketAction.Accept);
  await at('2026-11-02 11:00');
  ids.leak = await act(ids.leak, TicketAction.Resolve, tokens.assistant, { note: '已更换水管' });

  // Emergency 2: a power cut at 20:00 on 11-05, accepted after 45 minutes (late against 30).
  await at('2026-11-05 20:00');
  ids.power = await submitTicket(t, tokens.resident, {
    categoryCode: 'power_cut',
    description: '家里突然停电',
  });
  await at('2026-11-05 20:45');
  ids.power = await act(ids.power, TicketAction.Accept);

  // Complaint 1: resolved after 6 hours (on time against 24).
  await at('2026-11-09 09:00');
  ids.quick = await submitTicket(t, tokens.resident, {
    categoryCode: 'complaint_general',
    description: '垃圾清运不及时',
  });
  await at('2026-11-09 09:30');
  ids.quick = await act(ids.quick, TicketAction.Accept);
  await at('2026-11-09 15:00');
  ids.quick = await act(ids.quick, TicketAction.Resolve, tokens.assistant, {
    note: '已协调环境部清运',
  });

  // Complaint 2: resolved after 28 hours (late).
  await at('2026-11-10 09:00');
  ids.slow = await submitTicket(t, tokens.resident, {
    categoryCode: 'complaint_general',
    description: '电梯经常故障',
  });
  await at('2026-11-10 09:20');
  ids.slow = await act(ids.slow, TicketAction.Accept);
  await at('2026-11-11 13:00');
  ids.slow = await act(ids.slow, TicketAction.Resolve, tokens.assistant, {
    note: '已联系电梯维保',
  });

  // December: not November's.
  await at('2026-12-01 09:00');
  await submitTicket(t, tokens.resident, { categoryCode: 'bulb', description: '灯泡坏了' });
  await at('2026-12-02 10:00');
  sunshine = (await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' })).id;
});
afterEach(() => t?.close());

/** The supervisor issues November's monthly report. */
const issueNovember = async () =>
  (
    await t
      .http()
      .post(ApiRoutes.reports)
      .set(bearer(tokens.supervisor))
      .send({ kind: ReportKind.Monthly, period: '2026-11' })
      .expect(201)
  ).body as ReportSummaryDto;

const get = (url: string, token: string, query: Record<string, string> = {}) =>
  t.http().get(url).query(query).set(bearer(token));
const dashboard = async (token: string, query: Record<string, string> = { month: '2026-11' }) =>
  (await get(ApiRoutes.dashboard, token, query).expect(200)).body as DashboardDto;
const headline = (d: DashboardDto, key: string) => d.headline.find((h) => h.key === key)!;

describe('the supervisor’s November', () => {
  it('counts the month’s tickets and judges the two figures against their targets', async () => {
    const d = await dashboard(tokens.supervisor);
    expect(d.scope).toMatchObject({ communityName: '阳光花园', department: null });
    expect(d.received).toBe(4);
    expect(headline(d, 'emergencyResponse')).toMatchObject({
      label: '紧急报修 30 分钟内响应率',
      numerator: 1,
      denominator: 2,
      rate: 0.5,
      target: 0.9,
      met: false,
      missed: 1,
    });
    expect(headline(d, 'complaintResolve')).toMatchObject({
      label: '投诉 24 小时内处理完成率',
      numerator: 1,
      denominator: 2,
      rate: 0.5,
      target: 0.8,
      met: false,
      missed: 1,
    });
    // Ratings are recorded, but nobody rated a November ticket yet: 暂无数据, not 0%.
    expect(headline(d, 'satisfaction')).toMatchObject({ rate: null, met: null, denominator: 0 });
    expect(d.byKind.map((r) => [r.label, r.count])).toEqual([
      ['投诉', 2],
      ['户内报修', 2],
    ]);
    expect(d.complaintsByCategory).toEqual([
      { key: 'complaint_general', label: '一般投诉', count: 2 },
    ]);
    // Responses: 10, 45, 30, 20 minutes → nearest-rank median 20, p90 45.
    expect(d.firstResponseMinutes).toEqual({ count: 4, median: 20, p90: 45 });
    expect(d.trend.map((p) => p.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(d.trend.at(-1)).toMatchObject({ received: 4, emergencyResponse: 0.5 });
    // Open now (load is today's, not November's): the power cut and December's bulb, both 李管家's.
    expect(d.assistants.find((a) => a.name === '李管家')).toMatchObject({ open: 2, resolved: 3 });
  });

  it('one tap shows the tickets behind a missed figure', async () => {
    const rows = (
      await get(ApiRoutes.dashboardTickets, tokens.supervisor, {
        month: '2026-11',
        indicator: 'complaintResolve',
      }).expect(200)
    ).body as IndicatorTicketDto[];
    expect(rows).toEqual([
      expect.objectContaining({
        id: ids.slow.id,
        code: ids.slow.code,
        categoryName: '一般投诉',
        roomLabel: '1栋1单元101室',
        outcome: 'missed',
      }),
    ]);
    const bad = await get(ApiRoutes.dashboardTickets, tokens.supervisor, {
      month: '2026-11',
      indicator: 'everything',
    }).expect(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('refuses a malformed month with a Chinese message', async () => {
    const res = await get(ApiRoutes.dashboard, tokens.supervisor, { month: '2026-13' }).expect(400);
    expect(res.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [{ field: 'month', message: '月份格式应为 YYYY-MM，例如 2026-11' }],
    });
  });

  it('exports the tables as a workbook', async () => {
    const res = await download(ApiRoutes.dashboardExport, tokens.supervisor, {
      month: '2026-11',
    }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '核心指标',
      '报事分布',
      '时效',
      '管家与部门',
    ]);
    const values = book.getWorksheet('核心指标')!.getSheetValues().flat().filter(Boolean);
    expect(values).toEqual(
      expect.arrayContaining(['紧急报修 30 分钟内响应率', '50%', '90%', '未达标']),
    );
  });
});

describe('who reads what', () => {
  it('a department head sees only their department’s tickets', async () => {
    const d = await dashboard(tokens.engineering);
    expect(d.scope).toMatchObject({ department: 'engineering', departmentLabel: '工程部' });
    expect(d.received).toBe(2); // the two repairs; the complaints are 客服部's
    expect(headline(d, 'complaintResolve')).toMatchObject({ rate: null, denominator: 0 });
  });

  it('the company admin sees their communities side by side, and another company’s admin sees none of ours', async () => {
    const company = (
      await get(ApiRoutes.dashboardCompany, tokens.admin, { month: '2026-11' }).expect(200)
    ).body as CompanyDashboardDto;
    expect(company.communities.map((c) => [c.communityName, c.received])).toEqual(
      expect.arrayContaining([['阳光花园', 4]]),
    );
    const ours = await dashboard(tokens.supervisor);
    const foreign = await get(ApiRoutes.dashboard, tokens.foreignAdmin, {
      month: '2026-11',
      communityId: ours.scope.communityId,
    }).expect(404);
    expect(Object.keys(foreign.body).sort()).toEqual(['code', 'message']);
    const theirs = (
      await get(ApiRoutes.dashboardCompany, tokens.foreignAdmin, { month: '2026-11' }).expect(200)
    ).body as CompanyDashboardDto;
    expect(theirs.communities.map((c) => c.communityName)).toEqual(['明月小区']);
  });

  it.each(['resident', 'assistant', 'guard'] as const)(
    'a %s is refused every dashboard and report route',
    async (who) => {
      for (const url of [
        ApiRoutes.dashboard,
        ApiRoutes.dashboardCompany,
        ApiRoutes.dashboardTickets,
        ApiRoutes.dashboardExport,
        ApiRoutes.dashboardTargets,
        ApiRoutes.reports,
      ]) {
        const res = await get(url, tokens[who], {
          month: '2026-11',
          indicator: 'emergencyResponse',
        });
        expect([url, res.status]).toEqual([url, 403]);
        expect(Object.keys(res.body).sort()).toEqual(['code', 'message']);
      }
      await t
        .http()
        .post(ApiRoutes.reports)
        .set(bearer(tokens[who]))
        .send({ kind: 'monthly', period: '2026-11' })
        .expect(403);
      await t
        .http()
        .put(ApiRoutes.dashboardTargets)
        .set(bearer(tokens[who]))
        .send({ emergencyResponseShare: 0.5 })
        .expect(403);
    },
  );

  it('anonymous callers are asked to log in', async () => {
    await t.http().get(ApiRoutes.dashboard).expect(401);
  });
});

describe('reports kept as issued', () => {
  it('issues November’s monthly report once; issuing it again returns the same report', async () => {
    const monthly = (
      await t
        .http()
        .post(ApiRoutes.reports)
        .set(bearer(tokens.supervisor))
        .send({ kind: ReportKind.Monthly, period: '2026-11' })
        .expect(201)
    ).body as ReportSummaryDto;
    expect(monthly).toMatchObject({
      kind: 'monthly',
      title: '阳光花园 2026年11月 月度部门投诉报告',
      issuedByName: '张主任',
    });
    const again = (
      await t
        .http()
        .post(ApiRoutes.reports)
        .set(bearer(tokens.supervisor))
        .send({ kind: ReportKind.Monthly, period: '2026-11' })
        .expect(201)
    ).body as ReportSummaryDto;
    expect(again.id).toBe(monthly.id);
    expect(await t.dataSource.getRepository(IssuedReport).count()).toBe(1);
  });

  it('downloads the same workbook after the data changed', async () => {
    const monthly = await issueNovember();
    const first = (await download(ApiRoutes.reportFile(monthly.id), tokens.supervisor).expect(200))
      .body as Buffer;
    // Later history of a November ticket: the power cut is resolved in December.
    ids.power = await act(ids.power, TicketAction.Resolve, tokens.assistant, {
      note: '已恢复供电',
    });
    await at('2026-12-03 10:00');
    const second = (await download(ApiRoutes.reportFile(monthly.id), tokens.supervisor).expect(200))
      .body as Buffer;
    expect(second.equals(first)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(first as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['核心指标', '客服部投诉', '部门汇总']);
    const complaints = book.getWorksheet('客服部投诉')!.getSheetValues().flat().filter(Boolean);
    expect(complaints).toEqual(
      expect.arrayContaining([ids.quick.code, ids.slow.code, '有效投诉', '否', '是']),
    );
  });

  it('refuses a period that has not ended or is malformed, and writes nothing', async () => {
    await issueNovember();
    const open = await t
      .http()
      .post(ApiRoutes.reports)
      .set(bearer(tokens.supervisor))
      .send({ kind: ReportKind.Monthly, period: '2026-12' })
      .expect(400);
    expect(open.body.message).toBe('该期间尚未结束，结束后才能出具报表');
    const bad = await t
      .http()
      .post(ApiRoutes.reports)
      .set(bearer(tokens.supervisor))
      .send({ kind: ReportKind.Weekly, period: '2026-11-24' })
      .expect(400);
    expect(bad.body.fields).toEqual([
      { field: 'period', message: '周报期间请填写该周周一的日期，例如 2026-11-23' },
    ]);
    await t
      .http()
      .post(ApiRoutes.reports)
      .set(bearer(tokens.supervisor))
      .send({ kind: 'daily', period: '2026-11' })
      .expect(400);
    expect(await t.dataSource.getRepository(IssuedReport).count()).toBe(1);
  });

  it('a department head issues their weekly complaint review; the supervisor lists it, another company cannot open it', async () => {
    const monthly = await issueNovember();
    const weekly = (
      await t
        .http()
        .post(ApiRoutes.reports)
        .set(bearer(tokens.engineering))
        .send({ kind: ReportKind.Weekly, period: '2026-11-02' })
        .expect(201)
    ).body as ReportSummaryDto;
    expect(weekly).toMatchObject({
      department: 'engineering',
      title: '阳光花园 工程部 2026-11-02 起一周 周度投诉复核清单',
    });
    const listed = (
      (await get(ApiRoutes.reports, tokens.supervisor).expect(200)).body as Page<ReportSummaryDto>
    ).items;
    expect(listed.map((r) => r.id).sort()).toEqual([monthly.id, weekly.id].sort());
    const foreign = await get(ApiRoutes.reportFile(weekly.id), tokens.foreignAdmin).expect(404);
    expect(foreign.body.code).toBe(ErrorCode.REPORT_NOT_FOUND);
  });
});

describe('the weekly review list reaches each department head', () => {
  it('issues last week’s list for the department once, and tells the head once', async () => {
    const delivery = t.app.get(WeeklyReviewDelivery);
    expect(await delivery.run()).toBe(1); // 孙经理, the demo's only department head
    expect(await delivery.run()).toBe(0);
    const inbox = (await get(ApiRoutes.notifications, tokens.engineering).expect(200))
      .body as NotificationPageDto;
    expect(inbox.items.filter((n) => n.title.includes('投诉复核清单')).map((n) => n.title)).toEqual(
      ['2026-11-23 起一周投诉复核清单'],
    );
    const listed = (
      (await get(ApiRoutes.reports, tokens.engineering).expect(200)).body as Page<ReportSummaryDto>
    ).items;
    expect(listed.find((r) => r.period === '2026-11-23')).toMatchObject({
      department: 'engineering',
      issuedByName: '系统',
    });
  });
});

describe('targets are company settings', () => {
  it('the supervisor reads the seed targets and cannot change them', async () => {
    const targets = (await get(ApiRoutes.dashboardTargets, tokens.supervisor).expect(200))
      .body as IndicatorTargetsDto;
    expect(targets).toMatchObject({
      emergencyResponseMinutes: 30,
      emergencyResponseShare: 0.9,
      complaintResolveShare: 0.8,
      customised: false,
      canEdit: false,
    });
    await t
      .http()
      .put(ApiRoutes.dashboardTargets)
      .set(bearer(tokens.supervisor))
      .send({ emergencyResponseShare: 0.5 })
      .expect(403);
  });

  it('a bad value is refused and nothing changes', async () => {
    const res = await t
      .http()
      .put(ApiRoutes.dashboardTargets)
      .set(bearer(tokens.admin))
      .send({ communityId: ours(), emergencyResponseShare: 1.5, complaintResolveShare: 0.7 })
      .expect(400);
    expect(res.body.fields).toEqual([
      { field: 'emergencyResponseShare', message: '目标须为 0–1 之间的小数' },
    ]);
    expect(
      (
        (await get(ApiRoutes.dashboardTargets, tokens.admin, { communityId: ours() }).expect(200))
          .body as IndicatorTargetsDto
      ).complaintResolveShare,
    ).toBe(0.8);
  });

  it('the admin allows 60 minutes: the late power cut now counts as responded, and the label says so', async () => {
    const updated = (
      await t
        .http()
        .put(ApiRoutes.dashboardTargets)
        .set(bearer(tokens.admin))
        .send({ communityId: ours(), emergencyResponseMinutes: 60 })
        .expect(200)
    ).body as IndicatorTargetsDto;
    expect(updated).toMatchObject({
      emergencyResponseMinutes: 60,
      customised: true,
      canEdit: true,
    });
    const d = await dashboard(tokens.supervisor);
    expect(headline(d, 'emergencyResponse')).toMatchObject({
      label: '紧急报修 60 分钟内响应率',
      numerator: 2,
      denominator: 2,
      rate: 1,
      met: true,
    });
    // Setting the default again removes the company's own value.
    const back = (
      await t
        .http()
        .put(ApiRoutes.dashboardTargets)
        .set(bearer(tokens.admin))
        .send({ communityId: ours(), emergencyResponseMinutes: 30 })
        .expect(200)
    ).body as IndicatorTargetsDto;
    expect(back.customised).toBe(false);
  });
});

describe('what residents said', () => {
  it('a rating counts in the satisfaction figure with its latest verdict; only a reached callback counts as called back', async () => {
    await at('2026-12-03 11:00');
    const rate = (ticket: TicketDetailDto, overall: string) =>
      t
        .http()
        .post(FeedbackRoutes.ticketRating(ticket.id))
        .set(bearer(tokens.resident))
        .send({ version: ticket.version, overall, speed: 4, attitude: 5, quality: 4 });
    const quick = (
      await t.http().get(ApiRoutes.ticket(ids.quick.id)).set(bearer(tokens.resident)).expect(200)
    ).body as TicketDetailDto;
    await rate(quick, 'satisfied').expect(200);
    const d = await dashboard(tokens.supervisor);
    expect(headline(d, 'satisfaction')).toMatchObject({
      numerator: 1,
      denominator: 1,
      rate: 1,
      met: true,
    });
    // The closed complaint now has its callback task, not yet done: counted, and missed.
    expect(headline(d, 'callbackCoverage')).toMatchObject({
      numerator: 0,
      denominator: 2,
      rate: 0,
      met: false,
    });
    // A sample call reaching the resident is not the complaint's callback; the complaint's own, done, is.
    const tasks = t.dataSource.getRepository(CallbackTask);
    const own = await tasks.findOneByOrFail({
      ticketId: ids.quick.id,
      reason: CallbackReason.Complaint,
    });
    await tasks.save({
      ...own,
      id: randomUUID(),
      reason: CallbackReason.Sample,
      status: CallbackStatus.Done,
      doneAt: t.clock.now(),
    });
    expect(headline(await dashboard(tokens.supervisor), 'callbackCoverage')).toMatchObject({
      numerator: 0,
      denominator: 2,
    });
    await tasks.update({ id: own.id }, { status: CallbackStatus.Done, doneAt: t.clock.now() });
    expect(headline(await dashboard(tokens.supervisor), 'callbackCoverage')).toMatchObject({
      numerator: 1,
      denominator: 2,
      rate: 0.5,
    });
  });
});

function download(url: string, token: string, query: Record<string, string> = {}) {
  return get(url, token, query)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}
