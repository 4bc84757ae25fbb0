import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  NotificationPageDto,
  SlaMilestone,
  TicketAction,
  TicketDetailDto,
  TicketExtensionDto,
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
const resolveDue = async (id: string) =>
  (await detail(id)).milestones.find((m) => m.milestone === SlaMilestone.Resolve)?.dueAt;
const ask = (id: string, body: object, token = assistant) =>
  t.http().post(ApiRoutes.ticketExtensions(id)).set(bearer(token)).send(body);
const decide = (id: string, body: object, token = supervisor) =>
  t.http().post(ApiRoutes.extensionDecision(id)).set(bearer(token)).send(body);
const inboxTitles = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
      .body as NotificationPageDto
  ).items.map((n) => n.title);

async function acceptedCommonRepair(description: string): Promise<TicketDetailDto> {
  const ticket = await submitTicket(t, resident, { categoryCode: 'common_repair', description });
  return (
    await t
      .http()
      .post(ApiRoutes.ticketActions(ticket.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: ticket.version })
      .expect(200)
  ).body as TicketDetailDto;
}

describe('a deadline extension, approved by the supervisor (docs/domain-rules.md §6)', () => {
  const UNTIL = '2026-11-30T10:00:00.000Z'; // Monday 18:00 China time
  /** The broken door-entry board, accepted on Monday 10:00, and 李管家's request to extend it to UNTIL. */
  async function requested() {
    const ticket = await acceptedCommonRepair('单元门禁主板烧坏，需要厂家配件');
    const extension = (
      await ask(ticket.id, { until: UNTIL, reason: '等待厂家配件到货' }).expect(201)
    ).body as TicketExtensionDto;
    return { ticket, extension };
  }

  it('is asked for by the assignee with a reason and a new deadline; nothing moves yet', async () => {
    const ticket = await acceptedCommonRepair('单元门禁主板烧坏，需要厂家配件');
    // 3 working days counted from Tuesday: the end of Thursday.
    expect(await resolveDue(ticket.id)).toBe('2026-11-26T16:00:00.000Z');
    expect(ticket.extensionActions).toEqual({ request: true, decide: false });
    const res = await ask(ticket.id, { until: UNTIL, reason: '等待厂家配件到货' }).expect(201);
    const extension = res.body as TicketExtensionDto;
    expect(extension).toMatchObject({
      status: 'pending',
      milestone: SlaMilestone.Resolve,
      requestedByName: '李管家',
      previousDueAt: '2026-11-26T16:00:00.000Z',
      requestedDueAt: UNTIL,
      reason: '等待厂家配件到货',
    });
    const d = await detail(ticket.id);
    expect(d.extensionActions).toEqual({ request: false, decide: false });
    expect(d.events.at(-1)).toMatchObject({
      action: TicketAction.RequestExtension,
      actorName: '李管家',
      note: '申请将「处理完成」时限由 2026-11-27 00:00 延至 2026-11-30 18:00：等待厂家配件到货',
    });
    expect(await resolveDue(ticket.id)).toBe('2026-11-26T16:00:00.000Z');
    expect(await inboxTitles(supervisor)).toContain('延期申请待审批');
    expect((await detail(ticket.id, supervisor)).extensionActions).toEqual({
      request: false,
      decide: true,
    });
  });

  it('one request at a time, only by the assignee, only to a later deadline, never hidden from staff and never shown to residents', async () => {
    const { ticket } = await requested();
    expect(
      (await ask(ticket.id, { until: '2026-12-01T10:00:00.000Z', reason: '再等等' }).expect(409))
        .body.code,
    ).toBe(ErrorCode.EXTENSION_PENDING);
    await ask(ticket.id, { until: UNTIL, reason: '我来申请' }, supervisor).expect(403);
    await ask(ticket.id, { until: UNTIL, reason: '我来申请' }, resident).expect(403);
    expect((await detail(ticket.id, resident)).extensions).toEqual([]);
    const other = await acceptedCommonRepair('楼道扶手松动');
    const earlier = await ask(other.id, { until: '2026-11-25T10:00:00.000Z', reason: '忙' }).expect(
      400,
    );
    expect(earlier.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '新的期限必须晚于当前期限',
    });
    const tooFar = await ask(other.id, { until: '2027-01-30T10:00:00.000Z', reason: '忙' }).expect(
      400,
    );
    expect(tooFar.body.message).toBe('一次最多延期 30 天');
    expect((await ask(other.id, { until: UNTIL, reason: '   ' }).expect(400)).body.message).toBe(
      '请写明延期原因',
    );
    expect(
      (await ask(other.id, { until: 'next week', reason: '忙' }).expect(400)).body.fields,
    ).toEqual([{ field: 'until', message: '请填写有效的新期限' }]);
  });

  it('the supervisor sees it among the pending requests; assistants do not approve', async () => {
    const { ticket, extension } = await requested();
    const pending = (
      await t.http().get(ApiRoutes.pendingExtensions).set(bearer(supervisor)).expect(200)
    ).body as TicketExtensionDto[];
    expect(pending.map((e) => [e.id, e.ticketCode])).toEqual([[extension.id, ticket.code]]);
    await t.http().get(ApiRoutes.pendingExtensions).set(bearer(assistant)).expect(403);
    await decide(extension.id, { approve: true }, assistant).expect(403);
    expect((await decide(extension.id, { approve: false }).expect(400)).body.message).toBe(
      '驳回时请写明原因',
    );
  });

  it('once approved, the deadline is the approved instant; the old one passes without escalation, the new one escalates', async () => {
    const { ticket, extension } = await requested();
    // Two supervisors' screens deciding at once: exactly one decision is recorded.
    const [a, b] = await Promise.all([
      decide(extension.id, { approve: true, note: '同意，尽快联系厂家' }),
      decide(extension.id, { approve: true, note: '同意' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe(ErrorCode.EXTENSION_DECIDED);
    expect(await resolveDue(ticket.id)).toBe(UNTIL);
    const d = await detail(ticket.id);
    expect(d.extensions[0]).toMatchObject({ status: 'approved', decidedByName: '张主任' });
    expect(d.events.filter((e) => e.action === TicketAction.ApproveExtension)).toHaveLength(1);
    expect(d.extensionActions).toEqual({ request: true, decide: false });
    expect(await inboxTitles(assistant)).toContain('延期申请已批准');
    expect(
      (
        await t.http().get(ApiRoutes.pendingExtensions).set(bearer(supervisor)).expect(200)
      ).body.map((e: TicketExtensionDto) => e.id),
    ).not.toContain(extension.id);

    t.clock.set({ now: new Date('2026-11-27T02:00:00Z'), freeze: true }); // past the old deadline
    await t.app.get(SlaSweeper).sweep();
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    expect((await detail(ticket.id)).escalationLevel).toBe(0);
    t.clock.set({ now: new Date('2026-11-30T10:01:00Z'), freeze: true });
    await t.app.get(SlaSweeper).sweep();
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    const late = await detail(ticket.id);
    expect(late.escalationLevel).toBe(1);
    expect(late.events.at(-1)).toMatchObject({
      action: TicketAction.Escalate,
      note: '「处理完成」时限已超（截止 2026-11-30 18:00），已升级至管理处主任',
    });
  });
});

describe('a refused extension', () => {
  it('keeps the deadline, and the handler reads why', async () => {
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const ticket = await acceptedCommonRepair('地下车库指示牌掉落');
    const ext = (
      await ask(ticket.id, { until: '2026-11-28T10:00:00.000Z', reason: '人手不够' }).expect(201)
    ).body as TicketExtensionDto;
    const res = await decide(ext.id, { approve: false, note: '指示牌安全隐患，按时完成' }).expect(
      200,
    );
    expect(res.body).toMatchObject({
      status: 'rejected',
      decisionNote: '指示牌安全隐患，按时完成',
    });
    expect(await resolveDue(ticket.id)).toBe('2026-11-26T16:00:00.000Z');
    expect((await detail(ticket.id)).events.at(-1)).toMatchObject({
      action: TicketAction.RejectExtension,
      note: '驳回延期申请，「处理完成」时限仍为 2026-11-27 00:00：指示牌安全隐患，按时完成',
    });
    expect(await inboxTitles(assistant)).toContain('延期申请被驳回');
    expect((await decide(ext.id, { approve: true }).expect(409)).body.code).toBe(
      ErrorCode.EXTENSION_DECIDED,
    );
  });
});

describe('an approved extension and a later change of urgency or severity', () => {
  it('keeps the approved deadline: the new classification does not undo the supervisor’s decision', async () => {
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const ticket = await acceptedCommonRepair('消防通道地砖松动');
    const ext = (
      await ask(ticket.id, { until: '2026-11-30T10:00:00.000Z', reason: '等石材' }).expect(201)
    ).body as TicketExtensionDto;
    await decide(ext.id, { approve: true }).expect(200);
    const before = await detail(ticket.id);
    const res = await t
      .http()
      .post(ApiRoutes.ticketClassification(ticket.id))
      .set(bearer(supervisor))
      .send({ version: before.version, urgent: false, serious: true })
      .expect(200);
    expect(
      (res.body as TicketDetailDto).milestones.find((m) => m.milestone === SlaMilestone.Resolve)
        ?.dueAt,
    ).toBe('2026-11-30T10:00:00.000Z');
  });
});
