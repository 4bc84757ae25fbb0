import { ErrorCode, TicketAction, TicketStatus } from '@linli/contracts';
import { AppException } from '../../src/common/errors/app-exception';
import { TicketEvent } from '../../src/modules/tickets/entities/ticket-event.entity';
import { TicketMilestone } from '../../src/modules/tickets/entities/ticket-milestone.entity';
import { Ticket } from '../../src/modules/tickets/entities/ticket.entity';
import { TicketActions } from '../../src/modules/tickets/ticket-actions.service';
import { TicketSubmission } from '../../src/modules/tickets/ticket-submission.service';
import {
  authOf,
  makeAssistant,
  makeCommunity,
  makeHousehold,
  makeTicket,
} from '../support/factories';
import { createUseCaseContext, UseCaseContext } from '../support/use-case-context';

/** Ticket use cases called directly, on a real database: what each one writes. */
describe('ticket use cases', () => {
  let c: UseCaseContext;

  beforeAll(async () => {
    c = await createUseCaseContext();
  });
  afterAll(() => c.close());
  beforeEach(() => c.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true })); // Mon 10:00 China

  const eventsOf = async (ticketId: string) =>
    (await c.dataSource.getRepository(TicketEvent).find({ where: { ticketId } }))
      .sort((a, b) => a.version - b.version)
      .map((e) => [e.action, e.fromStatus, e.toStatus]);

  it('submit writes the ticket in its place and dispatches it to the assistant serving the building', async () => {
    const place = await makeCommunity(c);
    const jia = await makeAssistant(c, place, [place.building('甲栋')], '甲栋管家');
    await makeAssistant(c, place, [place.building('乙栋')], '乙栋管家');
    const { users } = await makeHousehold(c, place.room('甲栋1单元102室'));
    const owner = users['业主甲'];

    const { ticket, created } = await c.app.get(TicketSubmission).submit(authOf(owner), {
      categoryCode: 'bulb',
      description: '走廊灯不亮',
      photoIds: [],
      idempotencyKey: 'uc-submit-1',
    });

    expect(created).toBe(true);
    const row = await c.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(row).toMatchObject({
      status: TicketStatus.Assigned,
      assigneeId: jia.id,
      reporterId: owner.id,
      householdId: owner.householdId,
      roomId: place.room('甲栋1单元102室').id,
      buildingId: place.building('甲栋').id,
      communityId: place.community.id,
      description: '走廊灯不亮',
    });
    expect(await eventsOf(ticket.id)).toEqual([
      [TicketAction.Submit, null, TicketStatus.Submitted],
      [TicketAction.Assign, TicketStatus.Submitted, TicketStatus.Assigned],
    ]);
    expect(
      await c.dataSource.getRepository(TicketMilestone).countBy({ ticketId: ticket.id }),
    ).toBeGreaterThan(0);
  });

  it('submitting the same idempotency key twice answers with the first ticket and writes one row', async () => {
    const place = await makeCommunity(c);
    await makeAssistant(c, place, place.buildings);
    const owner = (await makeHousehold(c, place.rooms[0])).users['业主甲'];
    const dto = {
      categoryCode: 'bulb',
      description: '灯坏了',
      photoIds: [],
      idempotencyKey: 'uc-twice',
    };

    const first = await c.app.get(TicketSubmission).submit(authOf(owner), dto);
    const second = await c.app.get(TicketSubmission).submit(authOf(owner), dto);

    expect(second).toMatchObject({ created: false, ticket: { id: first.ticket.id } });
    expect(await c.dataSource.getRepository(Ticket).countBy({ reporterId: owner.id })).toBe(1);
  });

  it('with nobody serving the building, the ticket stays submitted and unassigned', async () => {
    const place = await makeCommunity(c);
    const owner = (await makeHousehold(c, place.rooms[0])).users['业主甲'];

    const { ticket } = await c.app.get(TicketSubmission).submit(authOf(owner), {
      categoryCode: 'bulb',
      description: '灯坏了',
      photoIds: [],
      idempotencyKey: 'uc-nobody',
    });

    const row = await c.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(row).toMatchObject({ status: TicketStatus.Submitted, assigneeId: null });
  });

  it('the resident confirms a resolved ticket: it closes, one version later, with the confirm event', async () => {
    const place = await makeCommunity(c);
    await makeAssistant(c, place, place.buildings);
    const owner = (await makeHousehold(c, place.rooms[0])).users['业主甲'];
    const resolved = await makeTicket(c, owner, TicketStatus.Resolved);

    await c.app.get(TicketActions).perform(authOf(owner), resolved.id, {
      action: TicketAction.Confirm,
      version: resolved.version,
    });

    const row = await c.dataSource.getRepository(Ticket).findOneByOrFail({ id: resolved.id });
    expect(row.status).toBe(TicketStatus.Closed);
    expect(row.version).toBe(resolved.version + 1);
    expect(await eventsOf(resolved.id)).toEqual([
      [TicketAction.Submit, null, TicketStatus.Submitted],
      [TicketAction.Assign, TicketStatus.Submitted, TicketStatus.Assigned],
      [TicketAction.Accept, TicketStatus.Assigned, TicketStatus.Accepted],
      [TicketAction.Arrive, TicketStatus.Accepted, TicketStatus.OnSite],
      [TicketAction.Resolve, TicketStatus.OnSite, TicketStatus.Resolved],
      [TicketAction.Confirm, TicketStatus.Resolved, TicketStatus.Closed],
    ]);
  });

  it('an action on a stale version is refused and changes nothing', async () => {
    const place = await makeCommunity(c);
    const assistant = await makeAssistant(c, place, place.buildings);
    const owner = (await makeHousehold(c, place.rooms[0])).users['业主甲'];
    const accepted = await makeTicket(c, owner, TicketStatus.Accepted);

    await expect(
      c.app.get(TicketActions).perform(authOf(assistant), accepted.id, {
        action: TicketAction.Arrive,
        version: accepted.version - 1,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.TICKET_STALE } satisfies Partial<AppException>);

    const row = await c.dataSource.getRepository(Ticket).findOneByOrFail({ id: accepted.id });
    expect(row).toMatchObject({ status: TicketStatus.Accepted, version: accepted.version });
  });

  it.each([
    TicketStatus.OnHold,
    TicketStatus.Cancelled,
    TicketStatus.Closed,
    TicketStatus.Forwarded,
  ])('the factory reaches %s through the use cases', async (state) => {
    const place = await makeCommunity(c);
    await makeAssistant(c, place, place.buildings);
    const owner = (await makeHousehold(c, place.rooms[0])).users['业主甲'];
    expect((await makeTicket(c, owner, state)).status).toBe(state);
  });

  it('the factory makes a complaint judged invalid, and a ticket nobody was dispatched', async () => {
    const place = await makeCommunity(c);
    const owner = (await makeHousehold(c, place.room('乙栋1单元101室'))).users['业主甲'];
    expect((await makeTicket(c, owner, TicketStatus.Submitted)).assigneeId).toBeNull();
    await makeAssistant(c, place, place.buildings);
    const invalid = await makeTicket(c, owner, TicketStatus.Invalid, {
      categoryCode: 'complaint_general',
      description: '邻居家的狗叫',
    });
    expect(invalid.status).toBe(TicketStatus.Invalid);
  });
});
