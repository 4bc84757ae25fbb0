/**
 * Retention (§12): past two years, finished records lose the residents' own words (anonymised), the
 * figures stay; open work is never touched; one run a day with two instances; admins see what it did.
 */
import {
  ApiRoutes,
  DemoPersona,
  FeedbackRoutes,
  Page,
  RetentionRunDto,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { ANONYMISED_TEXT } from '@linli/domain';
import { RetentionJob } from '../src/modules/retention/retention-job';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { TicketEvent } from '../src/modules/tickets/entities/ticket-event.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

let db: TestDatabase;
let a: TestApp;
let b: TestApp;
const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const ON = { LINLI_RETENTION_ENABLED: '1' };
let ids: Record<string, TicketDetailDto>;

function setClocks(s: string): void {
  for (const x of [a, b]) x.clock.set({ now: cn(s), freeze: true });
}

async function act(
  ticket: TicketDetailDto,
  action: TicketAction,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<TicketDetailDto> {
  const res = await a
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(token))
    .send({ action, version: ticket.version, ...extra });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDetailDto;
}

/** A repair reported at `when`, resolved with a note and rated 满意 with a comment (closed). */
async function closedRepair(when: string, description: string): Promise<TicketDetailDto> {
  setClocks(when);
  const resident = (await loginPersona(a, DemoPersona.Resident)).token;
  const assistant = (await loginPersona(a, DemoPersona.Assistant)).token;
  let ticket = await submitTicket(a, resident, { categoryCode: 'bulb', description });
  ticket = await act(ticket, TicketAction.Accept, assistant);
  ticket = await act(ticket, TicketAction.Resolve, assistant, {
    note: '已更换灯泡，住户王女士在场',
  });
  const rated = await a
    .http()
    .post(FeedbackRoutes.ticketRating(ticket.id))
    .set(bearer(resident))
    .send({
      version: ticket.version,
      overall: 'satisfied',
      speed: 5,
      attitude: 5,
      quality: 5,
      comment: '师傅很耐心，我家电话 13800000000',
    });
  if (rated.status !== 200)
    throw new Error(`rating: ${rated.status} ${JSON.stringify(rated.body)}`);
  return ticket;
}

/** Each test starts from its own database and two instances on it (issue #17), with the three tickets. */
beforeEach(async () => {
  ids = {};
  db = await createTestDatabase();
  a = await createTestApp({ database: db, env: ON });
  b = await createTestApp({ database: db, env: ON });
  ids.old = await closedRepair(
    '2024-10-08 10:00',
    '客厅吊灯不亮，家里老人晚上看不见，联系人李阿姨',
  );
  setClocks('2024-10-09 09:00');
  ids.oldOpen = await submitTicket(a, (await loginPersona(a, DemoPersona.Resident)).token, {
    categoryCode: 'bulb',
    description: '阳台灯不亮，一直没人来修',
  });
  ids.recent = await closedRepair('2026-11-20 10:00', '楼道灯坏了');
});
afterEach(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

/** The retention run of a day at 03:00 China time, on one instance. */
async function runOn(day: string) {
  setClocks(`${day} 03:00`);
  return a.app.get(RetentionJob).run();
}

describe('retention', () => {
  it('does nothing when it is off (the default outside production)', async () => {
    const off = await createTestApp();
    try {
      expect(off.config.retention).toEqual({ enabled: false, years: 2, sweepSeconds: 3600 });
      expect(await off.app.get(RetentionJob).run()).toBeNull();
    } finally {
      await off.close();
    }
  });

  it('with two instances runs once a day and anonymises only finished records older than two years', async () => {
    setClocks('2026-12-04 03:00');
    const [ra, rb] = await Promise.all([
      a.app.get(RetentionJob).run(),
      b.app.get(RetentionJob).run(),
    ]);
    const runs = [ra, rb].filter((r): r is RetentionRunDto => r !== null);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      runKey: '2026-12-04',
      years: 2,
      cutoff: cn('2024-12-04 00:00').toISOString(),
    });
    expect(runs[0].counts).toMatchObject({ tickets: 1, ratings: 1 });
    expect(runs[0].counts.events).toBeGreaterThanOrEqual(1);
    expect(await a.app.get(RetentionJob).run()).toBeNull(); // today's run is done

    const tickets = a.dataSource.getRepository(Ticket);
    const old = await tickets.findOneByOrFail({ id: ids.old.id });
    expect(old.description).toBe(ANONYMISED_TEXT);
    expect(old.status).toBe('closed'); // the figures stay
    expect(
      (await a.dataSource.getRepository(TicketEvent).findBy({ ticketId: ids.old.id })).map(
        (e) => e.note,
      ),
    ).toEqual(expect.arrayContaining([null]));
    expect(
      (await a.dataSource.getRepository(TicketEvent).findBy({ ticketId: ids.old.id })).filter(
        (e) => e.note !== null,
      ),
    ).toEqual([]);
    expect(
      (await a.dataSource.getRepository(TicketRating).findOneByOrFail({ ticketId: ids.old.id }))
        .comment,
    ).toBeNull();
    // Open work, however old, and recent work keep their words.
    expect((await tickets.findOneByOrFail({ id: ids.oldOpen.id })).description).toBe(
      '阳台灯不亮，一直没人来修',
    );
    expect((await tickets.findOneByOrFail({ id: ids.recent.id })).description).toBe('楼道灯坏了');
    expect(
      (await a.dataSource.getRepository(TicketRating).findOneByOrFail({ ticketId: ids.recent.id }))
        .comment,
    ).toBe('师傅很耐心，我家电话 13800000000');
  });

  it('the next day finds nothing new, and says so', async () => {
    await runOn('2026-12-04');
    setClocks('2026-12-05 03:00');
    const next = (await a.app.get(RetentionJob).run())!;
    expect(next.counts).toEqual({
      tickets: 0,
      events: 0,
      ratings: 0,
      addenda: 0,
      callbacks: 0,
      attempts: 0,
    });
    expect(next.summary).toContain('工单 0 件');
  });

  it('admins list the runs with what each did; others are refused', async () => {
    await runOn('2026-12-04');
    await runOn('2026-12-05');
    const admin = (await loginPersona(a, DemoPersona.Admin)).token;
    const listed = (
      (await a.http().get(ApiRoutes.retentionRuns).set(bearer(admin)).expect(200))
        .body as Page<RetentionRunDto>
    ).items;
    expect(listed.map((r) => r.runKey)).toEqual(['2026-12-05', '2026-12-04']);
    expect(listed[1].summary).toBe(
      `保存期限 2 年：2024-12-04 前办结的记录已匿名化——工单 1 件，处理记录备注 ${listed[1].counts.events} 条，评价留言 1 条，追评 0 条，回访记录 0 条，回访通话 0 条`,
    );
    const supervisor = (await loginPersona(a, DemoPersona.Supervisor)).token;
    const refused = await a.http().get(ApiRoutes.retentionRuns).set(bearer(supervisor)).expect(403);
    expect(Object.keys(refused.body).sort()).toEqual(['code', 'message']);
  });
});
