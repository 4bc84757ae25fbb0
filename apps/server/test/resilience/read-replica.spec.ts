import { ApiRoutes, DemoPersona, type DashboardDto, type TicketDetailDto, type TicketSummaryDto } from '@linli/contracts';
import { ticketRequest } from '../support/builders';
import { databaseEnv, ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { call, login, mysqlConfig, sql } from './support';

jest.setTimeout(180_000);

/** Copies every table of `from` into `to` as it is now: a replica that then stops replicating (lags without end). */
async function snapshot(from: TestDatabase, to: TestDatabase): Promise<void> {
  const src = mysqlConfig(from).database;
  const dst = mysqlConfig(to).database;
  const tables = (await sql<Record<string, string>>(from, 'SHOW FULL TABLES WHERE Table_type = ?', ['BASE TABLE'])).map((r) => Object.values(r)[0]);
  const statements = ['SET FOREIGN_KEY_CHECKS = 0'];
  for (const t of tables) statements.push(`DROP TABLE IF EXISTS \`${dst}\`.\`${t}\``, `CREATE TABLE \`${dst}\`.\`${t}\` LIKE \`${src}\`.\`${t}\``, `INSERT INTO \`${dst}\`.\`${t}\` SELECT * FROM \`${src}\`.\`${t}\``);
  for (const statement of statements) await sql(to, statement);
}

/**
 * Dashboards and reports read from a read replica (DATABASE_REPLICA_URLS); a resident's own reads come
 * from the primary. The "replica" here is a second database on the local MariaDB holding a copy of the
 * primary taken once and never updated: a replica lagging without end (no binlog replication is set up
 * in this test; docs/deployment.md says how a real one is). The resident's just-written ticket is there
 * for them at once; the dashboard, reading the replica, does not count it until the replica catches up.
 */
describe('a lagging read replica', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    primary = await createTestDatabase();
    replica = await createTestDatabase();
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await primary?.drop();
    await replica?.drop();
  });

  it('serves the resident their own ticket from the primary, the dashboard from the replica', async () => {
    // Migrate and seed the primary, then take the replica's copy.
    server = await startServerProcess({ ...databaseEnv(primary), NODE_ENV: 'test' });
    await server.kill('SIGTERM');
    await snapshot(primary, replica);

    const replicaUrl = databaseEnv(replica).DATABASE_URL;
    server = await startServerProcess({ ...databaseEnv(primary), DATABASE_REPLICA_URLS: replicaUrl, NODE_ENV: 'test', LINLI_SLA_SWEEP_SECONDS: '0' });
    const base = server.baseUrl;
    const resident = await login(base, DemoPersona.Resident);
    const supervisor = await login(base, DemoPersona.Supervisor);
    const received = async () => ((await call(base, 'GET', ApiRoutes.dashboard, supervisor)).body as DashboardDto).received;
    const before = await received();

    const submitted = await call(base, 'POST', ApiRoutes.tickets, resident, ticketRequest({ description: '刚刚提交的报事' }));
    expect(submitted.status).toBe(201);
    const ticket = submitted.body as TicketDetailDto;
    // Not on the replica…
    expect(await sql(replica, 'SELECT id FROM ticket WHERE id = ?', [ticket.id])).toEqual([]);
    // …yet the resident reads it at once: the ticket page and their list come from the primary.
    const page = await call(base, 'GET', ApiRoutes.ticket(ticket.id), resident);
    expect(page.status).toBe(200);
    expect((page.body as TicketDetailDto).description).toBe('刚刚提交的报事');
    const list = await call(base, 'GET', ApiRoutes.myTickets, resident);
    expect(list.status).toBe(200);
    expect((list.body as TicketSummaryDto[]).map((t) => t.id)).toContain(ticket.id);

    // The dashboard reads the replica: the month's count has not moved…
    expect(await received()).toBe(before);
    // …until the replica catches up.
    await snapshot(primary, replica);
    expect(await received()).toBe(before + 1);
  });
});
