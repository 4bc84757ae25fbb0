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
  NotificationKind,
  NotificationPageDto,
  Satisfaction,
  TicketAction,
  TicketDetailDto,
  TicketFeedbackDto,
  TicketStatus,
  UploadDto,
} from '@linli/contracts';
import { CallbackSweeper } from '../src/modules/feedback/callback-sweeper.service';
import { CarePlanner } from '../src/modules/feedback/care-planner.service';
import { CallbackTask } from '../src/modules/feedback/entities/callback-task.entity';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { OutboxMessage } from '../src/modules/outbox/entities/outbox-message.entity';
import { addAssistant, addResident, submitTicket, tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let admin: string;
let colleague: string;
let colleagueId: string;
let neighbour: string;
let guard: string;

// Monday 2026-11-23, 10:00 China time.
const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  admin = (await loginPersona(t, DemoPersona.Admin)).token;
  guard = (await loginPersona(t, DemoPersona.Guard)).token;
  const other = await addAssistant(t, '陈管家', ['1栋']);
  colleagueId = other.id;
  colleague = (await loginOpenid(t, other.openid!)).token;
  const n = await addResident(t, { building: '2栋', unit: '1单元', number: '201', name: '钱先生' });
  neighbour = (await loginOpenid(t, n.openid!)).token;
});
afterAll(() => t?.close());

const detail = async (id: string, token = assistant) =>
  (await t.http().get(ApiRoutes.ticket(id)).set(bearer(token)).expect(200)).body as TicketDetailDto;
const act = (id: string, token: string, body: Record<string, unknown>) =>
  t.http().post(ApiRoutes.ticketActions(id)).set(bearer(token)).send(body);
const rate = (id: string, token: string, body: Record<string, unknown>) =>
  t.http().post(FeedbackRoutes.ticketRating(id)).set(bearer(token)).send(body);
const feedback = async (id: string, token = resident) =>
  (await t.http().get(FeedbackRoutes.ticketFeedback(id)).set(bearer(token)).expect(200))
    .body as TicketFeedbackDto;
const stars = { speed: 5, attitude: 4, quality: 5 };

/** A ticket of the resident, accepted by 李管家 and resolved. */
async function resolved(
  categoryCode = 'bulb',
  description = '客厅灯泡坏了',
  serious = false,
): Promise<TicketDetailDto> {
  const ticket = await submitTicket(t, resident, { categoryCode, description });
  let d = (
    await act(ticket.id, assistant, {
      action: TicketAction.Accept,
      version: ticket.version,
    }).expect(200)
  ).body as TicketDetailDto;
  if (serious) {
    await t
      .http()
      .post(ApiRoutes.ticketClassification(ticket.id))
      .set(bearer(assistant))
      .send({ version: d.version, urgent: false, serious: true, note: '辱骂业主，性质严重' })
      .expect(200);
    d = await detail(ticket.id);
  }
  return (
    await act(ticket.id, assistant, {
      action: TicketAction.Resolve,
      version: d.version,
      note: '已处理',
    }).expect(200)
  ).body as TicketDetailDto;
}

describe('the resident rates a resolved ticket', () => {
  it('is asked to rate when the ticket is resolved: on WeChat with a "please rate" subscription, in the inbox always', async () => {
    const resident2 = await addResident(t, {
      building: '1栋',
      unit: '2单元',
      number: '101',
      name: '林女士',
    });
    const token = (await loginOpenid(t, resident2.openid!)).token;
    await t
      .http()
      .post(ApiRoutes.subscriptions)
      .set(bearer(token))
      .send({ results: { 'demo-tpl-rate_request': 'accept' } })
      .expect(200);
    const mine = await submitTicket(t, token, { categoryCode: 'bulb', description: '卧室灯不亮' });
    const accepted = (
      await act(mine.id, assistant, { action: TicketAction.Accept, version: mine.version }).expect(
        200,
      )
    ).body as TicketDetailDto;
    await act(mine.id, assistant, {
      action: TicketAction.Resolve,
      version: accepted.version,
      note: '已更换',
    }).expect(200);
    const inbox = (
      (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
        .body as NotificationPageDto
    ).items;
    expect(
      inbox.find((n) => n.ticketId === mine.id && n.kind === NotificationKind.RateRequest)?.title,
    ).toBe('您的报事已处理完成，请评价');
    const queued = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { userId: resident2.id, kind: NotificationKind.RateRequest } });
    expect(queued.map((m) => m.templateId)).toEqual(['demo-tpl-rate_request']);
  });

  it('不满意 sends it back as a rectification round and gives the supervisor a callback; then 满意 closes it', async () => {
    const ticket = await resolved();
    expect((await feedback(ticket.id)).canRate).toBe(true);
    const res = await rate(ticket.id, resident, {
      version: ticket.version,
      overall: Satisfaction.Dissatisfied,
      ...stars,
      quality: 1,
      tags: ['没修好'],
      comment: '灯还是不亮',
    }).expect(200);
    const fb = res.body as TicketFeedbackDto;
    expect(fb.ratings).toHaveLength(1);
    expect(fb.ratings[0]).toMatchObject({
      round: 0,
      overall: Satisfaction.Dissatisfied,
      quality: 1,
      tags: ['没修好'],
      comment: '灯还是不亮',
    });
    expect(fb.canRate).toBe(false);
    const reopened = await detail(ticket.id);
    expect(reopened.status).toBe(TicketStatus.Accepted);
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.events.at(-1)).toMatchObject({
      action: TicketAction.Reopen,
      note: '评价：不满意；没修好；灯还是不亮',
    });
    const staffView = await feedback(ticket.id, supervisor);
    expect(staffView.callbacks).toEqual([
      expect.objectContaining({
        reason: CallbackReason.Dissatisfied,
        status: CallbackStatus.Due,
        assigneeName: '张主任',
      }),
    ]);

    const again = (
      await act(ticket.id, assistant, {
        action: TicketAction.Resolve,
        version: reopened.version,
        note: '更换灯座',
      }).expect(200)
    ).body as TicketDetailDto;
    expect((await feedback(ticket.id)).canRate).toBe(true);
    await rate(ticket.id, resident, {
      version: again.version,
      overall: Satisfaction.Satisfied,
      ...stars,
      tags: ['修得好'],
    }).expect(200);
    const closed = await detail(ticket.id);
    expect(closed.status).toBe(TicketStatus.Closed);
    expect(closed.events.at(-1)).toMatchObject({ action: TicketAction.Confirm });
    const final = await feedback(ticket.id);
    expect(final.ratings.map((r) => [r.round, r.overall])).toEqual([
      [0, Satisfaction.Dissatisfied],
      [1, Satisfaction.Satisfied],
    ]);
    expect(final.canAddToRating).toBe(true);
    // The handler's record: both ratings name 李管家 as the handler.
    const rows = await t.dataSource
      .getRepository(TicketRating)
      .find({ where: { ticketId: ticket.id } });
    const liId = (await loginPersona(t, DemoPersona.Assistant)).user.id;
    expect(rows.map((r) => r.handlerId)).toEqual([liId, liId]);
    expect(closed.assigneeName).toBe('李管家');
  });

  it('基本满意 closes it too', async () => {
    const ticket = await resolved();
    await rate(ticket.id, resident, {
      version: ticket.version,
      overall: Satisfaction.Basic,
      ...stars,
    }).expect(200);
    expect((await detail(ticket.id)).status).toBe(TicketStatus.Closed);
  });

  it('only once per round: a second rating is refused and the record stays', async () => {
    const ticket = await resolved();
    await rate(ticket.id, resident, {
      version: ticket.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(200);
    const current = await detail(ticket.id);
    const res = await rate(ticket.id, resident, {
      version: current.version,
      overall: Satisfaction.Dissatisfied,
      ...stars,
    }).expect(409);
    expect(res.body).toMatchObject({
      code: ErrorCode.RATING_ALREADY_GIVEN,
      message: '本次处理已评价过，可以追加评价但不能修改',
    });
    expect((await feedback(ticket.id)).ratings.map((r) => r.overall)).toEqual([
      Satisfaction.Satisfied,
    ]);
    expect((await detail(ticket.id)).status).toBe(TicketStatus.Closed);
  });

  it('an addendum is kept beside the rating and never changes it', async () => {
    const ticket = await resolved();
    await rate(ticket.id, resident, {
      version: ticket.version,
      overall: Satisfaction.Basic,
      ...stars,
      comment: '还行',
    }).expect(200);
    const res = await t
      .http()
      .post(FeedbackRoutes.ticketRatingAddenda(ticket.id))
      .set(bearer(resident))
      .send({ text: '过了一周灯又闪了' })
      .expect(200);
    const fb = res.body as TicketFeedbackDto;
    expect(fb.ratings[0]).toMatchObject({
      overall: Satisfaction.Basic,
      comment: '还行',
      addenda: [{ text: '过了一周灯又闪了', at: expect.any(String) }],
    });
    const empty = await t
      .http()
      .post(FeedbackRoutes.ticketRatingAddenda(ticket.id))
      .set(bearer(resident))
      .send({ text: '' })
      .expect(400);
    expect(empty.body.code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('refuses a ticket that is not resolved, bad stars, and writes nothing', async () => {
    const open = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '楼道灯不亮',
    });
    const res = await rate(open.id, resident, {
      version: open.version,
      overall: Satisfaction.Satisfied,
      ...stars,
    }).expect(409);
    expect(res.body).toMatchObject({
      code: ErrorCode.RATING_NOT_ALLOWED,
      message: '只有处理完成待确认的本户工单可以评价',
    });
    const ticket = await resolved();
    const bad = await rate(ticket.id, resident, {
      version: ticket.version,
      overall: Satisfaction.Satisfied,
      speed: 6,
      attitude: 0,
      quality: 3,
    }).expect(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'attitude',
      'speed',
    ]);
    expect(
      await t.dataSource.getRepository(TicketRating).count({ where: { ticketId: ticket.id } }),
    ).toBe(0);
    expect((await detail(ticket.id)).status).toBe(TicketStatus.Resolved);
  });

  it("another household's resident can neither rate nor read the ticket's feedback; staff cannot rate", async () => {
    const ticket = await resolved();
    expect(
      (
        await rate(ticket.id, neighbour, {
          version: ticket.version,
          overall: Satisfaction.Satisfied,
          ...stars,
        }).expect(404)
      ).body.code,
    ).toBe(ErrorCode.TICKET_NOT_FOUND);
    expect(
      (
        await t
          .http()
          .get(FeedbackRoutes.ticketFeedback(ticket.id))
          .set(bearer(neighbour))
          .expect(404)
      ).body.code,
    ).toBe(ErrorCode.TICKET_NOT_FOUND);
    for (const token of [assistant, supervisor, admin, guard]) {
      expect(
        (
          await rate(ticket.id, token, {
            version: ticket.version,
            overall: Satisfaction.Satisfied,
            ...stars,
          }).expect(403)
        ).body.code,
      ).toBe(ErrorCode.FORBIDDEN);
    }
    expect(
      (await t.http().get(FeedbackRoutes.ticketFeedback(ticket.id)).set(bearer(guard)).expect(403))
        .body.code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        await t
          .http()
          .post(FeedbackRoutes.ticketRatingAddenda(ticket.id))
          .set(bearer(neighbour))
          .send({ text: 'x' })
          .expect(404)
      ).body.code,
    ).toBe(ErrorCode.TICKET_NOT_FOUND);
    expect(
      await t.dataSource.getRepository(TicketRating).count({ where: { ticketId: ticket.id } }),
    ).toBe(0);
  });

  it('a ticket auto-closed without a rating is "not rated", never satisfied', async () => {
    const ticket = await resolved();
    t.clock.set({ now: new Date(MONDAY_10AM.getTime() + 73 * 3600_000), freeze: true });
    await t.app.get(SlaSweeper).sweep();
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    expect((await detail(ticket.id)).status).toBe(TicketStatus.Closed);
    const fb = await feedback(ticket.id);
    expect(fb).toMatchObject({ notRated: true, canRate: false, ratings: [] });
  });
});

describe('callbacks', () => {
  let complaint: TicketDetailDto;
  let task: CallbackTaskDto;

  it('every valid complaint gets one when it closes, for a colleague of the handler (not the handler)', async () => {
    complaint = await resolved('complaint_general', '保洁阿姨态度不好');
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
    task =
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
