/**
 * The benchmark company generator (bench/generate, `seed:bench`) at a small scale: the counts asked for,
 * the same database from the same seed, and a history the product itself could have written (every
 * event follows the transition table, ratings and callbacks agree with the events).
 */
import {
  CallbackReason,
  Satisfaction,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { OPEN_STATUSES, SYSTEM_TRANSITIONS, TICKET_TRANSITIONS } from '@linli/domain';
import { loadCompany } from '../bench/generate/bulk-load';
import {
  Batch,
  Community,
  GeneratorOptions,
  organisation,
  tickets,
} from '../bench/generate/company-generator';
import { CallbackTask } from '../src/modules/feedback/entities/callback-task.entity';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { Community as CommunityEntity } from '../src/modules/org/entities/community.entity';
import { TicketEvent } from '../src/modules/tickets/entities/ticket-event.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { createTestApp, TestApp } from './support/test-app';

const OPTIONS: GeneratorOptions = {
  seed: 7,
  communities: 2,
  households: 150,
  tickets: 1500,
  days: 400,
  now: new Date('2026-12-01T02:00:00Z'),
};
/** Actions recorded without a transition of their own. */
const RECORDED = [TicketAction.Submit, TicketAction.Escalate, TicketAction.SlaWarning];

function everything(o: GeneratorOptions): Batch[] {
  const communities: Community[] = [];
  return [...organisation(o, 'company', communities), ...tickets(o, communities, new Map())];
}

describe('the benchmark generator', () => {
  it('gives the same rows from the same seed, and other rows from another', () => {
    const a = JSON.stringify(everything(OPTIONS));
    expect(JSON.stringify(everything(OPTIONS))).toBe(a);
    expect(JSON.stringify(everything({ ...OPTIONS, seed: 8 }))).not.toBe(a);
  });

  it('leaves tens of tickets open per assistant when asked (BENCH_OPEN_PER_ASSISTANT)', () => {
    const open = new Set<string>(OPEN_STATUSES);
    const count = (o: GeneratorOptions) => {
      const communities: Community[] = [];
      const batches = [
        ...organisation(o, 'company', communities),
        ...tickets(o, communities, new Map()),
      ];
      const assistants = new Set(communities.flatMap((c) => [...c.assistantByBuilding.values()]));
      const rows = batches.flatMap((b) => b.ticket ?? []);
      expect(rows).toHaveLength(o.tickets);
      return rows.filter((r) => open.has(r.status as string)).length / assistants.size;
    };
    const usual = count(OPTIONS);
    const asked = count({ ...OPTIONS, openPerAssistant: 30 });
    expect(usual).toBeLessThan(6);
    // Whole days are left open: at least the number asked, less than a day's tickets more.
    expect(asked).toBeGreaterThanOrEqual(30);
    expect(asked).toBeLessThan(30 + OPTIONS.tickets / OPTIONS.days);
  });

  describe('loaded into the database', () => {
    let t: TestApp;
    let communityIds: string[];
    beforeAll(async () => {
      t = await createTestApp();
      const [{ id: companyId }] = (await t.dataSource.query('SELECT id FROM company')) as {
        id: string;
      }[];
      const report = await loadCompany(t.dataSource, OPTIONS, companyId);
      communityIds = report.communities.map((c) => c.id);
    });
    afterAll(() => t?.close());

    it('has the communities, households and tickets asked for, spread over the days', async () => {
      expect(
        await t.dataSource
          .getRepository(CommunityEntity)
          .countBy(communityIds.map((id) => ({ id }))),
      ).toBe(2);
      const ours = await t.dataSource
        .getRepository(Ticket)
        .find({ where: communityIds.map((communityId) => ({ communityId })) });
      expect(ours.length).toBe(1500);
      expect(new Set(ours.map((x) => x.code)).size).toBe(1500);
      const households = await t.dataSource.getRepository(Household).count();
      expect(households).toBeGreaterThanOrEqual(150);
      const days = new Set(ours.map((x) => x.createdAt.toISOString().slice(0, 10)));
      expect(days.size).toBeGreaterThan(380);
      // The real mix: emergencies, complaints judged invalid, pauses, reopenings, escalations.
      expect(ours.filter((x) => x.emergency).length).toBeGreaterThan(50);
      expect(
        ours.filter((x) => x.status === TicketStatus.Invalid || x.kind === TicketKind.Complaint)
          .length,
      ).toBeGreaterThan(100);
      expect(ours.filter((x) => x.pauses.length > 0).length).toBeGreaterThan(10);
      expect(ours.filter((x) => x.reopenCount > 0).length).toBeGreaterThan(10);
      expect(ours.filter((x) => x.escalationLevel > 0).length).toBeGreaterThan(0);
    });

    it('writes every ticket’s events in the transition table’s order', async () => {
      const ours = await t.dataSource
        .getRepository(Ticket)
        .find({ where: communityIds.map((communityId) => ({ communityId })) });
      const events = await t.dataSource
        .getRepository(TicketEvent)
        .find({ order: { ticketId: 'ASC', version: 'ASC' } });
      const byTicket = new Map<string, TicketEvent[]>();
      for (const e of events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
      const wrong: string[] = [];
      for (const ticket of ours) {
        const own = byTicket.get(ticket.id) ?? [];
        let status: TicketStatus | null = null;
        own.forEach((e, i) => {
          if (e.version !== i + 1) wrong.push(`${ticket.code} version ${e.version}`);
          if (!RECORDED.includes(e.action)) {
            const rule =
              TICKET_TRANSITIONS.find((r) => r.action === e.action) ??
              SYSTEM_TRANSITIONS.find((r) => r.action === e.action);
            if (!rule || (status !== null && !rule.from.includes(status)) || rule.to !== e.toStatus)
              wrong.push(`${ticket.code} ${e.action} from ${status}`);
          }
          status = e.toStatus;
        });
        if (ticket.status !== status || ticket.version !== own.length)
          wrong.push(`${ticket.code} ends ${ticket.status}, events say ${status}`);
        if (own.some((e) => e.at.getTime() > OPTIONS.now.getTime()))
          wrong.push(`${ticket.code} has an event after now`);
      }
      expect(wrong).toEqual([]);
    });

    it('rates each confirmation and reopening, and calls back resolved valid complaints', async () => {
      const ours = await t.dataSource
        .getRepository(Ticket)
        .find({ where: communityIds.map((communityId) => ({ communityId })) });
      const ids = new Set(ours.map((x) => x.id));
      const events = (await t.dataSource.getRepository(TicketEvent).find()).filter((e) =>
        ids.has(e.ticketId),
      );
      const ratings = (await t.dataSource.getRepository(TicketRating).find()).filter((r) =>
        ids.has(r.ticketId),
      );
      const reopens = events.filter((e) => e.action === TicketAction.Reopen).length;
      const confirms = events.filter((e) => e.action === TicketAction.Confirm).length;
      expect(ratings.filter((r) => r.overall === Satisfaction.Dissatisfied).length).toBe(reopens);
      expect(ratings.length).toBe(reopens + confirms);
      const callbacks = await t.dataSource.getRepository(CallbackTask).find({
        where: communityIds.map((communityId) => ({
          communityId,
          reason: CallbackReason.Complaint,
        })),
      });
      const resolvedComplaints = ours.filter(
        (x) =>
          x.kind === TicketKind.Complaint &&
          x.status !== TicketStatus.Invalid &&
          events.some((e) => e.ticketId === x.id && e.action === TicketAction.Resolve),
      );
      expect(callbacks.map((c) => c.ticketId).sort()).toEqual(
        resolvedComplaints.map((x) => x.id).sort(),
      );
    });
  });
});
