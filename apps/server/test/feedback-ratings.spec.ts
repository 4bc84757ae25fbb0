import {
  ApiRoutes,
  CallbackReason,
  CallbackStatus,
  DemoPersona,
  ErrorCode,
  FeedbackRoutes,
  NotificationKind,
  NotificationPageDto,
  Satisfaction,
  TicketAction,
  TicketDetailDto,
  TicketFeedbackDto,
  TicketStatus,
} from '@linli/contracts';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { OutboxMessage } from '../src/modules/outbox/entities/outbox-message.entity';
import { addResident, submitTicket } from './support/builders';
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
let neighbour: string;
let guard: string;

beforeAll(async () => {
  w = await bootFeedbackWorld();
  ({ t, resident, assistant, supervisor, admin, neighbour, guard } = w);
});
afterAll(() => t?.close());

const { detail, act, rate, feedback, resolved } = feedbackHelpers(() => w);

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
