import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  Role,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
  TicketSummaryDto,
} from '@linli/contracts';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import {
  addAssistant,
  addResident,
  addUser,
  submitTicket,
  ticketRequest,
  tinyPng,
} from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;

// Each test starts from its own app at 09:00 on Sunday 2026-11-22: ticket numbers, assistants and
// workloads of one test never reach another.
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-22T01:00:00Z'), freeze: true }); // 09:00 China time
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
});
afterEach(() => t?.close());

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));
const act = (id: string, token: string, action: TicketAction, version: number) =>
  t.http().post(ApiRoutes.ticketActions(id)).set(bearer(token)).send({ action, version });
const uploadPhoto = async (token: string) =>
  (
    await t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(token))
      .attach('file', tinyPng(), 'p.png')
      .expect(201)
  ).body.id as string;

describe('the first vertical path', () => {
  it('resident reports → sees it in their list → the assistant has it in the queue → accepts → resident sees it accepted', async () => {
    const photoId = await uploadPhoto(resident);
    const created = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(
        ticketRequest({
          categoryCode: 'lock',
          description: '入户门锁打不开了',
          photoIds: [photoId],
          preferredVisitAt: '2026-11-22T06:00:00.000Z',
        }),
      )
      .expect(201);
    const ticket = created.body as TicketDetailDto;
    expect(ticket).toMatchObject({
      code: 'BX20261122-0001',
      kind: 'repair_home',
      categoryName: '门锁维修',
      status: TicketStatus.Assigned,
      emergency: false,
      roomLabel: '1栋1单元101室',
      assigneeName: '李管家',
      preferredVisitAt: '2026-11-22T06:00:00.000Z',
      createdAt: '2026-11-22T01:00:00.000Z',
      version: 2,
      allowedActions: [TicketAction.Cancel],
    });
    expect(ticket.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      [TicketAction.Submit, null, TicketStatus.Submitted, '王女士'],
      [TicketAction.Assign, TicketStatus.Submitted, TicketStatus.Assigned, '系统'],
    ]);
    expect(ticket.photos).toEqual([
      {
        id: photoId,
        url: expect.stringContaining(`/api/uploads/${photoId}?exp=`),
        eventId: ticket.events[0].id,
      },
    ]);
    await t.http().get(ticket.photos[0].url).expect(200).expect('content-type', 'image/png');

    const mine = (await get(ApiRoutes.myTickets, resident).expect(200)).body
      .items as TicketSummaryDto[];
    expect(mine.map((m) => m.id)).toContain(ticket.id);

    const queue = (await get(ApiRoutes.myQueue, assistant).expect(200)).body
      .items as TicketSummaryDto[];
    const queued = queue.find((q) => q.id === ticket.id);
    expect(queued).toMatchObject({ status: TicketStatus.Assigned, version: 2 });
    const seenByAssistant = (await get(ApiRoutes.ticket(ticket.id), assistant).expect(200))
      .body as TicketDetailDto;
    expect(seenByAssistant.allowedActions).toEqual([TicketAction.Accept, TicketAction.Transfer]);

    t.clock.set({ advanceMinutes: 5 });
    const accepted = (
      await act(ticket.id, assistant, TicketAction.Accept, queued!.version).expect(200)
    ).body as TicketDetailDto;
    expect(accepted).toMatchObject({
      status: TicketStatus.Accepted,
      version: 3,
      assigneeName: '李管家',
      updatedAt: '2026-11-22T01:05:00.000Z',
    });
    expect(accepted.allowedActions).toEqual([
      TicketAction.Transfer,
      TicketAction.Arrive,
      TicketAction.Hold,
      TicketAction.Resolve,
      TicketAction.Forward,
    ]);

    const seenByResident = (await get(ApiRoutes.ticket(ticket.id), resident).expect(200))
      .body as TicketDetailDto;
    expect(seenByResident.status).toBe(TicketStatus.Accepted);
    expect(seenByResident.events.at(-1)).toMatchObject({
      action: TicketAction.Accept,
      actorName: '李管家',
      actorRole: Role.Assistant,
      at: '2026-11-22T01:05:00.000Z',
    });
    expect(seenByResident.allowedActions).toEqual([]);
    expect(
      ((await get(ApiRoutes.myTickets, resident)).body.items as TicketSummaryDto[]).find(
        (m) => m.id === ticket.id,
      )?.status,
    ).toBe(TicketStatus.Accepted);

    const seenBySupervisor = (await get(ApiRoutes.ticket(ticket.id), supervisor).expect(200))
      .body as TicketDetailDto;
    expect(seenBySupervisor.id).toBe(ticket.id);
  });

  it("lists the resident's tickets newest first and numbers them per China-time day", async () => {
    const first = await submitTicket(t, resident, {
      categoryCode: 'fee_inquiry',
      description: '物业费怎么交',
    });
    t.clock.set({ advanceMinutes: 1 });
    const second = await submitTicket(t, resident, {
      categoryCode: 'praise',
      description: '保安很负责',
    });
    expect(Number(second.code.slice(-4))).toBe(Number(first.code.slice(-4)) + 1);
    expect(first.code).toMatch(/^ZX20261122-\d{4}$/);
    expect(second.code).toMatch(/^BY20261122-\d{4}$/);
    const mine = (await get(ApiRoutes.myTickets, resident)).body.items as TicketSummaryDto[];
    expect(mine.indexOf(mine.find((m) => m.id === second.id)!)).toBeLessThan(
      mine.indexOf(mine.find((m) => m.id === first.id)!),
    );

    t.clock.set({ now: new Date('2026-11-22T16:30:00Z') }); // 00:30 on the 23rd in China
    const nextDay = await submitTicket(t, resident);
    expect(nextDay.code).toBe('BX20261123-0001');
    t.clock.set({ now: new Date('2026-11-22T02:00:00Z') });
  });
});

describe('submission rules', () => {
  it('marks an emergency by category or by the words of the description', async () => {
    expect(
      (await submitTicket(t, resident, { categoryCode: 'water_leak', description: '家里有问题' }))
        .emergency,
    ).toBe(true);
    expect(
      (
        await submitTicket(t, resident, {
          categoryCode: 'home_repair_other',
          description: '卫生间马桶堵了，水漫出来',
        })
      ).emergency,
    ).toBe(true);
    expect(
      (
        await submitTicket(t, resident, {
          categoryCode: 'home_repair_other',
          description: '阳台晾衣架松了',
        })
      ).emergency,
    ).toBe(false);
  });

  it('refuses an unknown category, an empty or too long description', async () => {
    const unknown = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(ticketRequest({ categoryCode: 'ufo' }))
      .expect(400);
    expect(unknown.body.code).toBe(ErrorCode.TICKET_CATEGORY_UNKNOWN);
    for (const description of ['   ', '长'.repeat(501)]) {
      const res = await t
        .http()
        .post(ApiRoutes.tickets)
        .set(bearer(resident))
        .send(ticketRequest({ description }))
        .expect(400);
      expect(res.body).toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        fields: [{ field: 'description', message: expect.stringMatching(/1 到 500/) }],
      });
    }
    await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(ticketRequest({ description: '长'.repeat(500) }))
      .expect(201);
  });

  it("only attaches the caller's own photos that are not attached yet, at most 9", async () => {
    const other = await addResident(t, { building: '1栋', unit: '2单元', number: '201' });
    const otherToken = (await loginOpenid(t, other.openid!)).token;
    const theirs = await uploadPhoto(otherToken);
    const res = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(ticketRequest({ photoIds: [theirs] }))
      .expect(404);
    expect(res.body.code).toBe(ErrorCode.UPLOAD_NOT_FOUND);

    const mine = await uploadPhoto(resident);
    await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(ticketRequest({ photoIds: [mine] }))
      .expect(201);
    const again = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(ticketRequest({ photoIds: [mine] }))
      .expect(404);
    expect(again.body.code).toBe(ErrorCode.UPLOAD_NOT_FOUND);

    const ten = Array.from({ length: 10 }, () => mine);
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.tickets)
          .set(bearer(resident))
          .send(ticketRequest({ photoIds: ten }))
          .expect(400)
      ).body.code,
    ).toBe(ErrorCode.UPLOAD_TOO_MANY);
  });

  it('needs a household', async () => {
    const homeless = await addUser(t, Role.Resident, '新住户');
    const token = (await loginOpenid(t, homeless.openid!)).token;
    const res = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(token))
      .send(ticketRequest())
      .expect(403);
    expect(res.body.code).toBe(ErrorCode.TICKET_NO_HOUSEHOLD);
  });

  it('is for residents only', async () => {
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.tickets)
          .set(bearer(assistant))
          .send(ticketRequest())
          .expect(403)
      ).body.code,
    ).toBe(ErrorCode.FORBIDDEN);
  });
});

describe('idempotent submission', () => {
  const countByKey = (idempotencyKey: string) =>
    t.dataSource.getRepository(Ticket).countBy({ idempotencyKey });

  it('returns the first ticket (200) when the same key is submitted again', async () => {
    const body = ticketRequest();
    const first = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send(body)
      .expect(201);
    const second = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(resident))
      .send({ ...body, description: '改了描述' })
      .expect(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.description).toBe(body.description);
    expect(await countByKey(body.idempotencyKey)).toBe(1);
  });

  it('creates one ticket for concurrent duplicates', async () => {
    const body = ticketRequest();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.http().post(ApiRoutes.tickets).set(bearer(resident)).send(body),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await countByKey(body.idempotencyKey)).toBe(1);
  });
});

describe('who sees and acts on a ticket', () => {
  let ticket: TicketDetailDto;
  beforeEach(async () => {
    ticket = await submitTicket(t, resident, { description: '厨房灯不亮' });
  });

  it("hides a household's ticket from another household's resident (TICKET_NOT_FOUND, no data)", async () => {
    const neighbour = await addResident(t, {
      building: '1栋',
      unit: '1单元',
      number: '102',
      name: '钱女士',
    });
    const token = (await loginOpenid(t, neighbour.openid!)).token;
    const res = await get(ApiRoutes.ticket(ticket.id), token).expect(404);
    expect(res.body).toEqual({ code: ErrorCode.TICKET_NOT_FOUND, message: '工单不存在' });
    expect(
      (await act(ticket.id, token, TicketAction.Cancel, ticket.version).expect(404)).body.code,
    ).toBe(ErrorCode.TICKET_NOT_FOUND);
    expect(((await get(ApiRoutes.myTickets, token)).body.items as unknown[]).length).toBe(0);
    expect(
      (await get(ApiRoutes.ticket('00000000-0000-4000-8000-000000000000'), token).expect(404)).body
        .code,
    ).toBe(ErrorCode.TICKET_NOT_FOUND);
  });

  it('hides it from an assistant who does not serve the building', async () => {
    const elsewhere = await addAssistant(t, '周管家', []);
    const token = (await loginOpenid(t, elsewhere.openid!)).token;
    expect((await get(ApiRoutes.ticket(ticket.id), token).expect(404)).body.code).toBe(
      ErrorCode.TICKET_NOT_FOUND,
    );
    expect((await get(ApiRoutes.myQueue, token).expect(200)).body.items).toEqual([]);
  });

  it('refuses an action of the wrong role (403) or in the wrong status (409)', async () => {
    expect(
      (await act(ticket.id, resident, TicketAction.Accept, ticket.version).expect(403)).body.code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (await act(ticket.id, resident, TicketAction.Confirm, ticket.version).expect(409)).body.code,
    ).toBe(ErrorCode.TICKET_ACTION_NOT_ALLOWED);
    expect(
      (await act(ticket.id, resident, TicketAction.Submit, ticket.version).expect(409)).body.code,
    ).toBe(ErrorCode.TICKET_ACTION_NOT_ALLOWED);
  });

  it('refuses a stale version (409 TICKET_STALE) and writes nothing', async () => {
    const res = await act(ticket.id, assistant, TicketAction.Accept, ticket.version - 1).expect(
      409,
    );
    expect(res.body.code).toBe(ErrorCode.TICKET_STALE);
    const now = (await get(ApiRoutes.ticket(ticket.id), resident)).body as TicketDetailDto;
    expect(now).toMatchObject({ status: TicketStatus.Assigned, version: ticket.version });
    expect(now.events).toHaveLength(2);
  });

  it('lets the resident cancel their own ticket', async () => {
    const own = await submitTicket(t, resident);
    const res = await act(own.id, resident, TicketAction.Cancel, own.version).expect(200);
    expect(res.body).toMatchObject({
      status: TicketStatus.Cancelled,
      version: own.version + 1,
      allowedActions: [],
    });
  });
});

describe('supervisor dispatch', () => {
  it('assigns a ticket to an assistant serving its building, and to no one else', async () => {
    const ticket = await submitTicket(t, resident);
    const other = await addAssistant(t, '冯管家', ['1栋']);
    const elsewhere = await addAssistant(t, '陈管家', ['2栋']);
    const assign = (assigneeId: string | undefined, version: number) =>
      t
        .http()
        .post(ApiRoutes.ticketActions(ticket.id))
        .set(bearer(supervisor))
        .send({ action: TicketAction.Assign, version, ...(assigneeId ? { assigneeId } : {}) });

    for (const wrong of [elsewhere.id, undefined]) {
      const res = await assign(wrong, ticket.version).expect(400);
      expect(res.body).toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        fields: [{ field: 'assigneeId' }],
      });
    }
    const res = await assign(other.id, ticket.version).expect(200);
    expect(res.body).toMatchObject({
      status: TicketStatus.Assigned,
      assigneeName: '冯管家',
      version: ticket.version + 1,
    });
    expect(res.body.events.at(-1)).toMatchObject({
      action: TicketAction.Assign,
      actorName: '张主任',
    });

    const misuse = await t
      .http()
      .post(ApiRoutes.ticketActions(ticket.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: ticket.version + 1, assigneeId: other.id })
      .expect(400);
    expect(misuse.body.fields).toEqual([{ field: 'assigneeId', message: expect.any(String) }]);
  });
});

describe('the assistants', () => {
  /**
   * The resident's tickets in 1栋, all dispatched to 李管家 (the work the earlier tests of this file used
   * to leave him): three open, one of them an emergency, and one the resident cancelled.
   */
  async function liHasWork(): Promise<void> {
    await submitTicket(t, resident, { categoryCode: 'lock', description: '门锁打不开' });
    await submitTicket(t, resident, { categoryCode: 'water_leak', description: '卫生间漏水' });
    await submitTicket(t, resident, { categoryCode: 'fee_inquiry', description: '物业费怎么交' });
    const cancelled = await submitTicket(t, resident, { description: '厨房灯不亮' });
    await act(cancelled.id, resident, TicketAction.Cancel, cancelled.version).expect(200);
  }

  it('lets exactly one of two assistants accepting at once win; the other gets TICKET_STALE', async () => {
    const colleague = await addAssistant(t, '孙管家', ['1栋']);
    const colleagueToken = (await loginOpenid(t, colleague.openid!)).token;
    const ticket = await submitTicket(t, resident);
    const results = await Promise.all([
      act(ticket.id, assistant, TicketAction.Accept, ticket.version),
      act(ticket.id, colleagueToken, TicketAction.Accept, ticket.version),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe(ErrorCode.TICKET_STALE);
    const winner = results.find((r) => r.status === 200)!.body as TicketDetailDto;
    const detail = (await get(ApiRoutes.ticket(ticket.id), resident)).body as TicketDetailDto;
    expect(detail).toMatchObject({
      status: TicketStatus.Accepted,
      version: ticket.version + 1,
      assigneeName: winner.assigneeName,
    });
    expect(detail.events.filter((e) => e.action === TicketAction.Accept)).toHaveLength(1);
  });

  it('dispatches each new ticket to an assistant of the building with the fewest open tickets', async () => {
    await liHasWork();
    await addAssistant(t, '吴管家', ['2栋']);
    const tenant = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '301',
      name: '郑先生',
    });
    const token = (await loginOpenid(t, tenant.openid!)).token;
    /** Open tickets per assistant serving 2栋, by name. */
    const loads = async () => {
      const rows: { name: string; open: number | string }[] = await t.dataSource.query(
        `SELECT u.name AS name, (SELECT COUNT(*) FROM ticket x WHERE x.assigneeId = u.id AND x.status IN ('submitted','assigned','accepted','on_site')) AS open
         FROM assistant_building ab JOIN building b ON b.id = ab.buildingId JOIN user u ON u.id = ab.userId WHERE b.name = '2栋'`,
      );
      return new Map(rows.map((r) => [r.name, Number(r.open)]));
    };
    const chosen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await loads();
      const least = Math.min(...before.values());
      const ticket = await submitTicket(t, token);
      expect(before.get(ticket.assigneeName!)).toBe(least);
      chosen.push(ticket.assigneeName!);
    }
    expect(chosen).not.toContain('李管家'); // busy with 1栋's tickets
    expect(chosen).toContain('吴管家');
  });

  it("queues by the nearest deadline, and leaves out closed and others' tickets", async () => {
    await liHasWork();
    // Another assistant's ticket: 吴管家 of 2栋, with no open ticket, gets a new one there.
    await addAssistant(t, '吴管家', ['2栋']);
    const tenant = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '301',
      name: '郑先生',
    });
    const others = await submitTicket(t, (await loginOpenid(t, tenant.openid!)).token);
    expect(others.assigneeName).toBe('吴管家');
    const queue = (await get(ApiRoutes.myQueue, assistant).expect(200)).body
      .items as TicketSummaryDto[];
    expect(queue.length).toBeGreaterThan(2);
    const dues = queue.map((q) =>
      q.sla?.dueAt ? Date.parse(q.sla.dueAt) : Number.POSITIVE_INFINITY,
    );
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(queue.filter((q) => q.sla).length).toBeGreaterThan(0);
    expect(
      queue.every((q) =>
        [
          TicketStatus.Submitted,
          TicketStatus.Assigned,
          TicketStatus.Accepted,
          TicketStatus.OnSite,
        ].includes(q.status),
      ),
    ).toBe(true);
    expect(queue.every((q) => q.assigneeName === null || q.assigneeName === '李管家')).toBe(true);
    expect(queue.map((q) => q.id)).not.toContain(others.id);
  });
});
