/**
 * Monthly, quarterly and annual reports issue themselves once their period has closed: with two server
 * instances on one database each report is issued once and each person told once; what was issued
 * downloads unchanged later.
 */
import {
  ApiRoutes,
  DemoPersona,
  NotificationPageDto,
  ReportKind,
  Page,
  ReportSummaryDto,
} from '@linli/contracts';
import { IssuedReport } from '../src/modules/dashboard/entities/issued-report.entity';
import { PeriodicReportDelivery } from '../src/modules/dashboard/periodic-report-delivery';
import { FrozenMonthJob } from '../src/modules/dashboard/frozen-month-job';
import { IndicatorSnapshot } from '../src/modules/dashboard/entities/indicator-snapshot.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

let db: TestDatabase;
let a: TestApp;
let b: TestApp;
const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

/** Each test starts from its own database and two instances on it (issue #17). */
beforeEach(async () => {
  db = await createTestDatabase();
  a = await createTestApp({ database: db });
  b = await createTestApp({ database: db });
});
afterEach(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

function setClocks(s: string): void {
  for (const x of [a, b]) x.clock.set({ now: cn(s), freeze: true });
}

async function inboxTitles(persona: DemoPersona): Promise<string[]> {
  const token = (await loginPersona(a, persona)).token;
  const page = (await a.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
    .body as NotificationPageDto;
  return page.items
    .map((n) => n.title)
    .filter((title) => title.includes('已出具'))
    .sort();
}

function download(url: string, token: string) {
  return a
    .http()
    .get(url)
    .set(bearer(token))
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

/** The round at the end of November: October, the third quarter and 2025 are issued. */
async function issueClosedBeforeDecember() {
  setClocks('2026-11-30 23:59');
  await a.app.get(PeriodicReportDelivery).run();
}

/** ...and the round after midnight: November is issued too. */
async function issueNovember() {
  await issueClosedBeforeDecember();
  setClocks('2026-12-01 00:10');
  await a.app.get(PeriodicReportDelivery).run();
}

describe('scheduled reports', () => {
  it('issue what has closed, and nothing of a period still running', async () => {
    setClocks('2026-11-30 23:59');
    const issued = await a.app.get(PeriodicReportDelivery).run();
    // October, the third quarter and 2025 had closed: those are issued, November is not.
    const rows = await a.dataSource.getRepository(IssuedReport).find();
    expect(rows.map((r) => `${r.kind} ${r.period}`).sort()).toEqual([
      'annual 2025',
      'monthly 2026-10',
      'quarterly 2026-Q3',
    ]);
    expect(issued).toBe(3);
  });

  it('with two instances, each closed period’s report is issued once and each reader told once', async () => {
    await issueClosedBeforeDecember();
    setClocks('2026-12-01 00:10');
    const communities = await a.dataSource.getRepository(Community).count();
    expect(communities).toBe(1);
    const [fromA, fromB] = await Promise.all([
      a.app.get(PeriodicReportDelivery).run(),
      b.app.get(PeriodicReportDelivery).run(),
    ]);
    expect(fromA + fromB).toBe(1); // November; the quarter and the year were issued already
    expect(await a.app.get(PeriodicReportDelivery).run()).toBe(0);
    expect(await b.app.get(PeriodicReportDelivery).run()).toBe(0);
    const monthly = await a.dataSource
      .getRepository(IssuedReport)
      .find({ where: { kind: ReportKind.Monthly } });
    expect(monthly.map((r) => [r.period, r.issuedById, r.department])).toEqual(
      expect.arrayContaining([['2026-11', null, null]]),
    );
    expect(monthly).toHaveLength(2);

    // The supervisor: every report; the department head: the monthly ones; the admin: quarter and year.
    const supervisor = await inboxTitles(DemoPersona.Supervisor);
    expect(supervisor).toHaveLength(4);
    expect(supervisor.filter((s) => s.includes('月度部门投诉报告'))).toHaveLength(2);
    expect(supervisor.filter((s) => s.includes('季度客户服务分析'))).toHaveLength(1);
    expect(supervisor.filter((s) => s.includes('年度客户服务总结'))).toHaveLength(1);
    expect(await inboxTitles(DemoPersona.DepartmentHead)).toHaveLength(2);
    const admin = await inboxTitles(DemoPersona.Admin);
    expect(admin).toHaveLength(2);
    expect(admin.some((s) => s.includes('月度'))).toBe(false);
  });

  it('a scheduled report lists as issued by the system and downloads byte for byte as stored, later too', async () => {
    await issueNovember();
    const token = (await loginPersona(a, DemoPersona.Supervisor)).token;
    const listed = (
      (await a.http().get(ApiRoutes.reports).set(bearer(token)).expect(200))
        .body as Page<ReportSummaryDto>
    ).items;
    const november = listed.find((r) => r.kind === ReportKind.Monthly && r.period === '2026-11')!;
    expect(november).toMatchObject({ issuedByName: '系统', department: null });
    const stored = Buffer.from(
      (await a.dataSource.getRepository(IssuedReport).findOneByOrFail({ id: november.id }))
        .workbook,
      'base64',
    );
    const first = (await download(ApiRoutes.reportFile(november.id), token).expect(200))
      .body as Buffer;
    setClocks('2027-02-03 09:00');
    const laterToken = (await loginPersona(b, DemoPersona.Supervisor)).token;
    const later = (
      await b
        .http()
        .get(ApiRoutes.reportFile(november.id))
        .set(bearer(laterToken))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
    expect(first.equals(stored)).toBe(true);
    expect(later.equals(stored)).toBe(true);
  });
});

describe('the last frozen month is stored ahead of its first reader', () => {
  it('with two instances, each community’s month is stored once; before its freeze, nothing', async () => {
    const snapshots = a.dataSource.getRepository(IndicatorSnapshot);
    setClocks('2026-12-07 23:00'); // November freezes on 12-08 00:00: the last frozen month is October
    expect(a.app.get(FrozenMonthJob).lastFrozenMonth(a.clock.now())).toBe('2026-10');
    await Promise.all([a.app.get(FrozenMonthJob).run(), b.app.get(FrozenMonthJob).run()]);
    expect(await snapshots.countBy({ month: '2026-11' })).toBe(0);

    setClocks('2026-12-08 01:00');
    const [fromA, fromB] = await Promise.all([
      a.app.get(FrozenMonthJob).run(),
      b.app.get(FrozenMonthJob).run(),
    ]);
    expect(fromA + fromB).toBe(1); // one community
    expect(await snapshots.countBy({ month: '2026-11', scopeKey: '*' })).toBe(1);
    expect(await a.app.get(FrozenMonthJob).run()).toBe(0);
    const row = await snapshots.findOneByOrFail({ month: '2026-11', scopeKey: '*' });
    expect(row.asOf).toEqual(cn('2026-12-08 00:00'));
  });
});
