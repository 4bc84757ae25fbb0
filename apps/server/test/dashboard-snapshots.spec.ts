/**
 * 数据看板's frozen months: an October worked by hand through the real ticket API, read live until it
 * freezes (the close + LINLI_DASHBOARD_FREEZE_DAYS, 7 by default), then stored once as a snapshot equal to
 * the live computation as of the freeze; the dashboard, the tap-through and the company view read the
 * snapshot, and data arriving later for October does not change it.
 */
import {
  ApiRoutes,
  CompanyDashboardDto,
  DashboardDto,
  DemoPersona,
  IndicatorTicketDto,
  Satisfaction,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { DEFAULT_INDICATOR_TARGETS } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { IndicatorSnapshot } from '../src/modules/dashboard/entities/indicator-snapshot.entity';
import { MonthFigures, targetsKey } from '../src/modules/dashboard/month-figures';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
const tokens: Record<'resident' | 'assistant' | 'supervisor' | 'admin', string> = {} as never;
const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** Moves the frozen clock and logs everyone in again (sessions expire as the clock moves). */
async function at(s: string): Promise<void> {
  t.clock.set({ now: cn(s), freeze: true });
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
const headline = (d: DashboardDto, key: string) => d.headline.find((h) => h.key === key)!;
const snapshots = () => t.dataSource.getRepository(IndicatorSnapshot);
const october = () => ({ communityId, department: null });

let communityId = '';
const ids: Record<string, TicketDetailDto> = {};

// Each test starts from its own app with October's two tickets.
beforeEach(async () => {
  t = await createTestApp();
  await at('2026-10-12 10:00');
  communityId = (await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' }))
    .id;
  // A leak on Monday 10-12 at 10:00, accepted after 45 minutes: late against 30.
  ids.leak = await submitTicket(t, tokens.resident, {
    categoryCode: 'water_leak',
    description: '卫生间漏水',
  });
  await at('2026-10-12 10:45');
  ids.leak = await act(ids.leak, TicketAction.Accept);
  // A complaint at 11:00, accepted at 11:10, resolved at 13:00: on time against 24 hours.
  await at('2026-10-12 11:00');
  ids.complaint = await submitTicket(t, tokens.resident, {
    categoryCode: 'complaint_general',
    description: '楼道灯长期不亮',
  });
  await at('2026-10-12 11:10');
  ids.complaint = await act(ids.complaint, TicketAction.Accept);
  await at('2026-10-12 13:00');
  ids.complaint = await act(ids.complaint, TicketAction.Resolve, { note: '已更换灯具' });
});
afterEach(() => t?.close());

describe('a month before its freeze', () => {
  it('is read live and nothing is stored (October freezes on 11-08 00:00, China time)', async () => {
    expect(t.app.get(MonthFigures).freezesAt('2026-10').toISOString()).toBe(
      cn('2026-11-08 00:00').toISOString(),
    );
    await at('2026-11-07 23:00');
    const d = await dashboard('2026-10');
    expect(d.received).toBe(2);
    expect(headline(d, 'emergencyResponse')).toMatchObject({
      numerator: 0,
      denominator: 1,
      rate: 0,
    });
    expect(d.period.asOf).toBe(cn('2026-11-07 23:00').toISOString());
    expect(await snapshots().countBy({ month: '2026-10' })).toBe(0);
  });
});

describe('a frozen month', () => {
  beforeEach(() => at('2026-11-20 10:00'));
  /** The first read of October after its freeze, which stores its snapshot (the first test's step). */
  const octoberStored = () => dashboard('2026-10');

  it('is stored once, equal to the live computation as of the freeze', async () => {
    const d = await dashboard('2026-11');
    expect(d.trend.find((p) => p.month === '2026-10')).toEqual({
      month: '2026-10',
      received: 2,
      emergencyResponse: 0,
      complaintResolve: 1,
      satisfaction: null,
    });
    const rows = await snapshots().findBy({ communityId, month: '2026-10' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      scopeKey: '*',
      asOf: cn('2026-11-08 00:00'),
      targetsKey: targetsKey(DEFAULT_INDICATOR_TARGETS),
    });
    const live = await t.app
      .get(MonthFigures)
      .compute(october(), '2026-10', cn('2026-11-08 00:00'), DEFAULT_INDICATOR_TARGETS);
    expect(rows[0].figures).toEqual(JSON.parse(JSON.stringify(live)));
    expect(live.received).toBe(2);
    // November is still open (it freezes on 12-08): computed, not stored.
    expect(await snapshots().countBy({ month: '2026-11' })).toBe(0);
    // Reading again stores nothing more.
    await dashboard('2026-10');
    expect(await snapshots().countBy({ communityId, month: '2026-10' })).toBe(1);
  });

  it('the dashboard, the tap-through and the company view answer from the snapshot', async () => {
    await octoberStored();
    const row = await snapshots().findOneByOrFail({ communityId, month: '2026-10', scopeKey: '*' });
    // Mark the stored figures so that only a read of the snapshot can show them.
    const marked = {
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
    await snapshots().update({ id: row.id }, { figures: marked });
    try {
      const d = await dashboard('2026-10');
      expect(d.received).toBe(99);
      expect(d.period.asOf).toBe(cn('2026-11-08 00:00').toISOString());
      expect((await dashboard('2026-11')).trend.find((p) => p.month === '2026-10')?.received).toBe(
        99,
      );
      const behind = (
        await get(ApiRoutes.dashboardTickets, tokens.supervisor, {
          month: '2026-10',
          indicator: 'complaintResolve',
        }).expect(200)
      ).body as IndicatorTicketDto[];
      expect(behind.map((r) => [r.id, r.outcome])).toEqual([[ids.leak.id, 'missed']]);
      const company = (
        await get(ApiRoutes.dashboardCompany, tokens.admin, { month: '2026-10' }).expect(200)
      ).body as CompanyDashboardDto;
      expect(company.communities.find((c) => c.communityId === communityId)?.received).toBe(99);
    } finally {
      await snapshots().update({ id: row.id }, { figures: row.figures });
    }
  });

  it('does not change when data for October arrives after the freeze', async () => {
    await octoberStored();
    // A paper rating entered now with the date the resident gave it (10-13): dissatisfied.
    const rater = (await loginPersona(t, DemoPersona.Resident)).user.id;
    await t.dataSource.getRepository(TicketRating).insert({
      id: randomUUID(),
      ticketId: ids.complaint.id,
      round: 0,
      raterId: rater,
      handlerId: null,
      overall: Satisfaction.Dissatisfied,
      speed: 1,
      attitude: 1,
      quality: 1,
      tags: [],
      comment: null,
      createdAt: cn('2026-10-13 09:00'),
    });
    // Computed again as of the freeze, October would now have a rated ticket…
    const live = await t.app
      .get(MonthFigures)
      .compute(october(), '2026-10', cn('2026-11-08 00:00'), DEFAULT_INDICATOR_TARGETS);
    expect(live.headline.satisfaction).toMatchObject({ numerator: 0, denominator: 1, rate: 0 });
    // …but the frozen month keeps what it had at the freeze.
    const d = await dashboard('2026-10');
    expect(headline(d, 'satisfaction')).toMatchObject({ denominator: 0, rate: null });
    expect(
      (await dashboard('2026-11')).trend.find((p) => p.month === '2026-10')?.satisfaction,
    ).toBeNull();
  });

  it('other targets are another snapshot; the first stays as it was', async () => {
    await octoberStored();
    await t
      .http()
      .put(ApiRoutes.dashboardTargets)
      .set(bearer(tokens.admin))
      .send({ emergencyResponseMinutes: 60 })
      .expect(200);
    try {
      const d = await dashboard('2026-10');
      expect(headline(d, 'emergencyResponse')).toMatchObject({
        numerator: 1,
        denominator: 1,
        rate: 1,
      });
      expect(await snapshots().countBy({ communityId, month: '2026-10', scopeKey: '*' })).toBe(2);
    } finally {
      await t
        .http()
        .put(ApiRoutes.dashboardTargets)
        .set(bearer(tokens.admin))
        .send({ emergencyResponseMinutes: 30 })
        .expect(200);
    }
    expect(headline(await dashboard('2026-10'), 'emergencyResponse')).toMatchObject({
      numerator: 0,
      denominator: 1,
      rate: 0,
    });
  });

  it('two readers at once store one row and both answer with it', async () => {
    const figures = t.app.get(MonthFigures);
    const scope = { communityId, department: 'engineering' };
    const [a, b] = await Promise.all([
      figures.snapshot(scope, '2026-09', DEFAULT_INDICATOR_TARGETS),
      figures.snapshot(scope, '2026-09', DEFAULT_INDICATOR_TARGETS),
    ]);
    expect(
      await snapshots().countBy({ communityId, month: '2026-09', scopeKey: 'engineering' }),
    ).toBe(1);
    expect(a.id).toBe(b.id);
    expect(a.figures).toEqual(b.figures);
  });
});
