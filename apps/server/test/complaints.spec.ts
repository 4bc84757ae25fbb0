import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  NotificationPageDto,
  SlaMilestone,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
} from '@linli/contracts';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;

// Monday 2026-11-23, 10:00 China time.
const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
});
afterEach(() => t?.close());

const detail = async (id: string, token = assistant) =>
  (await t.http().get(ApiRoutes.ticket(id)).set(bearer(token)).expect(200)).body as TicketDetailDto;
const act = (id: string, token: string, body: Record<string, unknown>) =>
  t.http().post(ApiRoutes.ticketActions(id)).set(bearer(token)).send(body);
const sweep = () => t.app.get(SlaSweeper).sweep();
const inbox = async () =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(resident)).expect(200))
      .body as NotificationPageDto
  ).items;

async function accepted(categoryCode: string, description: string): Promise<TicketDetailDto> {
  const ticket = await submitTicket(t, resident, { categoryCode, description });
  return (
    await act(ticket.id, assistant, {
      action: TicketAction.Accept,
      version: ticket.version,
    }).expect(200)
  ).body as TicketDetailDto;
}

describe('an invalid complaint (docs/domain-rules.md §5: outside the company’s responsibility)', () => {
  const ROAD = '小区门口的市政道路坑洼，下雨积水';
  const judge = (ticket: TicketDetailDto) =>
    act(ticket.id, assistant, {
      action: TicketAction.MarkInvalid,
      version: ticket.version,
      note: '属市政道路，归区城管局管理',
    }).expect(200);
  /** The road complaint, accepted on Monday 10:00 and judged invalid (outside the company's remit). */
  async function judgedInvalid(): Promise<TicketDetailDto> {
    return (await judge(await accepted('complaint_general', ROAD))).body as TicketDetailDto;
  }
  /** ...and left without a reply past its 1-working-day limit, so the sweep escalated it. */
  async function replyLate(): Promise<TicketDetailDto> {
    const ticket = await judgedInvalid();
    t.clock.set({ now: new Date('2026-11-24T16:01:00Z'), freeze: true });
    expect(await sweep()).toMatchObject({ escalations: 1 });
    return ticket;
  }

  it('can be judged invalid only with a written reason, which the server names', async () => {
    const ticket = await accepted('complaint_general', ROAD);
    expect(ticket.allowedActions).toContain(TicketAction.MarkInvalid);
    const res = await act(ticket.id, assistant, {
      action: TicketAction.MarkInvalid,
      version: ticket.version,
    }).expect(400);
    expect(res.body).toMatchObject({
      code: ErrorCode.TICKET_REASON_REQUIRED,
      message: '请在备注中写明判定无效的原因（如属开发商保修、市政设施）',
    });
    expect((await detail(ticket.id)).status).toBe(TicketStatus.Accepted);
  });

  it('starts its own reply limit: the resident must be told within 1 working day', async () => {
    const ticket = (await judge(await accepted('complaint_general', ROAD))).body as TicketDetailDto;
    expect(ticket.status).toBe(TicketStatus.Invalid);
    expect(ticket.allowedActions).toEqual([TicketAction.Reply]);
    const reply = ticket.milestones.filter(
      (m) => m.milestone === SlaMilestone.Reply && m.state !== 'met',
    );
    // One working day from Monday 10:00: the end of Tuesday, China time.
    expect(reply.map((m) => [m.policyName, m.dueAt])).toEqual([
      ['无效投诉解释', '2026-11-24T16:00:00.000Z'],
    ]);
    expect(ticket.sla).toMatchObject({
      milestone: SlaMilestone.Reply,
      dueAt: '2026-11-24T16:00:00.000Z',
    });
    // The resident is not told by the status change alone: the reply is what they get.
    expect(
      (await inbox()).filter((n) => n.ticketId === ticket.id && n.title === '关于您投诉的答复'),
    ).toEqual([]);
  });

  it('escalates to the supervisor when the reply is late', async () => {
    const ticket = await judgedInvalid();
    t.clock.set({ now: new Date('2026-11-24T15:59:00Z'), freeze: true });
    await sweep();
    expect((await detail(ticket.id)).escalationLevel).toBe(0);
    t.clock.set({ now: new Date('2026-11-24T16:01:00Z'), freeze: true });
    expect(await sweep()).toMatchObject({ escalations: 1 });
    const d = await detail(ticket.id);
    expect(d.escalationLevel).toBe(1);
    expect(d.events.at(-1)).toMatchObject({
      action: TicketAction.Escalate,
      note: expect.stringContaining('「答复」时限已超'),
    });
  });

  it('closes when the assistant replies, and the resident reads the reply in the inbox', async () => {
    const ticket = await replyLate();
    const current = await detail(ticket.id);
    const res = await act(ticket.id, supervisor, {
      action: TicketAction.Reply,
      version: current.version,
      note: '您反映的道路属市政设施，我们已代为向区城管局报送，请谅解',
    }).expect(200);
    const closed = res.body as TicketDetailDto;
    expect(closed.status).toBe(TicketStatus.Closed);
    expect(closed.milestones.find((m) => m.policyName === '无效投诉解释')?.state).toBe('met');
    const news = (await inbox()).find(
      (n) => n.ticketId === ticket.id && n.title === '关于您投诉的答复',
    );
    expect(news?.body).toBe('您反映的道路属市政设施，我们已代为向区城管局报送，请谅解');
  });

  it('is a judgement about complaints only: a repair cannot be “invalid”', async () => {
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    const repair = await accepted('bulb', '客厅灯不亮');
    expect(repair.allowedActions).not.toContain(TicketAction.MarkInvalid);
    const res = await act(repair.id, assistant, {
      action: TicketAction.MarkInvalid,
      version: repair.version,
      note: '不是我们的',
    }).expect(409);
    expect(res.body).toMatchObject({
      code: ErrorCode.TICKET_ACTION_NOT_ALLOWED,
      message: '只有投诉可以判定为无效投诉',
    });
    expect((await detail(repair.id)).status).toBe(TicketStatus.Accepted);
  });

  it('cannot be judged by the resident who complained', async () => {
    const other = await accepted('complaint_general', '垃圾桶太少');
    await act(other.id, resident, {
      action: TicketAction.MarkInvalid,
      version: other.version,
      note: '算了',
    }).expect(403);
  });
});

describe('a ticket forwarded to the developer or an outside agency', () => {
  const CEILING = '新交房，卫生间吊顶渗水（保修期内）';
  /** The ceiling leak, accepted on Monday 10:00, handed to the developer half an hour later. */
  async function forwarded(): Promise<TicketDetailDto> {
    const ticket = await accepted('bulb', CEILING);
    t.clock.set({ advanceMinutes: 30 });
    return (
      await act(ticket.id, assistant, {
        action: TicketAction.Forward,
        version: ticket.version,
        note: '属开发商保修，已转交开发商售后部',
      }).expect(200)
    ).body as TicketDetailDto;
  }
  /** ...and followed up once: the developer has scheduled the visit. */
  async function followedUp(): Promise<TicketDetailDto> {
    const ticket = await forwarded();
    return (
      await act(ticket.id, assistant, {
        action: TicketAction.FollowUp,
        version: ticket.version,
        note: '开发商已排期周四上门',
      }).expect(200)
    ).body as TicketDetailDto;
  }

  it('is handed over with a note saying to whom; the clock stops and the resident is told', async () => {
    let ticket = await accepted('bulb', CEILING);
    const resolveBefore = ticket.milestones.find((m) => m.milestone === SlaMilestone.Resolve)!;
    await act(ticket.id, assistant, {
      action: TicketAction.Forward,
      version: ticket.version,
    }).expect(400);
    t.clock.set({ advanceMinutes: 30 });
    const res = await act(ticket.id, assistant, {
      action: TicketAction.Forward,
      version: ticket.version,
      note: '属开发商保修，已转交开发商售后部',
    }).expect(200);
    ticket = res.body as TicketDetailDto;
    expect(ticket.status).toBe(TicketStatus.Forwarded);
    expect(ticket.sla).toMatchObject({
      milestone: SlaMilestone.Resolve,
      state: 'paused',
      dueAt: null,
    });
    expect(ticket.allowedActions).toEqual(
      expect.arrayContaining([TicketAction.FollowUp, TicketAction.Resolve, TicketAction.Resume]),
    );
    // Nothing is swept while an outside party has it, however long that takes.
    t.clock.set({ advanceMinutes: 7 * 24 * 60 });
    await sweep();
    // A week on, sessions have expired: sign in again.
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    const paused = await detail(ticket.id);
    expect(paused.escalationLevel).toBe(0);
    expect(
      paused.events.filter(
        (e) => e.action === TicketAction.SlaWarning || e.action === TicketAction.Escalate,
      ),
    ).toEqual([]);
    expect(paused.sla).toMatchObject({ state: 'paused' });
    expect(new Date(resolveBefore.dueAt!).getTime()).toBeLessThan(t.clock.now().getTime());
    const news = (await inbox()).find(
      (n) => n.ticketId === ticket.id && n.title === '您的报事已转交相关单位处理，我们会持续跟进',
    );
    expect(news).toBeDefined();
  });

  it('is followed: each follow-up is recorded and keeps it forwarded', async () => {
    let ticket = await forwarded();
    const res = await act(ticket.id, assistant, {
      action: TicketAction.FollowUp,
      version: ticket.version,
      note: '开发商已排期周四上门',
    }).expect(200);
    ticket = res.body as TicketDetailDto;
    expect(ticket.status).toBe(TicketStatus.Forwarded);
    expect(ticket.events.at(-1)).toMatchObject({
      action: TicketAction.FollowUp,
      fromStatus: TicketStatus.Forwarded,
      toStatus: TicketStatus.Forwarded,
      note: '开发商已排期周四上门',
    });
  });

  it('is resolved when the outside party has done the work, and the resident confirms', async () => {
    let ticket = await followedUp();
    const res = await act(ticket.id, assistant, {
      action: TicketAction.Resolve,
      version: ticket.version,
      note: '开发商已修复吊顶',
    }).expect(200);
    ticket = res.body as TicketDetailDto;
    expect(ticket.status).toBe(TicketStatus.Resolved);
    const mine = await detail(ticket.id, resident);
    expect(mine.allowedActions).toEqual(
      expect.arrayContaining([TicketAction.Confirm, TicketAction.Reopen]),
    );
    const closed = (
      await act(ticket.id, resident, {
        action: TicketAction.Confirm,
        version: mine.version,
      }).expect(200)
    ).body as TicketDetailDto;
    expect(closed.status).toBe(TicketStatus.Closed);
  });
});
