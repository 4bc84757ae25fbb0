import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  NotificationPageDto,
  TicketAction,
  TicketDetailDto,
  WorkOrderDto,
} from '@linli/contracts';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let engineering: string;

/** Each test starts from its own app (issue #17), on Monday at 10:00. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // Monday 10:00 China time
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  engineering = (await loginPersona(t, DemoPersona.DepartmentHead)).token;
});
afterEach(() => t?.close());

const detail = async (id: string, token = assistant) =>
  (await t.http().get(ApiRoutes.ticket(id)).set(bearer(token)).expect(200)).body as TicketDetailDto;
const titles = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
      .body as NotificationPageDto
  ).items.map((n) => n.title);

/** 王女士's complaint about the garage drain, accepted by 李管家. */
async function acceptedComplaint() {
  const submitted = await submitTicket(t, resident, {
    categoryCode: 'complaint_general',
    description: '地下车库排水沟反复堵塞，车位积水',
  });
  return (
    await t
      .http()
      .post(ApiRoutes.ticketActions(submitted.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: submitted.version })
      .expect(200)
  ).body as TicketDetailDto;
}

/** ...sent up to the supervisor with an escalation slip. */
async function escalatedComplaint() {
  const ticket = await acceptedComplaint();
  return (
    await t
      .http()
      .post(ApiRoutes.ticketEscalationSlip(ticket.id))
      .set(bearer(assistant))
      .send({ version: ticket.version, reason: '排水沟需要工程部疏通改造，管家无法处理' })
      .expect(200)
  ).body as TicketDetailDto;
}

/** The supervisor's work order to engineering for it (GZ20261123-001 on a fresh day). */
const issueOrder = async (ticket: TicketDetailDto) =>
  (
    await t
      .http()
      .post(ApiRoutes.workOrders)
      .set(bearer(supervisor))
      .send({
        department: 'engineering',
        instructions: '疏通车库排水沟，评估加装截水沟',
        dueAt: '2026-11-24T10:00:00.000Z',
        ticketId: ticket.id,
      })
      .expect(201)
  ).body as WorkOrderDto;

describe('an escalation slip and a work order (docs/domain-rules.md §7)', () => {
  it('the handler who cannot solve it sends it up: escalated, on the timeline, the supervisor told', async () => {
    let ticket = await acceptedComplaint();
    expect(ticket).toMatchObject({ canEscalate: true, canIssueWorkOrder: false });
    await t
      .http()
      .post(ApiRoutes.ticketEscalationSlip(ticket.id))
      .set(bearer(assistant))
      .send({ version: ticket.version, reason: ' ' })
      .expect(400);
    await t
      .http()
      .post(ApiRoutes.ticketEscalationSlip(ticket.id))
      .set(bearer(resident))
      .send({ version: ticket.version, reason: '需要工程部' })
      .expect(403);
    const res = await t
      .http()
      .post(ApiRoutes.ticketEscalationSlip(ticket.id))
      .set(bearer(assistant))
      .send({ version: ticket.version, reason: '排水沟需要工程部疏通改造，管家无法处理' })
      .expect(200);
    ticket = res.body as TicketDetailDto;
    expect(ticket.escalationLevel).toBe(1);
    expect(ticket.events.at(-1)).toMatchObject({
      action: TicketAction.EscalationSlip,
      actorName: '李管家',
      note: '工作传签单：排水沟需要工程部疏通改造，管家无法处理',
    });
    expect(await titles(supervisor)).toContain('工作传签单：需要您协调');
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.ticketEscalationSlip(ticket.id))
          .set(bearer(assistant))
          .send({ version: ticket.version - 1, reason: '再报' })
          .expect(409)
      ).body.code,
    ).toBe(ErrorCode.TICKET_STALE);
  });

  it('the supervisor names the department with a work order; its head is told', async () => {
    const ticket = await escalatedComplaint();
    expect((await detail(ticket.id, supervisor)).canIssueWorkOrder).toBe(true);
    const body = {
      department: 'engineering',
      instructions: '疏通车库排水沟，评估加装截水沟',
      dueAt: '2026-11-24T10:00:00.000Z',
      ticketId: ticket.id,
    };
    await t.http().post(ApiRoutes.workOrders).set(bearer(assistant)).send(body).expect(403);
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.workOrders)
          .set(bearer(supervisor))
          .send({ ...body, dueAt: '2026-11-23T01:00:00.000Z' })
          .expect(400)
      ).body.message,
    ).toBe('完成时限必须晚于现在');
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.workOrders)
          .set(bearer(supervisor))
          .send({ ...body, department: 'kitchen' })
          .expect(400)
      ).body.fields,
    ).toEqual([{ field: 'department', message: '请选择责任部门' }]);
    const order = (
      await t.http().post(ApiRoutes.workOrders).set(bearer(supervisor)).send(body).expect(201)
    ).body as WorkOrderDto;
    expect(order).toMatchObject({
      code: 'GZ20261123-001',
      department: 'engineering',
      departmentLabel: '工程部',
      status: 'issued',
      ticketCode: ticket.code,
      issuedByName: '张主任',
      canAccept: false,
    });
    expect((await detail(ticket.id)).events.at(-1)).toMatchObject({
      action: TicketAction.WorkOrder,
      note: `工作安排通知单 GZ20261123-001 下达至工程部：疏通车库排水沟，评估加装截水沟（2026-11-24 18:00 前完成）`,
    });
    expect(await titles(engineering)).toContain('新的工作安排通知单（工程部）');
    const mine = (await t.http().get(ApiRoutes.workOrders).set(bearer(engineering)).expect(200))
      .body.items as WorkOrderDto[];
    expect(mine.map((o) => [o.code, o.canAccept])).toEqual([['GZ20261123-001', true]]);
  });

  it('only the head of that department accepts and completes it; the result lands on the ticket and with the issuer', async () => {
    const ticket = await escalatedComplaint();
    const order = await issueOrder(ticket);
    expect(
      (await t.http().post(ApiRoutes.workOrderAccept(order.id)).set(bearer(supervisor)).expect(403))
        .body.message,
    ).toBe('只有工程部负责人可以办理');
    await t.http().post(ApiRoutes.workOrderAccept(order.id)).set(bearer(assistant)).expect(403);
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.workOrderDone(order.id))
          .set(bearer(engineering))
          .send({ result: '已疏通' })
          .expect(409)
      ).body.message,
    ).toBe('请先接收该工作安排');
    const accepted = (
      await t.http().post(ApiRoutes.workOrderAccept(order.id)).set(bearer(engineering)).expect(200)
    ).body as WorkOrderDto;
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedByName: '孙经理',
      canComplete: true,
    });
    await t.http().post(ApiRoutes.workOrderAccept(order.id)).set(bearer(engineering)).expect(409);
    const done = (
      await t
        .http()
        .post(ApiRoutes.workOrderDone(order.id))
        .set(bearer(engineering))
        .send({ result: '已疏通排水沟，加装截水沟两处' })
        .expect(200)
    ).body as WorkOrderDto;
    expect(done).toMatchObject({
      status: 'done',
      result: '已疏通排水沟，加装截水沟两处',
      late: false,
    });
    const d = await detail(ticket.id);
    expect(d.events.at(-1)).toMatchObject({
      action: TicketAction.WorkOrderDone,
      actorName: '孙经理',
      note: '工程部完成工作安排通知单 GZ20261123-001：已疏通排水沟，加装截水沟两处',
    });
    expect(d.workOrders.map((o) => o.status)).toEqual(['done']);
    expect(await titles(supervisor)).toContain('工程部已完成工作安排');
    expect(await titles(assistant)).toContain('工程部已完成工作安排');
  });

  it('can be issued on the supervisor’s own initiative, without a ticket; residents see no work orders', async () => {
    // The engineering order for the drain is already done when the supervisor issues one of her own.
    const ticket = await escalatedComplaint();
    const drain = await issueOrder(ticket);
    await t.http().post(ApiRoutes.workOrderAccept(drain.id)).set(bearer(engineering)).expect(200);
    await t
      .http()
      .post(ApiRoutes.workOrderDone(drain.id))
      .set(bearer(engineering))
      .send({ result: '已疏通排水沟，加装截水沟两处' })
      .expect(200);
    const own = (
      await t
        .http()
        .post(ApiRoutes.workOrders)
        .set(bearer(supervisor))
        .send({
          department: 'environment',
          instructions: '清理2栋天台杂物',
          dueAt: '2026-11-25T10:00:00.000Z',
        })
        .expect(201)
    ).body as WorkOrderDto;
    expect(own).toMatchObject({
      code: 'GZ20261123-002',
      ticketId: null,
      departmentLabel: '环境部',
    });
    // No environment head on file: the community's supervisors keep it in view.
    expect(
      (await t.http().get(ApiRoutes.workOrders).set(bearer(supervisor)).expect(200)).body.items.map(
        (o: WorkOrderDto) => o.code,
      ),
    ).toEqual(['GZ20261123-002', 'GZ20261123-001']);
    expect(
      (
        await t.http().get(ApiRoutes.workOrders).set(bearer(engineering)).expect(200)
      ).body.items.map((o: WorkOrderDto) => o.code),
    ).toEqual(['GZ20261123-001']);
    await t.http().get(ApiRoutes.workOrders).set(bearer(resident)).expect(403);
    expect((await detail(ticket.id, resident)).workOrders).toEqual([]);
  });
});

describe("a department head's queue (category → department)", () => {
  it('lists the open tickets of the categories the department handles, and only for a department head', async () => {
    const me = (await t.http().get(ApiRoutes.me).set(bearer(engineering)).expect(200)).body as {
      department: string | null;
    };
    expect(me.department).toBe('engineering');
    const bulb = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '电梯厅灯不亮',
    });
    const noise = await submitTicket(t, resident, {
      categoryCode: 'noise',
      description: '楼上半夜装修',
    });
    const queue = (
      await t
        .http()
        .get(ApiRoutes.communityTickets)
        .query({ filter: 'department' })
        .set(bearer(engineering))
        .expect(200)
    ).body.items as { id: string }[];
    expect(queue.map((x) => x.id)).toContain(bulb.id);
    expect(queue.map((x) => x.id)).not.toContain(noise.id);
    // The community manager has no department: that list is empty for them (their lists are the community's).
    expect(
      (
        await t
          .http()
          .get(ApiRoutes.communityTickets)
          .query({ filter: 'department' })
          .set(bearer(supervisor))
          .expect(200)
      ).body,
    ).toEqual({
      items: [],
      nextCursor: null,
      counts: { total: 0, warning: 0, late: 0, unassigned: 0, attention: 0 },
    });
  });
});
