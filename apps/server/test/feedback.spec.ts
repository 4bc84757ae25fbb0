import {
  ApiRoutes,
  CallbackChannel,
  CallbackCoverageDto,
  CallbackOutcome,
  CallbackReason,
  CallbackStatus,
  CallbackTaskDto,
  DemoPersona,
  ErrorCode,
  FeedbackRoutes,
  MyCallbacksDto,
  Satisfaction,
  TicketAction,
  TicketDetailDto,
  UploadDto,
} from '@linli/contracts';
import { CallbackSweeper } from '../src/modules/feedback/callback-sweeper.service';
import { CarePlanner } from '../src/modules/feedback/care-planner.service';
import { CallbackTask } from '../src/modules/feedback/entities/callback-task.entity';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { addAssistant, addResident, submitTicket, tinyPng } from './support/builders';
import {
  bootFeedbackWorld,
  FeedbackWorld,
  feedbackHelpers,
  MONDAY_10AM,
  stars,
} from './support/feedback-world';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { TestApp } from './support/test-app';

let w: FeedbackWorld;
let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let admin: string;
let colleague: string;
let colleagueId: string;
let guard: string;

beforeAll(async () => {
  w = await bootFeedbackWorld();
  ({ t, resident, assistant, supervisor, admin, colleague, colleagueId, guard } = w);
});
afterAll(() => t?.close());

const { act, rate, feedback, resolved } = feedbackHelpers(() => w);

/**
 * A complaint of 王女士's resolved by 李管家 and rated, on Monday at 10:00, with the callback it got (its
 * colleague's view): each test that works a callback makes its own (issue #17).
 */
async function complaintWithCallback(description: string) {
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  const complaint = await resolved('complaint_general', description);
  await rate(complaint.id, resident, {
    version: complaint.version,
    overall: Satisfaction.Satisfied,
    ...stars,
  }).expect(200);
  const row = await t.dataSource
    .getRepository(CallbackTask)
    .findOneByOrFail({ ticketId: complaint.id });
  const task = (
    await t.http().get(FeedbackRoutes.callback(row.id)).set(bearer(colleague)).expect(200)
  ).body as CallbackTaskDto;
  return { complaint, task };
}

describe('callbacks', () => {
  it('every valid complaint gets one when it closes, for a colleague of the handler (not the handler)', async () => {
    const complaint = await resolved('complaint_general', '保洁阿姨态度不好');
    await rate(complaint.id, resident, {
      version: complaint.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const tasks = await t.dataSource
      .getRepository(CallbackTask)
      .find({ where: { ticketId: complaint.id } });
    expect(tasks.map((x) => [x.reason, x.assigneeId])).toEqual([
      [CallbackReason.Complaint, colleagueId],
    ]);
    const mine = (await t.http().get(FeedbackRoutes.myCallbacks).set(bearer(colleague)).expect(200))
      .body as MyCallbacksDto;
    const task =
      [...mine.dueToday, ...mine.overdue, ...mine.upcoming, ...mine.done].find(
        (c) => c.ticketId === complaint.id,
      ) ??
      (await t.http().get(FeedbackRoutes.callback(tasks[0].id)).set(bearer(colleague)).expect(200))
        .body;
    expect(task).toMatchObject({
      reason: CallbackReason.Complaint,
      status: CallbackStatus.Due,
      roomLabel: expect.stringContaining('1栋'),
      residentName: '王女士',
    });
    // Due in two days: listed under 未到期, workable now.
    expect(mine.upcoming.map((c) => c.id)).toContain(task.id);
    expect(task.questions.length).toBeGreaterThan(0);
  });

  it('an auto-closed complaint gets one too; one judged invalid does not', async () => {
    const auto = await resolved('complaint_general', '垃圾桶满了没人清');
    t.clock.set({ now: new Date(MONDAY_10AM.getTime() + 73 * 3600_000), freeze: true });
    await t.app.get(SlaSweeper).sweep();
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    expect(
      await t.dataSource
        .getRepository(CallbackTask)
        .count({ where: { ticketId: auto.id, reason: CallbackReason.Complaint } }),
    ).toBe(1);
    const invalid = await submitTicket(t, resident, {
      categoryCode: 'complaint_general',
      description: '市政道路坑洼',
    });
    const accepted = (
      await act(invalid.id, assistant, {
        action: TicketAction.Accept,
        version: invalid.version,
      }).expect(200)
    ).body as TicketDetailDto;
    const marked = (
      await act(invalid.id, assistant, {
        action: TicketAction.MarkInvalid,
        version: accepted.version,
        note: '属市政',
      }).expect(200)
    ).body as TicketDetailDto;
    await act(invalid.id, assistant, {
      action: TicketAction.Reply,
      version: marked.version,
      note: '已代为报送城管',
    }).expect(200);
    expect(
      await t.dataSource.getRepository(CallbackTask).count({ where: { ticketId: invalid.id } }),
    ).toBe(0);
  });

  it('the handler may not record it (company default); strangers get 404 / 403', async () => {
    const { task } = await complaintWithCallback('保洁阿姨态度不好');
    const res = await t
      .http()
      .post(FeedbackRoutes.callbackAttempts(task.id))
      .set(bearer(assistant))
      .send({
        outcome: CallbackOutcome.Satisfied,
        channel: CallbackChannel.Phone,
        residentWords: '满意',
      })
      .expect(403);
    expect(res.body).toMatchObject({ code: ErrorCode.CALLBACK_HANDLER_NOT_ALLOWED });
    const outsider = await addAssistant(t, '周管家', ['3栋']);
    const outsiderToken = (await loginOpenid(t, outsider.openid!)).token;
    expect(
      (
        await t
          .http()
          .post(FeedbackRoutes.callbackAttempts(task.id))
          .set(bearer(outsiderToken))
          .send({
            outcome: CallbackOutcome.Satisfied,
            channel: CallbackChannel.Phone,
            residentWords: '满意',
          })
          .expect(404)
      ).body.code,
    ).toBe(ErrorCode.CALLBACK_NOT_FOUND);
    for (const token of [resident, admin, guard]) {
      expect(
        (
          await t
            .http()
            .post(FeedbackRoutes.callbackAttempts(task.id))
            .set(bearer(token))
            .send({ outcome: CallbackOutcome.Satisfied, channel: CallbackChannel.Phone })
            .expect(403)
        ).body.code,
      ).toBe(ErrorCode.FORBIDDEN);
      expect(
        (await t.http().get(FeedbackRoutes.myCallbacks).set(bearer(token)).expect(403)).body.code,
      ).toBe(ErrorCode.FORBIDDEN);
    }
  });

  it('unreachable twice then reached: retries on later days, the words and channel kept', async () => {
    const { complaint, task } = await complaintWithCallback('保洁阿姨态度不好');
    const first = (
      await t
        .http()
        .post(FeedbackRoutes.callbackAttempts(task.id))
        .set(bearer(colleague))
        .send({ outcome: CallbackOutcome.Unreachable, channel: CallbackChannel.Phone })
        .expect(200)
    ).body as CallbackTaskDto;
    expect(first).toMatchObject({
      status: CallbackStatus.Retrying,
      attempts: 1,
      dueAt: new Date(MONDAY_10AM.getTime() + 86_400_000).toISOString(),
    });
    const noWords = await t
      .http()
      .post(FeedbackRoutes.callbackAttempts(task.id))
      .set(bearer(colleague))
      .send({ outcome: CallbackOutcome.Satisfied, channel: CallbackChannel.Phone })
      .expect(400);
    expect(noWords.body.fields).toEqual([{ field: 'residentWords', message: '请记录住户的意见' }]);
    const done = (
      await t
        .http()
        .post(FeedbackRoutes.callbackAttempts(task.id))
        .set(bearer(colleague))
        .send({
          outcome: CallbackOutcome.Satisfied,
          channel: CallbackChannel.Phone,
          residentWords: '态度改善了，满意',
        })
        .expect(200)
    ).body as CallbackTaskDto;
    expect(done).toMatchObject({
      status: CallbackStatus.Done,
      attempts: 2,
      outcome: CallbackOutcome.Satisfied,
      channel: CallbackChannel.Phone,
      residentWords: '态度改善了，满意',
      doneByName: '陈管家',
    });
    const closed = await t
      .http()
      .post(FeedbackRoutes.callbackAttempts(task.id))
      .set(bearer(colleague))
      .send({
        outcome: CallbackOutcome.Satisfied,
        channel: CallbackChannel.Phone,
        residentWords: '再来',
      })
      .expect(409);
    expect(closed.body.code).toBe(ErrorCode.CALLBACK_CLOSED);
    // The resident's opinion is on the ticket's record.
    expect((await feedback(complaint.id)).callbacks.find((c) => c.id === task.id)).toMatchObject({
      outcome: CallbackOutcome.Satisfied,
      residentWords: '态度改善了，满意',
    });
  });

  it('three failed attempts record it as unreachable', async () => {
    const c = await resolved('complaint_general', '电梯广告太吵');
    await rate(c.id, resident, {
      version: c.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const id = (await t.dataSource.getRepository(CallbackTask).findOneByOrFail({ ticketId: c.id }))
      .id;
    const statuses: CallbackStatus[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (
          (
            await t
              .http()
              .post(FeedbackRoutes.callbackAttempts(id))
              .set(bearer(supervisor))
              .send({ outcome: CallbackOutcome.Unreachable, channel: CallbackChannel.Phone })
              .expect(200)
          ).body as CallbackTaskDto
        ).status,
      );
    }
    expect(statuses).toEqual([
      CallbackStatus.Retrying,
      CallbackStatus.Retrying,
      CallbackStatus.Unreachable,
    ]);
  });

  it('in person needs a signature that belongs to this callback alone', async () => {
    const c = await resolved('complaint_general', '绿化带被占用');
    await rate(c.id, resident, {
      version: c.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const c2 = await resolved('complaint_general', '快递柜收费不合理');
    await rate(c2.id, resident, {
      version: c2.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const [a, b] = await Promise.all(
      [c.id, c2.id].map((ticketId) =>
        t.dataSource.getRepository(CallbackTask).findOneByOrFail({ ticketId }),
      ),
    );
    const body = {
      outcome: CallbackOutcome.Satisfied,
      channel: CallbackChannel.InPerson,
      residentWords: '满意，已签字',
    };
    expect(
      (
        await t
          .http()
          .post(FeedbackRoutes.callbackAttempts(a.id))
          .set(bearer(colleague))
          .send(body)
          .expect(400)
      ).body.code,
    ).toBe(ErrorCode.CALLBACK_SIGNATURE_REQUIRED);
    // Someone else's upload is refused.
    const foreign = (
      await t
        .http()
        .post(ApiRoutes.uploads)
        .set(bearer(resident))
        .attach('file', tinyPng(), 'sig.png')
        .expect(201)
    ).body as UploadDto;
    expect(
      (
        await t
          .http()
          .post(FeedbackRoutes.callbackAttempts(a.id))
          .set(bearer(colleague))
          .send({ ...body, signatureId: foreign.id })
          .expect(404)
      ).body.code,
    ).toBe(ErrorCode.UPLOAD_NOT_FOUND);
    const sig = (
      await t
        .http()
        .post(ApiRoutes.uploads)
        .set(bearer(colleague))
        .attach('file', tinyPng(), 'sig.png')
        .expect(201)
    ).body as UploadDto;
    const done = (
      await t
        .http()
        .post(FeedbackRoutes.callbackAttempts(a.id))
        .set(bearer(colleague))
        .send({ ...body, signatureId: sig.id })
        .expect(200)
    ).body as CallbackTaskDto;
    expect(done).toMatchObject({
      status: CallbackStatus.Done,
      channel: CallbackChannel.InPerson,
      signatureId: sig.id,
    });
    // The same image cannot sign another callback.
    expect(
      (
        await t
          .http()
          .post(FeedbackRoutes.callbackAttempts(b.id))
          .set(bearer(colleague))
          .send({ ...body, signatureId: sig.id })
          .expect(404)
      ).body.code,
    ).toBe(ErrorCode.UPLOAD_NOT_FOUND);
    expect(
      (await t.dataSource.getRepository(CallbackTask).findOneByOrFail({ id: b.id })).status,
    ).toBe(CallbackStatus.Due);
  });

  it('an overdue callback escalates to the supervisor once', async () => {
    const c = await resolved('complaint_general', '夜间施工噪音');
    await rate(c.id, resident, {
      version: c.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const sweeper = t.app.get(CallbackSweeper);
    t.clock.set({ now: new Date(MONDAY_10AM.getTime() + 3 * 86_400_000), freeze: true });
    const first = await sweeper.sweep();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sweeper.sweep()).toBe(0);
    const row = await t.dataSource.getRepository(CallbackTask).findOneByOrFail({ ticketId: c.id });
    expect(row.escalatedAt).not.toBeNull();
    const inbox = (await t.http().get(ApiRoutes.notifications).set(bearer(supervisor)).expect(200))
      .body.items as { title: string; ticketId: string }[];
    expect(inbox.some((n) => n.title === '回访已超期' && n.ticketId === c.id)).toBe(true);
    t.clock.set({ now: MONDAY_10AM, freeze: true });
  });
});

describe("the month's sample and the supervisor's coverage", () => {
  it('draws once per month from a stored seed, includes the major complaint, and shows coverage', async () => {
    // The month's other complaints, made here (issue #17): five rated, and one closed unrated by the sweep.
    for (const words of [
      '楼道灯不亮',
      '快递柜占道',
      '电梯广告太吵',
      '垃圾桶满了没人清',
      '绿化带被占用',
    ])
      await complaintWithCallback(words);
    await resolved('complaint_general', '车库积水没人管');
    t.clock.set({ now: new Date(MONDAY_10AM.getTime() + 73 * 3600_000), freeze: true });
    await t.app.get(SlaSweeper).sweep();
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    const major = await resolved('complaint_general', '管家辱骂业主', true);
    await rate(major.id, resident, {
      version: major.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const res = await t
      .http()
      .post(FeedbackRoutes.callbackSamples)
      .set(bearer(supervisor))
      .send({ month: '2026-11' })
      .expect(200);
    const cov = res.body as CallbackCoverageDto;
    expect(cov.month).toBe('2026-11');
    expect(cov.validComplaints).toBeGreaterThanOrEqual(6);
    expect(cov.majorComplaints).toBe(1);
    const sample = cov.sample!;
    expect(sample.tickets.find((x) => x.ticketId === major.id)?.why).toContain(
      '重大投诉，主任必查',
    );
    const formal = sample.tickets.filter((x) => x.why.includes('正式回访'));
    expect(formal).toHaveLength(Math.ceil(cov.validComplaints / 10));
    expect(sample.tickets.filter((x) => x.why.includes('主任')).length).toBe(
      Math.ceil(cov.validComplaints / 2),
    );
    expect(cov.figures.map((f) => f.label)).toEqual([
      '有效投诉回访',
      '正式抽样回访',
      '上门签字回访',
      '主任抽查',
      '重大投诉抽查',
    ]);
    // Drawing again returns the stored draw.
    const again = (
      await t
        .http()
        .post(FeedbackRoutes.callbackSamples)
        .set(bearer(supervisor))
        .send({ month: '2026-11' })
        .expect(200)
    ).body as CallbackCoverageDto;
    expect(again.sample).toEqual(sample);
    const coverage = (
      await t
        .http()
        .get(`${FeedbackRoutes.callbackCoverage}?month=2026-11`)
        .set(bearer(supervisor))
        .expect(200)
    ).body as CallbackCoverageDto;
    expect(coverage.sample?.seed).toBe(sample.seed);
    expect(coverage.ratings.rated).toBeGreaterThan(0);
    expect(coverage.ratings.notRated).toBeGreaterThanOrEqual(1);
  });

  it('refuses anyone but a supervisor, and a malformed month', async () => {
    for (const token of [resident, assistant, admin, guard]) {
      expect(
        (await t.http().get(FeedbackRoutes.callbackCoverage).set(bearer(token)).expect(403)).body
          .code,
      ).toBe(ErrorCode.FORBIDDEN);
      expect(
        (
          await t
            .http()
            .post(FeedbackRoutes.callbackSamples)
            .set(bearer(token))
            .send({})
            .expect(403)
        ).body.code,
      ).toBe(ErrorCode.FORBIDDEN);
    }
    expect(
      (
        await t
          .http()
          .get(`${FeedbackRoutes.callbackCoverage}?month=2026-13`)
          .set(bearer(supervisor))
          .expect(400)
      ).body.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
  });
});

describe('care callbacks (a month after moving in, then every six months)', () => {
  it('puts one on the building assistant’s list, not while a complaint is open, and never twice', async () => {
    const calm = await addResident(t, {
      building: '2栋',
      unit: '2单元',
      number: '301',
      name: '冯先生',
    });
    const upset = await addResident(t, {
      building: '2栋',
      unit: '2单元',
      number: '302',
      name: '韩女士',
    });
    const upsetToken = (await loginOpenid(t, upset.openid!)).token;
    await submitTicket(t, upsetToken, {
      categoryCode: 'complaint_general',
      description: '楼下烧烤油烟',
    });
    const planner = t.app.get(CarePlanner);
    const repo = t.dataSource.getRepository(CallbackTask);
    const later = new Date(MONDAY_10AM.getTime() + 40 * 86_400_000);
    await planner.planToday(later);
    const calmCare = await repo.find({
      where: { householdId: calm.householdId!, reason: CallbackReason.Care },
    });
    expect(calmCare.map((c) => [c.status, c.careDueOn])).toEqual([
      [CallbackStatus.Due, '2026-12-23'],
    ]);
    // 2栋 is served by 李管家 alone here: the care callback is his.
    expect(calmCare[0].assigneeId).toBe((await loginPersona(t, DemoPersona.Assistant)).user.id);
    expect(
      await repo.count({ where: { householdId: upset.householdId!, reason: CallbackReason.Care } }),
    ).toBe(0);
    // The next day: the calm household's callback is still open, so nothing new.
    expect(await planner.planToday(new Date(later.getTime() + 86_400_000))).toBe(0);
    expect(
      await repo.count({ where: { householdId: calm.householdId!, reason: CallbackReason.Care } }),
    ).toBe(1);
  });
});
