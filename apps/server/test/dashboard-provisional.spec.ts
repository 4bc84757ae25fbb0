/**
 * 数据看板's open month from provisional snapshots: November worked by hand through the real ticket API;
 * the dashboard job's refresh round stores each community's open months as of the round's start
 * (LINLI_DASHBOARD_REFRESH_MINUTES, 10 by default), equal to the live computation as of that instant; the
 * dashboard, the tap-through and the company view answer from one younger than the interval plus the
 * slack (2 minutes), and compute live when it is stale or missing.
 */
import {
  ApiRoutes,
  CompanyDashboardDto,
  DashboardDto,
  DemoPersona,
  IndicatorTicketDto,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { DEFAULT_INDICATOR_TARGETS } from '@linli/domain';
import { IndicatorProvisional } from '../src/modules/dashboard/entities/indicator-provisional.entity';
import { IndicatorSnapshot } from '../src/modules/dashboard/entities/indicator-snapshot.entity';
import { FrozenMonthJob } from '../src/modules/dashboard/frozen-month-job';
import { MonthFigures, targetsKey } from '../src/modules/dashboard/month-figures';
import { Community } from '../src/modules/org/entities/community.entity';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

let t: TestApp;
const tokens: Record<'resident' | 'assistant' | 'supervisor' | 'admin', string> = {} as never;
const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** Moves the frozen clock and logs everyone in again (sessions expire as the clock moves). */
async function at(s: string | Date): Promise<void> {
  t.clock.set({ now: typeof s === 'string' ? cn(s) : s, freeze: true });
  for (const p of ['resident', 'assistant', 'supervisor', 'admin'] as const)
    tokens[p] = (await loginPersona(t, p as DemoPersona)).token;
}

async function act(
  ticket: TicketDetailDto,
  action: TicketAction,
  extra: Record<string, unknown> = {},
): Promise<TicketDetailDto> {
  const res = await t
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(tokens.assistant))
    .send({ action, version: ticket.version, ...extra });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDetailDto;
}

const get = (url: string, token: string, query: Record<string, string>) =>
  t.http().get(url).query(query).set(bearer(token));
const dashboard = async (month: string) =>
  (await get(ApiRoutes.dashboard, tokens.supervisor, { month }).expect(200)).body as DashboardDto;
const company = async (month: string) =>
  (await get(ApiRoutes.dashboardCompany, tokens.admin, { month }).expect(200))
    .body as CompanyDashboardDto;
const behind = async (month: string, indicator: string) =>
  (
    (await get(ApiRoutes.dashboardTickets, tokens.supervisor, { month, indicator }).expect(200))
      .body as IndicatorTicketDto[]
  ).map((r) => [r.id, r.outcome]);
const provisional = () => t.dataSource.getRepository(IndicatorProvisional);
const ours = () => provisional().findOneByOrFail({ communityId, month: '2026-11', scopeKey: '*' });

/** Marks the stored November figures so that only a read of the provisional snapshot can show them; restores them after `check`. */
async function marked(check: () => Promise<void>): Promise<void> {
  const row = await ours();
  const figures = {
    ...row.figures,
    received: 99,
    headline: {
      ...row.figures.headline,
      complaintResolve: {
        ...row.figures.headline.complaintResolve,
        missedTicketIds: [ids.leak.id],
      },
    },
  };
  await provisional().update({ id: row.id }, { figures });
  try {
    await check();
  } finally {
    await provisional().update({ id: row.id }, { figures: row.figures });
  }
}

let communityId = '';
let communities = 0;
let ids: Record<string, TicketDetailDto>;

/** A fresh app with the week's two tickets: a late-accepted leak and a complaint resolved in time. */
async function setUp() {
  t = await createTestApp();
  ids = {};
  await at('2026-11-16 10:00');
  communityId = (await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' }))
    .id;
  communities = await t.dataSource.getRepository(Community).count();
  // A leak on Monday 11-16 at 10:00, accepted after 45 minutes: late against 30.
  ids.leak = await submitTicket(t, tokens.resident, {
    categoryCode: 'water_leak',
    description: '卫生间漏水',
  });
  await at('2026-11-16 10:45');
  ids.leak = await act(ids.leak, TicketAction.Accept);
  // A complaint at 11:00, accepted at 11:10, resolved at 13:00: on time against 24 hours.
  await at('2026-11-16 11:00');
  ids.complaint = await submitTicket(t, tokens.resident, {
    categoryCode: 'complaint_general',
    description: '楼道灯长期不亮',
  });
  await at('2026-11-16 11:10');
  ids.complaint = await act(ids.complaint, TicketAction.Accept);
  await at('2026-11-16 13:00');
  ids.complaint = await act(ids.complaint, TicketAction.Resolve, { note: '已更换灯具' });
}

/** Each test of the describe it is called in starts from its own app (issue #17). */
function eachOnItsOwnApp() {
  beforeEach(setUp);
  afterEach(() => t?.close());
}

/** The refresh round that started at 11-20 10:20 (run at 10:25). */
async function roundOf1020() {
  await at('2026-11-20 10:25');
  await t.app.get(FrozenMonthJob).refresh();
}

/** A kitchen leak reported at 10:26, after that round started. */
async function leakAt1026() {
  await at('2026-11-20 10:26');
  ids.late = await submitTicket(t, tokens.resident, {
    categoryCode: 'water_leak',
    description: '厨房水管漏水',
  });
}

describe('the refresh round', () => {
  eachOnItsOwnApp();

  it('stores every community’s open month as of the round’s start, equal to the live computation then, once per round', async () => {
    await at('2026-11-20 10:25');
    // At 11-20 only November is open (October froze on 11-08); the round started at 10:20.
    expect(t.app.get(FrozenMonthJob).openMonths(cn('2026-11-20 10:20'))).toEqual(['2026-11']);
    expect(await t.app.get(FrozenMonthJob).refresh()).toBe(communities);
    const row = await ours();
    expect(row).toMatchObject({
      asOf: cn('2026-11-20 10:20'),
      targetsKey: targetsKey(DEFAULT_INDICATOR_TARGETS),
    });
    const live = await t.app
      .get(MonthFigures)
      .compute(
        { communityId, department: null },
        '2026-11',
        cn('2026-11-20 10:20'),
        DEFAULT_INDICATOR_TARGETS,
      );
    expect(row.figures).toEqual(JSON.parse(JSON.stringify(live)));
    expect(live.received).toBe(2);
    expect(live.headline.emergencyResponse).toMatchObject({
      numerator: 0,
      denominator: 1,
      missedTicketIds: [ids.leak.id],
    });
    // Not a frozen snapshot: indicator_snapshot holds no November row.
    expect(await t.dataSource.getRepository(IndicatorSnapshot).countBy({ month: '2026-11' })).toBe(
      0,
    );
    // The same round again (and two at once) stores nothing more.
    expect(
      await Promise.all([t.app.get(FrozenMonthJob).refresh(), t.app.get(FrozenMonthJob).refresh()]),
    ).toEqual([0, 0]);
    expect(await provisional().countBy({ communityId, month: '2026-11' })).toBe(1);
  });
});

describe('a fresh provisional snapshot', () => {
  eachOnItsOwnApp();

  it('answers the dashboard, its trend, the tap-through and the company view, with its as-of time', async () => {
    await roundOf1020();
    await at('2026-11-20 10:31');
    await marked(async () => {
      const d = await dashboard('2026-11');
      expect(d.received).toBe(99);
      expect(d.period.asOf).toBe(cn('2026-11-20 10:20').toISOString());
      expect(d.trend.find((p) => p.month === '2026-11')?.received).toBe(99);
      expect(await behind('2026-11', 'complaintResolve')).toEqual([[ids.leak.id, 'missed']]);
      const c = await company('2026-11');
      expect(c.communities.find((x) => x.communityId === communityId)?.received).toBe(99);
      expect(c.asOf).toBe(cn('2026-11-20 10:20').toISOString());
    });
  });

  it('the tap-through lists the tickets behind the figure shown', async () => {
    await roundOf1020();
    await at('2026-11-20 10:31');
    expect(await behind('2026-11', 'emergencyResponse')).toEqual([[ids.leak.id, 'missed']]);
    expect(await behind('2026-11', 'complaintResolve')).toEqual([]);
  });

  it('does not show what happened after the round’s start until the next round', async () => {
    await roundOf1020();
    await leakAt1026();
    await at('2026-11-20 10:28');
    expect((await dashboard('2026-11')).received).toBe(2);
    await at('2026-11-20 10:30');
    expect(await t.app.get(FrozenMonthJob).refresh()).toBe(communities);
    const d = await dashboard('2026-11');
    expect(d.received).toBe(3);
    expect(d.period.asOf).toBe(cn('2026-11-20 10:30').toISOString());
  });
});

describe('a stale or missing provisional snapshot', () => {
  eachOnItsOwnApp();

  it('is not read once older than the interval plus the slack: the month is computed live, as of now', async () => {
    await roundOf1020();
    await leakAt1026();
    await at('2026-11-20 10:30');
    await t.app.get(FrozenMonthJob).refresh();
    // Stored as of 10:30: it answers until 10:42 (10 minutes + 2).
    await at(new Date(cn('2026-11-20 10:42').getTime() - 1));
    await marked(async () => {
      expect((await dashboard('2026-11')).received).toBe(99);
      await at('2026-11-20 10:42');
      const d = await dashboard('2026-11');
      expect(d.received).toBe(3);
      expect(d.period.asOf).toBe(cn('2026-11-20 10:42').toISOString());
      expect(await behind('2026-11', 'complaintResolve')).toEqual([]);
      const c = await company('2026-11');
      expect(c.communities.find((x) => x.communityId === communityId)?.received).toBe(3);
      expect(c.asOf).toBe(cn('2026-11-20 10:42').toISOString());
    });
  });

  it('a month with none is computed live', async () => {
    await roundOf1020();
    await leakAt1026();
    await at('2026-11-20 10:35');
    await provisional().delete({ communityId });
    const d = await dashboard('2026-11');
    expect(d.received).toBe(3);
    expect(d.period.asOf).toBe(cn('2026-11-20 10:35').toISOString());
  });

  it('a department head’s share is always live', async () => {
    await roundOf1020();
    await at('2026-11-20 10:40');
    expect(await t.app.get(FrozenMonthJob).refresh()).toBe(communities);
    const figures = await t.app
      .get(MonthFigures)
      .of(
        { communityId, department: 'engineering' },
        '2026-11',
        cn('2026-11-20 10:41'),
        DEFAULT_INDICATOR_TARGETS,
      );
    expect(figures.asOf).toBe(cn('2026-11-20 10:41').toISOString());
  });

  it('a month that froze drops its provisional snapshot at the next round', async () => {
    await roundOf1020();
    await at('2026-12-08 00:05');
    await t.app.get(FrozenMonthJob).refresh();
    expect(await provisional().countBy({ month: '2026-11' })).toBe(0);
    expect(
      await provisional().countBy({ communityId, month: '2026-12', asOf: cn('2026-12-08 00:00') }),
    ).toBe(1);
    expect((await dashboard('2026-11')).period.asOf).toBe(cn('2026-12-08 00:00').toISOString());
  });
});

/** Several instances are a MySQL/MariaDB deployment (the embedded SQLite default is one process): `LINLI_TEST_DB=mysql`. */
(useMysql ? describe : describe.skip)('the refresh round on two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTestApp({ database: db });
    b = await createTestApp({ database: db });
    for (const app of [a, b]) app.clock.set({ now: cn('2026-11-20 10:25'), freeze: true });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('both run the same round at once: each community’s open month is stored once', async () => {
    const n = await a.dataSource.getRepository(Community).count();
    const stored = await Promise.all([
      a.app.get(FrozenMonthJob).refresh(),
      b.app.get(FrozenMonthJob).refresh(),
    ]);
    expect(stored[0] + stored[1]).toBe(n);
    expect(
      await a.dataSource
        .getRepository(IndicatorProvisional)
        .countBy({ month: '2026-11', asOf: cn('2026-11-20 10:20') }),
    ).toBe(n);
    expect(
      await Promise.all([a.app.get(FrozenMonthJob).refresh(), b.app.get(FrozenMonthJob).refresh()]),
    ).toEqual([0, 0]);
    // The next round: replaced once, not added.
    for (const app of [a, b]) app.clock.set({ now: cn('2026-11-20 10:31'), freeze: true });
    const next = await Promise.all([
      a.app.get(FrozenMonthJob).refresh(),
      b.app.get(FrozenMonthJob).refresh(),
    ]);
    expect(next[0] + next[1]).toBe(n);
    expect(
      await a.dataSource.getRepository(IndicatorProvisional).countBy({ month: '2026-11' }),
    ).toBe(n);
    expect(
      await a.dataSource
        .getRepository(IndicatorProvisional)
        .countBy({ month: '2026-11', asOf: cn('2026-11-20 10:30') }),
    ).toBe(n);
  });
});
