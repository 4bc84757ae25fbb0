import {
  CallbackCoverageDto,
  DemoPersona,
  FeedbackRoutes,
  MyCallbacksDto,
  TicketFeedbackDto,
  TicketKind,
} from '@linli/contracts';
import { drawMonthlySample } from '@linli/domain';
import { CallbackSample } from '../src/modules/feedback/entities/callback-sample.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { seedFeedbackDemo } from '../src/database/seed/feedback-demo';
import { UnitOfWork } from '../src/database/unit-of-work';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
// Friday 2026-12-04, 10:00 China time: the seed fills November.
const NOW = new Date('2026-12-04T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  // The server tests boot without the demo's ratings (their counts assume an empty community); seed them here.
  await t.app
    .get(UnitOfWork)
    .run((db) => seedFeedbackDemo(db, NOW, t.config.uploadsDir, t.config.feedback.sampling));
});
afterAll(() => t?.close());

describe('the demo ratings and callbacks', () => {
  it("fill last month's 回访抽查 with a realistic, complete month", async () => {
    const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const cov = (
      await t
        .http()
        .get(`${FeedbackRoutes.callbackCoverage}?month=2026-11`)
        .set(bearer(supervisor))
        .expect(200)
    ).body as CallbackCoverageDto;
    expect(cov).toMatchObject({
      month: '2026-11',
      complaints: 10,
      validComplaints: 10,
      majorComplaints: 1,
    });
    expect(cov.figures.map((f) => [f.label, f.done, f.total])).toEqual([
      ['有效投诉回访', 8, 10],
      ['正式抽样回访', 1, 10],
      ['上门签字回访', 1, 1],
      ['主任抽查', 5, 10],
      ['重大投诉抽查', 1, 1],
    ]);
    // The sample meets §8's shares: 10% formal, 30% of those in person, 50% checked by the supervisor.
    expect(cov.figures[1].done / cov.figures[1].total).toBeGreaterThanOrEqual(0.1);
    expect(cov.figures[3].done / cov.figures[3].total).toBeGreaterThanOrEqual(0.5);
    expect(cov.ratings).toEqual({
      rated: 15,
      satisfied: 12,
      basic: 3,
      dissatisfied: 0,
      notRated: 1,
    });
    expect(cov.sample?.tickets.some((s) => s.why.includes('重大投诉'))).toBe(true);
  });

  it('stores a seed that replays the draw', async () => {
    const sample = await t.dataSource
      .getRepository(CallbackSample)
      .findOneByOrFail({ month: '2026-11' });
    const tickets = await t.dataSource
      .getRepository(Ticket)
      .find({ where: { kind: TicketKind.Complaint } });
    const again = drawMonthlySample(
      tickets.map((x) => ({ id: x.id, major: x.serious })),
      sample.seed,
      t.config.feedback.sampling,
    );
    expect(again.items).toEqual(sample.items);
  });

  it('gives 李管家 callbacks due today, overdue and done; a reworked ticket shows both ratings', async () => {
    const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    const mine = (await t.http().get(FeedbackRoutes.myCallbacks).set(bearer(assistant)).expect(200))
      .body as MyCallbacksDto;
    expect([mine.dueToday.length, mine.overdue.length]).toEqual([1, 1]);
    // A care callback has no ticket: it names a resident of the household to call.
    expect(mine.dueToday[0]).toMatchObject({
      reason: 'care',
      ticketId: null,
      residentName: '赵阿姨',
      residentPhone: '13800000101',
      roomLabel: '1栋1单元201室',
    });
    expect(mine.done.length).toBeGreaterThanOrEqual(2);
    expect(mine.done.some((c) => c.signatureId !== null && c.channel === 'in_person')).toBe(true);
    const reworked = await t.dataSource
      .getRepository(Ticket)
      .findOneByOrFail({ description: '单元门禁经常失灵' });
    const fb = (
      await t
        .http()
        .get(FeedbackRoutes.ticketFeedback(reworked.id))
        .set(bearer(assistant))
        .expect(200)
    ).body as TicketFeedbackDto;
    expect(fb.ratings.map((r) => r.overall)).toEqual(['dissatisfied', 'satisfied']);
  });

  it('leaves ticket numbering working (no seeded code is issued again)', async () => {
    const resident = (await loginPersona(t, DemoPersona.Resident)).token;
    await submitTicket(t, resident, { categoryCode: 'bulb', description: '门厅灯不亮' });
  });
});
