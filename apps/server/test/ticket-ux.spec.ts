import {
  ApiRoutes,
  CallTaskDto,
  CallTaskStatus,
  DemoPersona,
  ErrorCode,
  NotificationPageDto,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
} from '@linli/contracts';
import { TicketEvent } from '../src/modules/tickets/entities/ticket-event.entity';
import { addAssistant, addResident, submitTicket, tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Issue 9: phone tasks end by themselves when what they asked for has happened (item 2); the resident
 * chases (催办) a late ticket, rate-limited (11); the supervisor urges (督办) and reassigns (改派) (13);
 * photos belong to the timeline entry they came with (9).
 */
let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let neighbour: string;
const START = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 China time

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: START, freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  neighbour = (
    await loginOpenid(
      t,
      (await addResident(t, { building: '2栋', unit: '1单元', number: '201', name: '钱先生' }))
        .openid!,
    )
  ).token;
});
afterEach(() => t?.close());
beforeEach(() => t.clock.set({ now: START, freeze: true }));

const minutesLater = (m: number) =>
  t.clock.set({ now: new Date(START.getTime() + m * 60_000), freeze: true });
const view = async (token: string, id: string) =>
  (await t.http().get(ApiRoutes.ticket(id)).set(bearer(token)).expect(200)).body as TicketDetailDto;
const act = (
  token: string,
  ticket: Pick<TicketDetailDto, 'id' | 'version'>,
  action: TicketAction,
  extra: object = {},
) =>
  t
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(token))
    .send({ action, version: ticket.version, ...extra });
const calls = async (token: string, status: CallTaskStatus) =>
  (await t.http().get(ApiRoutes.callTasks).query({ status }).set(bearer(token)).expect(200)).body
    .items as CallTaskDto[];
const inbox = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
      .body as NotificationPageDto
  ).items;
const eventsOf = (id: string, action: TicketAction) =>
  t.dataSource.getRepository(TicketEvent).countBy({ ticketId: id, action });

describe('phone tasks end by themselves (item 2)', () => {
  it("the desk's call asking the assistant to accept ends when they accept; only open calls are counted", async () => {
    const leak = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '厨房水管漏水',
    });
    const open = (await calls(supervisor, CallTaskStatus.Open)).filter(
      (c) => c.ticketId === leak.id,
    );
    expect(open).toEqual([
      expect.objectContaining({ status: CallTaskStatus.Open, purpose: 'accept_ticket' }),
    ]);
    minutesLater(2);
    await act(assistant, leak, TicketAction.Accept).expect(200);
    // What is left is the assistant's call telling the resident it was accepted (WeChat cannot reach them).
    expect(
      (await calls(supervisor, CallTaskStatus.Open))
        .filter((c) => c.ticketId === leak.id)
        .map((c) => c.purpose),
    ).toEqual(['tell_resident']);
    const ended = (await calls(supervisor, CallTaskStatus.Ended)).find((c) => c.id === open[0].id);
    expect(ended).toMatchObject({
      status: CallTaskStatus.Ended,
      outcome: '工单已受理，无需再拨打',
      doneAt: '2026-11-23T02:02:00.000Z',
    });
    // An ended task cannot be "done" afterwards.
    const late = await t
      .http()
      .post(ApiRoutes.callTaskDone(open[0].id))
      .set(bearer(supervisor))
      .send({ outcome: '已通知' })
      .expect(409);
    expect(late.body.code).toBe(ErrorCode.CALL_TASK_DONE);
  });

  it("the assistant's call asking the resident to confirm ends when the resident confirms", async () => {
    const leak = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '卫生间漏水',
    });
    await act(assistant, leak, TicketAction.Accept).expect(200);
    let current = await view(assistant, leak.id);
    await act(assistant, current, TicketAction.Resolve).expect(200);
    const ask = (await calls(assistant, CallTaskStatus.Open)).filter((c) => c.ticketId === leak.id);
    expect(ask).toHaveLength(1);
    expect(ask[0].reason).toContain('请评价');
    current = await view(resident, leak.id);
    await act(resident, current, TicketAction.Confirm).expect(200);
    expect(
      (await calls(assistant, CallTaskStatus.Open)).filter((c) => c.ticketId === leak.id),
    ).toEqual([]);
    expect(
      (await calls(assistant, CallTaskStatus.Ended)).find((c) => c.id === ask[0].id)?.outcome,
    ).toBe('工单已完成，无需再拨打');
  });
});

describe('the resident chases a late ticket (item 11)', () => {
  it('is refused before the limit is close, offered and recorded once it is, then rate-limited', async () => {
    const bulb = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '客厅灯不亮',
    });
    expect(bulb.allowedActions).not.toContain(TicketAction.Chase);
    const early = await act(resident, bulb, TicketAction.Chase).expect(409);
    expect(early.body).toEqual({
      code: ErrorCode.TICKET_CHASE_NOT_DUE,
      message: '报事还未临近处理时限，暂不需要催办',
    });
    expect(await eventsOf(bulb.id, TicketAction.Chase)).toBe(0);

    // 100 of the 120 minutes to respond are used up: close to late.
    minutesLater(100);
    const near = await view(resident, bulb.id);
    expect(near.allowedActions).toContain(TicketAction.Chase);
    const chased = (await act(resident, near, TicketAction.Chase).expect(200))
      .body as TicketDetailDto;
    expect(chased.status).toBe(near.status);
    expect(chased.events.at(-1)).toMatchObject({ action: TicketAction.Chase });
    expect(
      (await inbox(assistant)).find((n) => n.ticketId === bulb.id && n.title === '住户催办'),
    ).toBeDefined();
    // Chased just now: not offered, and refused with a reason, writing nothing.
    expect(chased.allowedActions).not.toContain(TicketAction.Chase);
    minutesLater(130);
    const again = await act(resident, chased, TicketAction.Chase).expect(429);
    expect(again.body).toEqual({
      code: ErrorCode.TICKET_CHASE_TOO_SOON,
      message: '您刚催办过，管家已收到提醒，请稍后再试',
    });
    expect(await eventsOf(bulb.id, TicketAction.Chase)).toBe(1);
    minutesLater(161);
    await act(resident, await view(resident, bulb.id), TicketAction.Chase).expect(200);
    expect(await eventsOf(bulb.id, TicketAction.Chase)).toBe(2);
  });

  it('is refused to staff and to another household', async () => {
    const bulb = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '门厅灯不亮',
    });
    minutesLater(110);
    const current = await view(resident, bulb.id);
    expect((await act(assistant, current, TicketAction.Chase).expect(403)).body.code).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect((await act(neighbour, current, TicketAction.Chase).expect(404)).body.code).toBe(
      ErrorCode.TICKET_NOT_FOUND,
    );
    expect(await eventsOf(bulb.id, TicketAction.Chase)).toBe(0);
  });
});

describe('the supervisor urges and reassigns (item 13)', () => {
  it('督办 needs what to do, reaches the handler and is recorded; 改派 hands it to another assistant', async () => {
    const bulb = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '楼道灯坏了',
    });
    await act(assistant, bulb, TicketAction.Accept).expect(200);
    const accepted = await view(supervisor, bulb.id);
    expect(accepted.allowedActions).toEqual(
      expect.arrayContaining([TicketAction.Urge, TicketAction.Assign]),
    );
    const bare = await act(supervisor, accepted, TicketAction.Urge).expect(400);
    expect(bare.body.code).toBe(ErrorCode.TICKET_REASON_REQUIRED);
    expect(await eventsOf(bulb.id, TicketAction.Urge)).toBe(0);
    const urged = (
      await act(supervisor, accepted, TicketAction.Urge, { note: '今天 12:00 前上门' }).expect(200)
    ).body as TicketDetailDto;
    expect(urged.status).toBe(TicketStatus.Accepted);
    expect(urged.events.at(-1)).toMatchObject({
      action: TicketAction.Urge,
      note: '今天 12:00 前上门',
    });
    expect(
      (await inbox(assistant)).find((n) => n.ticketId === bulb.id && n.title === '主管督办')?.body,
    ).toContain('今天 12:00 前上门');
    // Nobody but the supervisor (or an admin) urges.
    expect(
      (await act(assistant, urged, TicketAction.Urge, { note: '自己督办' }).expect(403)).body.code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (await act(resident, urged, TicketAction.Urge, { note: '督办' }).expect(403)).body.code,
    ).toBe(ErrorCode.FORBIDDEN);

    const colleague = await addAssistant(t, '赵管家', ['1栋']);
    const moved = (
      await act(supervisor, urged, TicketAction.Assign, { assigneeId: colleague.id }).expect(200)
    ).body as TicketDetailDto;
    expect(moved).toMatchObject({ status: TicketStatus.Assigned, assigneeName: '赵管家' });
  });
});

describe('photos belong to their timeline entry (item 9)', () => {
  it("the resident's photos come with the report, the assistant's with the resolve", async () => {
    const upload = async (token: string) =>
      (
        await t
          .http()
          .post(ApiRoutes.uploads)
          .set(bearer(token))
          .attach('file', tinyPng(), 'p.png')
          .expect(201)
      ).body.id as string;
    const before = await upload(resident);
    const lock = await submitTicket(t, resident, {
      categoryCode: 'lock',
      description: '门锁坏了',
      photoIds: [before],
    });
    await act(assistant, lock, TicketAction.Accept).expect(200);
    const after = await upload(assistant);
    const resolved = (
      await act(assistant, await view(assistant, lock.id), TicketAction.Resolve, {
        photoIds: [after],
      }).expect(200)
    ).body as TicketDetailDto;
    const submitEvent = resolved.events.find((e) => e.action === TicketAction.Submit)!;
    const resolveEvent = resolved.events.find((e) => e.action === TicketAction.Resolve)!;
    const byId = Object.fromEntries(resolved.photos.map((p) => [p.id, p.eventId]));
    expect(byId).toEqual({ [before]: submitEvent.id, [after]: resolveEvent.id });
  });
});

describe('"at the agreed time, at most 7 working days" stays in working days (item 4)', () => {
  it('a Friday-to-Monday pause adds one working day to the cap, not 72 hours', async () => {
    const repair = await submitTicket(t, resident, {
      categoryCode: 'home_repair_other',
      description: '阳台推拉门变形关不上',
      preferredVisitAt: '2026-12-31T07:00:00.000Z',
    });
    await act(assistant, repair, TicketAction.Accept).expect(200);
    const resolveDue = async () =>
      (await view(assistant, repair.id)).milestones.find((m) => m.milestone === 'resolve')?.dueAt;
    // Seven working days after Monday 23 November: 24:00 of Wednesday 2 December (China time).
    expect(await resolveDue()).toBe('2026-12-02T16:00:00.000Z');
    t.clock.set({ now: new Date('2026-11-26T16:00:00Z'), freeze: true }); // Friday 00:00
    await act(assistant, await view(assistant, repair.id), TicketAction.Hold, {
      holdReason: 'waiting_resident',
      note: '住户出差，周一再约',
    }).expect(200);
    t.clock.set({ now: new Date('2026-11-29T16:00:00Z'), freeze: true }); // Monday 00:00
    await act(assistant, await view(assistant, repair.id), TicketAction.Resume).expect(200);
    expect(await resolveDue()).toBe('2026-12-03T16:00:00.000Z');
  });
});
