import {
  ApiRoutes,
  CommunityTicketFilter,
  DemoPersona,
  ErrorCode,
  HoldReason,
  SlaMilestone,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
  TicketSummaryDto,
} from '@linli/contracts';
import { resolvePolicy } from '@linli/domain';
import { DEFAULT_CATEGORIES } from '../src/modules/categories/category-catalog';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { addAssistant, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;

// 2026-11-23 is a Monday; 01:00Z is 09:00 China time.
const MONDAY_9AM = new Date('2026-11-23T01:00:00Z');

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY_9AM, freeze: true });
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
const at = (minutesAfter9: number) =>
  t.clock.set({ now: new Date(MONDAY_9AM.getTime() + minutesAfter9 * 60_000), freeze: true });

describe('the category catalog', () => {
  it('names only time-limit policies that exist', () => {
    for (const c of DEFAULT_CATEGORIES)
      for (const code of c.slaPolicies)
        expect([c.code, resolvePolicy(code)?.code]).toEqual([c.code, code]);
  });
});

describe('time limits of an emergency leak', () => {
  let id: string;
  /** At 09:08 (80% of the 10-minute arrival limit) the sweep warns the handler. */
  const warned = async () => {
    at(8);
    expect(await sweep()).toMatchObject({ warnings: 1 });
  };
  /** At 09:11 the arrival limit is breached and the sweep escalates to the supervisor. */
  const escalated = async () => {
    await warned();
    at(11);
    expect(await sweep()).toMatchObject({ escalations: 1 });
  };

  beforeEach(async () => {
    at(0);
    id = (
      await submitTicket(t, resident, {
        categoryCode: 'water_leak',
        description: '厨房水管爆了，一直在漏水',
      })
    ).id;
  });

  it('are planned at intake from docs/domain-rules.md §6 and shown with a countdown', async () => {
    const d = await detail(id);
    expect(d.milestones.map((m) => [m.milestone, m.policyName, m.dueAt, m.state])).toEqual([
      [SlaMilestone.Respond, '户内紧急报修', '2026-11-23T01:30:00.000Z', 'ok'],
      [SlaMilestone.Arrive, '户内紧急报修', '2026-11-23T01:10:00.000Z', 'ok'],
      // 7 working days, counted from Tuesday: 24:00 of Wednesday 2026-12-02 China time.
      [SlaMilestone.Resolve, '其他户内维修', '2026-12-02T16:00:00.000Z', 'ok'],
    ]);
    expect(d.sla).toEqual({
      milestone: SlaMilestone.Arrive,
      dueAt: '2026-11-23T01:10:00.000Z',
      state: 'ok',
      remainingMs: 10 * 60_000,
    });
  });

  it('warn the handler at 80% of the limit, once', async () => {
    at(7);
    expect(await sweep()).toMatchObject({ warnings: 0, escalations: 0 });
    at(8);
    expect(await sweep()).toMatchObject({ warnings: 1, escalations: 0 });
    expect(await sweep()).toMatchObject({ checked: 0 });
    const d = await detail(id);
    expect(d.sla).toMatchObject({ milestone: SlaMilestone.Arrive, state: 'warning' });
    expect(d.events.at(-1)).toMatchObject({
      action: TicketAction.SlaWarning,
      actorName: '系统',
      note: '「到场」时限即将到期（截止 2026-11-23 09:10）',
    });
  });

  it('escalate a breach to the supervisor, who sees it in the at-risk list', async () => {
    await warned();
    at(11);
    expect(await sweep()).toMatchObject({ escalations: 1 });
    const d = await detail(id);
    expect(d).toMatchObject({
      escalationLevel: 1,
      sla: { milestone: SlaMilestone.Arrive, state: 'breached', remainingMs: -60_000 },
    });
    expect(d.events.at(-1)).toMatchObject({
      action: TicketAction.Escalate,
      note: '「到场」时限已超（截止 2026-11-23 09:10），已升级至管理处主任',
    });
    const atRisk = (
      await t
        .http()
        .get(ApiRoutes.communityTickets)
        .query({ filter: CommunityTicketFilter.AtRisk })
        .set(bearer(supervisor))
        .expect(200)
    ).body.items as TicketSummaryDto[];
    expect(atRisk.map((x) => x.id)).toContain(id);
    expect(await sweep()).toMatchObject({ escalations: 0 });
  });

  it('go up to the company manager when still open a day later', async () => {
    await escalated();
    at(11 + 24 * 60 - 1);
    expect(await sweep()).toMatchObject({ escalations: 0 });
    at(11 + 24 * 60);
    expect(await sweep()).toMatchObject({ escalations: 1 });
    const d = await detail(id);
    expect(d.escalationLevel).toBe(2);
    expect(d.events.at(-1)).toMatchObject({
      action: TicketAction.Escalate,
      note: '升级 24 小时后仍未完成，已升级至公司经理',
    });
    at(11 + 48 * 60);
    expect(await sweep()).toMatchObject({ escalations: 0 });
  });
});

describe('hold, reopen, auto-close and transfer', () => {
  let id: string;
  let version: number;
  const run = async (token: string, body: Record<string, unknown>, status = 200) => {
    const res = await act(id, token, { version, ...body }).expect(status);
    if (status === 200) version = (res.body as TicketDetailDto).version;
    return res.body as TicketDetailDto & { code?: string; fields?: unknown };
  };

  /** Held at 10:00 waiting for the resident, resumed at 12:00. */
  const heldAndResumed = async () => {
    t.clock.set({ advanceMinutes: 60 });
    await run(assistant, {
      action: TicketAction.Hold,
      holdReason: HoldReason.WaitingResident,
      note: '住户不在家，约下午',
    });
    t.clock.set({ advanceMinutes: 120 });
    await run(assistant, { action: TicketAction.Resume });
  };
  /** ...then resolved, and reopened by the resident half an hour later. */
  const reopened = async () => {
    await heldAndResumed();
    await run(assistant, { action: TicketAction.Resolve, note: '已更换灯泡' });
    t.clock.set({ advanceMinutes: 30 });
    await run(resident, { action: TicketAction.Reopen, note: '灯还是闪' });
  };

  beforeEach(async () => {
    t.clock.set({ now: new Date('2026-11-24T01:00:00Z'), freeze: true }); // Tuesday 09:00
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '客厅灯泡坏了',
    });
    id = ticket.id;
    version = ticket.version;
    await run(assistant, { action: TicketAction.Accept });
  });

  it('a hold needs a reason and pauses the clock; resuming moves the deadline by the pause', async () => {
    const before = (await detail(id)).milestones.find((m) => m.milestone === SlaMilestone.Resolve)!;
    expect(before.dueAt).toBe('2026-11-24T05:00:00.000Z'); // half a day: 4 hours
    expect(
      await run(assistant, { action: TicketAction.Hold, note: '住户不在家' }, 400),
    ).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [{ field: 'holdReason', message: '请选择挂起原因' }],
    });
    expect(
      await run(
        assistant,
        { action: TicketAction.Hold, holdReason: HoldReason.WaitingResident },
        400,
      ),
    ).toMatchObject({ code: ErrorCode.TICKET_REASON_REQUIRED });
    t.clock.set({ advanceMinutes: 60 });
    const held = await run(assistant, {
      action: TicketAction.Hold,
      holdReason: HoldReason.WaitingResident,
      note: '住户不在家，约下午',
    });
    expect(held).toMatchObject({
      status: TicketStatus.OnHold,
      holdReason: HoldReason.WaitingResident,
      sla: {
        milestone: SlaMilestone.Resolve,
        state: 'paused',
        dueAt: null,
        remainingMs: 3 * 3_600_000,
      },
    });
    t.clock.set({ advanceMinutes: 120 });
    expect(await sweep()).toMatchObject({ warnings: 0, escalations: 0 });
    const resumed = await run(assistant, { action: TicketAction.Resume });
    expect(resumed).toMatchObject({ status: TicketStatus.Accepted, holdReason: null });
    expect(resumed.milestones.find((m) => m.milestone === SlaMilestone.Resolve)?.dueAt).toBe(
      '2026-11-24T07:00:00.000Z',
    );
  });

  it('a reopen needs the reason, counts the round and restarts the resolve limit', async () => {
    await heldAndResumed();
    await run(assistant, { action: TicketAction.Resolve, note: '已更换灯泡' });
    expect(await run(resident, { action: TicketAction.Reopen }, 400)).toMatchObject({
      code: ErrorCode.TICKET_REASON_REQUIRED,
      message: '请在备注中说明哪里不满意',
    });
    t.clock.set({ advanceMinutes: 30 });
    const reopened = await run(resident, { action: TicketAction.Reopen, note: '灯还是闪' });
    expect(reopened).toMatchObject({ status: TicketStatus.Accepted, reopenCount: 1 });
    const resolve = reopened.milestones.find((m) => m.milestone === SlaMilestone.Resolve)!;
    expect(resolve).toMatchObject({ state: 'ok', metAt: null });
    expect(Date.parse(resolve.dueAt!) - Date.parse(reopened.updatedAt)).toBe(4 * 3_600_000);
  });

  it("a time agreed with the resident sets the resolve limit; a reopened round gets the policy's own 7 working days", async () => {
    t.clock.set({ now: new Date('2026-11-25T01:00:00Z'), freeze: true }); // Wednesday 09:00
    const agreed = await submitTicket(t, resident, {
      categoryCode: 'home_repair_other',
      description: '阳台推拉门卡住了',
      preferredVisitAt: '2026-11-26T06:00:00.000Z',
    });
    expect(agreed.milestones.find((m) => m.milestone === SlaMilestone.Resolve)?.dueAt).toBe(
      '2026-11-26T06:00:00.000Z',
    );
    let v = (
      await act(agreed.id, assistant, {
        action: TicketAction.Accept,
        version: agreed.version,
      }).expect(200)
    ).body.version;
    v = (await act(agreed.id, assistant, { action: TicketAction.Resolve, version: v }).expect(200))
      .body.version;
    const reopened = (
      await act(agreed.id, resident, {
        action: TicketAction.Reopen,
        version: v,
        note: '门还是卡',
      }).expect(200)
    ).body as TicketDetailDto;
    // Counted from Thursday 2026-11-26: 7 working days end at 24:00 of Friday 2026-12-04.
    expect(reopened.milestones.find((m) => m.milestone === SlaMilestone.Resolve)?.dueAt).toBe(
      '2026-12-04T16:00:00.000Z',
    );
  });

  it('a resolved ticket the resident never answers closes itself after 72 hours', async () => {
    await reopened();
    t.clock.set({ now: new Date('2026-11-25T01:00:00Z'), freeze: true }); // Wednesday 09:00
    const resolved = await run(assistant, { action: TicketAction.Resolve, note: '更换了镇流器' });
    expect(resolved.milestones.every((m) => m.state === 'met')).toBe(true);
    t.clock.set({ advanceMinutes: 72 * 60 - 1 });
    expect(await sweep()).toMatchObject({ autoClosed: 0 });
    t.clock.set({ advanceMinutes: 1 });
    expect(await sweep()).toMatchObject({ autoClosed: 1 });
    const closed = await detail(id, resident);
    expect(closed).toMatchObject({ status: TicketStatus.Closed, sla: null, allowedActions: [] });
    expect(closed.events.at(-1)).toMatchObject({
      action: TicketAction.AutoClose,
      actorName: '系统',
      note: '住户 72 小时内未确认，系统自动完成',
    });
  });

  it('nobody may take a system action', async () => {
    const other = await submitTicket(t, resident, {
      categoryCode: 'lock',
      description: '门锁坏了',
    });
    for (const action of [TicketAction.AutoClose, TicketAction.Escalate, TicketAction.SlaWarning]) {
      await act(other.id, supervisor, { action, version: other.version }).expect(409);
    }
  });

  it('the assignee can transfer to a colleague of the same building, not to themself or an outsider', async () => {
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'lock',
      description: '门锁有点松',
    });
    expect(ticket.assigneeName).toBe('李管家');
    const colleague = await addAssistant(t, '陈管家', ['1栋']);
    const outsider = await addAssistant(t, '周管家', ['2栋']);
    const mine = await detail(ticket.id);
    const self = (await t.http().get(ApiRoutes.me).set(bearer(assistant)).expect(200)).body as {
      id: string;
    };
    await act(ticket.id, assistant, {
      action: TicketAction.Transfer,
      version: mine.version,
      assigneeId: self.id,
    }).expect(400);
    await act(ticket.id, assistant, {
      action: TicketAction.Transfer,
      version: mine.version,
      assigneeId: outsider.id,
    }).expect(400);
    const options = (
      await t.http().get(ApiRoutes.ticketAssignees(ticket.id)).set(bearer(assistant)).expect(200)
    ).body as { name: string; openTickets: number }[];
    expect(options.map((o) => o.name)).toEqual(['陈管家', '李管家']); // least loaded first; 周管家 serves 2栋 only
    expect(options[0].openTickets).toBe(0);
    await t.http().get(ApiRoutes.ticketAssignees(ticket.id)).set(bearer(resident)).expect(403);
    await t.http().get(ApiRoutes.ticketAssignees(ticket.id)).set(bearer(supervisor)).expect(200);
    const moved = (
      await act(ticket.id, assistant, {
        action: TicketAction.Transfer,
        version: mine.version,
        assigneeId: colleague.id,
        note: '我今天休假',
      }).expect(200)
    ).body as TicketDetailDto;
    expect(moved).toMatchObject({ status: TicketStatus.Assigned, assigneeName: '陈管家' });
    const colleagueToken = (await loginOpenid(t, colleague.openid!)).token;
    const outsiderToken = (await loginOpenid(t, outsider.openid!)).token;
    await t.http().get(ApiRoutes.ticketAssignees(ticket.id)).set(bearer(outsiderToken)).expect(404);
    const queue = (await t.http().get(ApiRoutes.myQueue).set(bearer(colleagueToken)).expect(200))
      .body.items as TicketSummaryDto[];
    expect(queue.map((q) => q.id)).toContain(ticket.id);
  });
});
