import { DemoPersona, TicketAction } from '@linli/contracts';
import { SlaSweeper, SweepResult } from '../src/modules/tickets/sla-sweeper.service';
import { submitTicket } from './support/builders';
import { loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

/**
 * Two server instances on one database sweep the same due tickets at the same moment: every breach is
 * escalated exactly once. Several instances are a MySQL/MariaDB deployment; the embedded SQLite default
 * is one process, so this runs under `pnpm test:mysql`.
 */
(useMysql ? describe : describe.skip)('the sweep on two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const TICKETS = 30;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTestApp({ database: db });
    b = await createTestApp({ database: db });
    const start = new Date('2026-11-23T01:00:00Z');
    for (const app of [a, b]) app.clock.set({ now: start, freeze: true });
    const resident = (await loginPersona(a, DemoPersona.Resident)).token;
    for (let i = 0; i < TICKETS; i++)
      await submitTicket(a, resident, { categoryCode: 'water_leak', description: `${i} 号漏水` });
    for (const app of [a, b])
      app.clock.set({ now: new Date(start.getTime() + 11 * 60_000), freeze: true });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('escalates each breached ticket once, whichever instance gets there first', async () => {
    const results: SweepResult[] = await Promise.all([
      a.app.get(SlaSweeper).sweep(),
      b.app.get(SlaSweeper).sweep(),
    ]);
    expect(results[0].escalations + results[1].escalations).toBe(TICKETS);
    const rows: { ticketId: string; n: number | string }[] = await a.dataSource.query(
      `SELECT ticketId, COUNT(*) AS n FROM ticket_event WHERE action = ? GROUP BY ticketId`,
      [TicketAction.Escalate],
    );
    expect(rows).toHaveLength(TICKETS);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    // Nothing is left due: a further round on either instance finds nothing to do.
    expect(await b.app.get(SlaSweeper).sweep()).toMatchObject({ escalations: 0, warnings: 0 });
  });
});
