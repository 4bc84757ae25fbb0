import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  SlaMilestone,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;

// Monday 2026-11-23, 10:00 China time.
const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
});
afterAll(() => t?.close());

const classify = (id: string, body: object, token = supervisor) =>
  t.http().post(ApiRoutes.ticketClassification(id)).set(bearer(token)).send(body);
const limits = (d: TicketDetailDto) =>
  d.milestones.filter((m) => m.state !== 'met').map((m) => [m.milestone, m.policyName, m.dueAt]);

describe('urgency × severity: a staff-attitude complaint (docs/domain-rules.md §6)', () => {
  /** Each test's own complaint, reported on Monday at 10:00. */
  const report = () => {
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    return submitTicket(t, resident, {
      categoryCode: 'staff_attitude',
      description: '保安态度恶劣，还推搡老人',
    });
  };
  /** The supervisor makes it serious and urgent half an hour later. */
  const seriousAndUrgent = async (reported: TicketDetailDto) => {
    t.clock.set({ now: new Date('2026-11-23T02:30:00Z'), freeze: true });
    const res = await classify(reported.id, {
      version: reported.version,
      urgent: true,
      serious: true,
      note: '涉及推搡老人',
    }).expect(200);
    return res.body as TicketDetailDto;
  };

  it('is reported ordinary and not urgent: half a day to resolve, 2 working days to reply', async () => {
    const ticket = await report();
    expect(ticket).toMatchObject({ emergency: false, serious: false, canClassify: false }); // the resident's own view
    expect(limits(ticket)).toEqual([
      [SlaMilestone.Resolve, '服务态度投诉（一般）', '2026-11-23T06:00:00.000Z'],
      [SlaMilestone.Reply, '未约定期限的答复（非紧急）', '2026-11-25T16:00:00.000Z'],
    ]);
  });

  it('made serious and urgent by the supervisor: 2 days to resolve, 2 hours to reply, counted from the report', async () => {
    const ticket = await seriousAndUrgent(await report());
    expect(ticket).toMatchObject({ emergency: true, serious: true, canClassify: true });
    expect(limits(ticket)).toEqual([
      [SlaMilestone.Resolve, '服务态度投诉（严重）', '2026-11-25T02:00:00.000Z'],
      [SlaMilestone.Reply, '未约定期限的答复（紧急）', '2026-11-23T04:00:00.000Z'],
    ]);
    expect(ticket.events.at(-1)).toMatchObject({
      action: TicketAction.Reclassify,
      actorName: '张主任',
      note: '调整为紧急、严重：涉及推搡老人，服务时限已按新的等级重新计算',
    });
  });

  it('refuses no change, a stale version, and anyone but the handler or the supervisor', async () => {
    const ticket = await seriousAndUrgent(await report());
    expect(
      (
        await classify(ticket.id, { version: ticket.version, urgent: true, serious: true }).expect(
          400,
        )
      ).body.message,
    ).toBe('紧急与严重程度没有变化');
    expect(
      (
        await classify(ticket.id, {
          version: ticket.version - 1,
          urgent: false,
          serious: true,
        }).expect(409)
      ).body.code,
    ).toBe(ErrorCode.TICKET_STALE);
    await classify(
      ticket.id,
      { version: ticket.version, urgent: false, serious: false },
      resident,
    ).expect(403);
    expect(
      (
        await classify(ticket.id, {
          version: ticket.version,
          urgent: 'yes',
          serious: false,
        }).expect(400)
      ).body.fields,
    ).toEqual([{ field: 'urgent', message: '请选择是否紧急' }]);
  });
});

describe('urgency of a repair in the home', () => {
  it('an emergency flagged from the words can be taken back: the 30/10-minute limits no longer apply', async () => {
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '卫生间灯不亮了，开关冒烟',
    });
    expect(ticket.emergency).toBe(true);
    expect(limits(ticket).map(([m, p]) => [m, p])).toEqual([
      [SlaMilestone.Respond, '户内紧急报修'],
      [SlaMilestone.Arrive, '户内紧急报修'],
      [SlaMilestone.Resolve, '简易维修'],
    ]);
    const accepted = (
      await t
        .http()
        .post(ApiRoutes.ticketActions(ticket.id))
        .set(bearer(assistant))
        .send({ action: TicketAction.Accept, version: ticket.version })
        .expect(200)
    ).body as TicketDetailDto;
    // The handler checked: the smoke was dust on the bulb. Response is met; the on-site limit goes back to the ordinary one (none).
    const res = await classify(
      accepted.id,
      {
        version: accepted.version,
        urgent: false,
        serious: false,
        note: '现场确认为灯泡积灰，无安全隐患',
      },
      assistant,
    ).expect(200);
    const d = res.body as TicketDetailDto;
    expect(d.emergency).toBe(false);
    expect(limits(d).map(([m, p]) => [m, p])).toEqual([[SlaMilestone.Resolve, '简易维修']]);
    expect(d.milestones.find((m) => m.milestone === SlaMilestone.Respond)?.state).toBe('met');
  });
});
