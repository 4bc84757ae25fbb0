import {
  CallbackReason,
  CallbackStatus,
  CareOccasion,
  CareRoutes,
  DemoPersona,
  NoticeKind,
  NoticeRoutes,
  NotificationKind,
  SurveyRoutes,
  TicketAction,
  type CampaignDto,
  type NoticeDto,
  type SurveyRoundDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { CareFanout } from '../../src/modules/care/care-fanout.service';
import { WeeklyReviewDelivery } from '../../src/modules/dashboard/weekly-review-delivery';
import { FrozenMonthJob } from '../../src/modules/dashboard/frozen-month-job';
import { CallbackSweeper } from '../../src/modules/feedback/callback-sweeper.service';
import { CallbackTask } from '../../src/modules/feedback/entities/callback-task.entity';
import { NoticePublishing } from '../../src/modules/notices/notice-publishing.service';
import { Notification } from '../../src/modules/notifications/entities/notification.entity';
import { User } from '../../src/modules/org/entities/user.entity';
import {
  OutboxMessage,
  OutboxStatus,
} from '../../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../../src/modules/outbox/entities/subscription-credit.entity';
import { OutboxWorker } from '../../src/modules/outbox/outbox-worker.service';
import { Outbox } from '../../src/modules/outbox/outbox.service';
import { SurveySweeper } from '../../src/modules/surveys/survey-sweeper.service';
import { SlaSweeper } from '../../src/modules/tickets/sla-sweeper.service';
import { submitTicket } from '../support/builders';
import { bearer, loginPersona } from '../support/login';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

/**
 * Every scheduled job, on two server instances against one MariaDB (issue #16): each instance runs the
 * same round at the same moment, and every effect happens exactly once, whichever instance got there.
 * A round that fails because the other instance won a race is a bug too: rounds must settle, not throw.
 *
 * To add a job: one `it` that makes work due, runs `both(app => app.get(Job).round())` and counts the
 * effects in the database.
 */
describe('every scheduled job on two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const T0 = new Date('2026-12-07T02:00:00Z'); // Monday 10:00 China time
  const at = (ms: number) => {
    for (const app of [a, b]) app.clock.set({ now: new Date(T0.getTime() + ms), freeze: true });
  };
  /** The same round on both instances at once; both must settle. */
  async function both<T>(round: (t: TestApp) => Promise<T>): Promise<[T, T]> {
    const [x, y] = await Promise.allSettled([round(a), round(b)]);
    if (x.status === 'rejected') throw x.reason;
    if (y.status === 'rejected') throw y.reason;
    return [x.value, y.value];
  }
  const homes = async (n: number): Promise<{ id: string; buildingId: string }[]> =>
    a.dataSource.query(
      `SELECT h.id AS id, r.buildingId AS buildingId FROM household h JOIN room r ON r.id = h.roomId ORDER BY h.id LIMIT ${n}`,
    );
  let supervisor: string;
  let communityId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { LINLI_QUIET_HOURS: '00:00-00:00' };
    a = await createTestApp({ database: db, env });
    b = await createTestApp({ database: db, env });
    at(0);
    supervisor = (await loginPersona(a, DemoPersona.Supervisor)).token;
    communityId = (
      await a.dataSource.getRepository(User).findOneByOrFail({ openid: 'demo-supervisor' })
    ).communityId!;
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('the time-limit sweep escalates each breach once', async () => {
    at(0);
    const resident = (await loginPersona(a, DemoPersona.Resident)).token;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(
        (
          await submitTicket(a, resident, {
            categoryCode: 'water_leak',
            description: `${i} 号漏水`,
          })
        ).id,
      );
    at(11 * 60_000);
    const [x, y] = await both((t) => t.app.get(SlaSweeper).sweep());
    expect(x.escalations + y.escalations).toBe(ids.length);
    const rows: { ticketId: string; n: number }[] = await a.dataSource.query(
      `SELECT ticketId, COUNT(*) AS n FROM ticket_event WHERE action = ? AND ticketId IN (${ids.map(() => '?').join(',')}) GROUP BY ticketId`,
      [TicketAction.Escalate, ...ids],
    );
    expect(rows.map((r) => Number(r.n))).toEqual(ids.map(() => 1));
  });

  it('the outbox delivers each message once', async () => {
    at(0);
    const reader = await a.dataSource
      .getRepository(User)
      .findOneByOrFail({ openid: 'demo-assistant' });
    const template = a.config.outbox.templates[NotificationKind.TicketUpdated]!.id;
    await a.dataSource
      .getRepository(SubscriptionCredit)
      .insert({ userId: reader.id, templateId: template, credits: 200, updatedAt: new Date() });
    await a.dataSource.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) {
        await a.app.get(Outbox).enqueue(tx, reader.id, {
          kind: NotificationKind.TicketUpdated,
          title: '工单进度',
          body: `J${i}`,
          ticketCode: `C${i}`,
          ticketId: null,
          at: T0,
          urgent: false,
        });
      }
    });
    // Drain until nothing of the reader's is left to send. A delivery that failed (WeChat slow under load:
    // the client timed out) is retried after its back-off, so the clock moves past it between rounds; such
    // a retry may reach WeChat a second time (at least once), which is the only way a message may repeat.
    const pendingOf = () =>
      a.dataSource
        .getRepository(OutboxMessage)
        .countBy({ userId: reader.id, status: In([OutboxStatus.Pending, OutboxStatus.Sending]) });
    let retried = 0;
    for (let round = 0; round < 10; round++) {
      at(round * 31 * 60_000); // past the longest back-off (30 min)
      const [x, y] = await both((t) => t.app.get(OutboxWorker).drain());
      retried += x.retried + y.retried;
      if ((await pendingOf()) === 0) break;
    }
    expect(await pendingOf()).toBe(0);
    // Each instance talks to its own local WeChat: together they received every message, and none twice
    // unless a failed delivery was retried.
    const bodies = [a, b]
      .flatMap((t) => t.wechat.local!.delivered)
      .map((d) => d.data.thing3?.value)
      .filter((v) => v?.startsWith('J'));
    expect(new Set(bodies).size).toBe(200);
    expect(bodies.length - 200).toBeLessThanOrEqual(retried);
    expect(
      await a.dataSource
        .getRepository(OutboxMessage)
        .countBy({ userId: reader.id, status: OutboxStatus.Sent }),
    ).toBe(200);
  });

  it('a scheduled notice is published once', async () => {
    at(0);
    const notice = (
      await a
        .http()
        .post(NoticeRoutes.notices)
        .set(bearer(supervisor))
        .send({
          kind: NoticeKind.FinancialReport,
          title: '双实例公示',
          body: '公共收益明细已张贴。',
          target: { buildingIds: [], units: [] },
          publishAt: new Date(T0.getTime() + 3600_000).toISOString(),
        })
        .expect(201)
    ).body as NoticeDto;
    at(3600_000);
    const [x, y] = await both((t) => t.app.get(NoticePublishing).publishDue());
    expect(x + y).toBe(1);
    const published: { publishedAt: Date | null }[] = await a.dataSource.query(
      'SELECT publishedAt FROM notice WHERE id = ?',
      [notice.id],
    );
    expect(published[0].publishedAt).not.toBeNull();
    // No resident is told twice.
    const perUser: { n: number }[] = await a.dataSource.query(
      'SELECT COUNT(*) AS n FROM notification WHERE title LIKE ? GROUP BY userId',
      ['%双实例公示%'],
    );
    expect(perUser.every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('overdue callbacks escalate once', async () => {
    at(0);
    const households = await homes(10);
    const tasks = households.map((h): Partial<CallbackTask> => ({
      id: randomUUID(),
      communityId: communityId,
      buildingId: h.buildingId,
      householdId: h.id,
      ticketId: null,
      sampleId: null,
      reason: CallbackReason.Dissatisfied,
      status: CallbackStatus.Due,
      assigneeId: null,
      careDueOn: null,
      dueAt: new Date(T0.getTime() - 86_400_000),
      nextCheckAt: new Date(T0.getTime() - 86_400_000),
      escalatedAt: null,
      createdAt: new Date(T0.getTime() - 3 * 86_400_000),
    }));
    await a.dataSource.getRepository(CallbackTask).insert(tasks);
    const before = await a.dataSource.getRepository(Notification).countBy({ title: '回访已超期' });
    const [x, y] = await both((t) => t.app.get(CallbackSweeper).sweep());
    expect(x + y).toBe(tasks.length);
    const supervisors = await a.dataSource
      .getRepository(User)
      .count({ where: { role: In(['supervisor']), communityId } });
    const after = await a.dataSource.getRepository(Notification).countBy({ title: '回访已超期' });
    // Each task told the community's supervisors once (department heads are not told).
    expect((after - before) % tasks.length).toBe(0);
    expect(after - before).toBeLessThanOrEqual(tasks.length * supervisors);
    expect(after - before).toBeGreaterThan(0);
    // The daily care planning inside the round did not plan anything twice (unique per household and day).
    const care: { n: number }[] = await a.dataSource.query(
      'SELECT COUNT(*) AS n FROM callback_task WHERE careDueOn IS NOT NULL GROUP BY householdId, careDueOn',
    );
    expect(care.every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('the questionnaire sweep reminds once and closes once', async () => {
    at(0);
    const closesAt = new Date(T0.getTime() + 4 * 86_400_000);
    const round = (
      await a
        .http()
        .post(SurveyRoutes.rounds)
        .set(bearer(supervisor))
        .send({
          questionnaireId: 'builtin:repairs',
          kind: 'ad_hoc',
          title: '双实例调查',
          opensAt: T0.toISOString(),
          closesAt: closesAt.toISOString(),
        })
        .expect(201)
    ).body as SurveyRoundDto;
    const households = await homes(6);
    await a
      .http()
      .post(SurveyRoutes.roundHouseholds(round.id))
      .set(bearer(supervisor))
      .send({ householdIds: households.map((h) => h.id) })
      .expect(200);
    await a.http().post(SurveyRoutes.roundSend(round.id)).set(bearer(supervisor)).expect(200);
    at(2 * 86_400_000 + 3600_000); // 47 h before the close, 11:00 China time
    const [x, y] = await both((t) => t.app.get(SurveySweeper).sweep());
    expect(x.reminded + y.reminded).toBeGreaterThan(0);
    const reminders: { userId: string; n: number }[] = await a.dataSource.query(
      'SELECT userId, COUNT(*) AS n FROM notification WHERE title = ? GROUP BY userId',
      ['提醒：双实例调查即将结束'],
    );
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => Number(r.n) === 1)).toBe(true);
    at(4 * 86_400_000);
    const [p, q] = await both((t) => t.app.get(SurveySweeper).sweep());
    expect(p.closed + q.closed).toBe(1);
  });

  it('a care campaign greets each household once', async () => {
    at(0);
    const body = {
      communityId,
      occasion: CareOccasion.NewYear,
      audience: { buildingIds: [], segments: [] },
      greeting: '新年快乐！',
      channels: { card: true, wechat: false, visit: false },
      gift: null,
    };
    const c = (
      await a.http().post(CareRoutes.campaigns).set(bearer(supervisor)).send(body).expect(201)
    ).body as CampaignDto;
    await a.http().post(CareRoutes.send(c.id)).set(bearer(supervisor)).send({}).expect(200);
    const [x, y] = await both((t) => t.app.get(CareFanout).sweep());
    const progress = (
      (await a.http().get(CareRoutes.campaign(c.id)).set(bearer(supervisor)).expect(200))
        .body as CampaignDto
    ).progress;
    expect(progress.targeted).toBeGreaterThan(0);
    expect(x.sent + y.sent).toBe(progress.sent);
    expect(progress.pending).toBe(0);
    const cards: { n: number }[] = await a.dataSource.query(
      'SELECT COUNT(*) AS n FROM notification WHERE kind = ? AND title = ? GROUP BY userId',
      [NotificationKind.CareGreeting, `${c.title}问候`],
    );
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('the weekly complaint review list is issued once per department head', async () => {
    at(0);
    const [x, y] = await both((t) => t.app.get(WeeklyReviewDelivery).run());
    expect(x + y).toBe(1); // 孙经理, the demo's only department head
    const told: { n: number }[] = await a.dataSource.query(
      'SELECT COUNT(*) AS n FROM notification WHERE title LIKE ? GROUP BY userId',
      ['%投诉复核清单'],
    );
    expect(told.map((r) => Number(r.n))).toEqual([1]);
  });

  it('each community’s last frozen month is stored once', async () => {
    at(0);
    const month = a.app.get(FrozenMonthJob).lastFrozenMonth(a.clock.now());
    const [x, y] = await both((t) => t.app.get(FrozenMonthJob).run());
    const rows: { n: number }[] = await a.dataSource.query(
      'SELECT COUNT(*) AS n FROM indicator_snapshot WHERE month = ? AND scopeKey = ? GROUP BY communityId',
      [month, '*'],
    );
    expect(x + y).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  });
});
