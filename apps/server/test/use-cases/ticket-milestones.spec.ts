import { randomUUID } from 'node:crypto';
import { TicketStatus } from '@linli/contracts';
import { TicketSla } from '../../src/modules/tickets/ticket-sla.service';
import { makeAssistant, makeCommunity, makeHousehold, makeTicket } from '../support/factories';
import { createUseCaseContext, UseCaseContext } from '../support/use-case-context';

/**
 * The milestones of a whole open set: an admin's open list over a company's communities reads them for
 * every open ticket, more than one SQLite statement may name (32,766 placeholders).
 */
describe('reading the milestones of many tickets', () => {
  let c: UseCaseContext;
  beforeAll(async () => {
    c = await createUseCaseContext();
  });
  afterAll(() => c.close());
  beforeEach(() => c.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }));

  it('answers for 70,000 tickets at once, each ticket with its own milestones', async () => {
    const place = await makeCommunity(c);
    await makeAssistant(c, place, [place.building('甲栋')], '甲栋管家');
    const { users } = await makeHousehold(c, place.room('甲栋1单元102室'));
    const a = await makeTicket(c, users['业主甲'], TicketStatus.Accepted);
    const b = await makeTicket(c, users['业主甲'], TicketStatus.Assigned);
    const others = Array.from({ length: 70_000 }, () => randomUUID());
    const ids = [...others.slice(0, 35_000), a.id, ...others.slice(35_000), b.id];

    const byTicket = await c.app.get(TicketSla).rowsByTicket(ids);

    expect([...byTicket.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(byTicket.get(a.id)!.length).toBeGreaterThan(0);
    expect(byTicket.get(a.id)!.every((m) => m.ticketId === a.id)).toBe(true);
    expect(byTicket.get(b.id)!.every((m) => m.ticketId === b.id)).toBe(true);
  }, 60_000);
});
