/**
 * The demo community's full seed (what `pnpm start` shows a newcomer): the other households and a past
 * month of tickets. The history must be one the product itself could have written: events that follow
 * the state machine, limits planned from the categories, closed tickets with every limit met, and views,
 * the sweep and the dashboard that read it without trouble.
 */
import {
  ApiRoutes,
  DashboardDto,
  DemoPersona,
  TicketAction,
  TicketStatus,
  TicketSummaryDto,
} from '@linli/contracts';
import { SYSTEM_TRANSITIONS, TICKET_TRANSITIONS } from '@linli/domain';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { TicketEvent } from '../src/modules/tickets/entities/ticket-event.entity';
import { TicketMilestone } from '../src/modules/tickets/entities/ticket-milestone.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { isValidResidentId } from '@linli/domain';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LINLI_DEMO_HISTORY: '1' } });
});
afterAll(() => t?.close());

/** Actions recorded without a transition of their own. */
const RECORDED = [TicketAction.Submit, TicketAction.Escalate, TicketAction.SlaWarning];

describe('the demo community’s history', () => {
  it('fills every room but three with a household, members with valid ID numbers', async () => {
    expect(await t.dataSource.getRepository(Household).count()).toBe(21);
    const members = await t.dataSource.getRepository(HouseholdMember).find();
    expect(members.length).toBeGreaterThan(45);
    expect(members.filter((m) => m.idNumber && !isValidResidentId(m.idNumber))).toEqual([]);
  });

  it('has six months of tickets whose every event follows the state machine', async () => {
    const tickets = await t.dataSource.getRepository(Ticket).find();
    expect(tickets.length).toBeGreaterThanOrEqual(200);
    expect(new Set(tickets.map((x) => x.code)).size).toBe(tickets.length);
    const events = await t.dataSource
      .getRepository(TicketEvent)
      .find({ order: { ticketId: 'ASC', version: 'ASC' } });
    for (const ticket of tickets) {
      const own = events.filter((e) => e.ticketId === ticket.id);
      expect(own.map((e) => e.version)).toEqual(own.map((_, i) => i + 1));
      let status: TicketStatus | null = null;
      for (const e of own) {
        if (!RECORDED.includes(e.action)) {
          const rule =
            TICKET_TRANSITIONS.find((r) => r.action === e.action) ??
            SYSTEM_TRANSITIONS.find((r) => r.action === e.action);
          expect([
            ticket.code,
            e.action,
            rule && (status === null || rule.from.includes(status)),
            rule?.to,
          ]).toEqual([ticket.code, e.action, true, e.toStatus]);
        }
        if (e.action !== TicketAction.Submit) expect(e.fromStatus).toBe(status);
        status = e.toStatus;
      }
      expect([ticket.code, ticket.status, ticket.version]).toEqual([
        ticket.code,
        status,
        own.length,
      ]);
    }
  });

  it('closed tickets have every time limit met, and a few were late', async () => {
    const closed = (
      await t.dataSource.getRepository(Ticket).find({ where: { status: TicketStatus.Closed } })
    ).map((x) => x.id);
    const milestones = await t.dataSource.getRepository(TicketMilestone).find();
    expect(closed.length).toBeGreaterThan(20);
    expect(milestones.filter((m) => closed.includes(m.ticketId) && !m.metAt)).toEqual([]);
    expect(milestones.filter((m) => m.breachedAt).length).toBeGreaterThan(0);
  });

  it('the sweep, the lists and the dashboard read it', async () => {
    await t.app.get(SlaSweeper).sweep();
    const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const all = (
      await t
        .http()
        .get(ApiRoutes.communityTickets)
        .query({ filter: 'all' })
        .set(bearer(supervisor))
        .expect(200)
    ).body.items as TicketSummaryDto[];
    expect(all.length).toBeGreaterThan(0);
    const d = (await t.http().get(ApiRoutes.dashboard).set(bearer(supervisor)).expect(200))
      .body as DashboardDto;
    // Every month of the trend has tickets (the first and the current one partly).
    expect(d.trend.every((p) => p.received > 0)).toBe(true);
    expect(d.trend.slice(1, -1).every((p) => p.received >= 30)).toBe(true);
  });
});
