import {
  ApiRoutes,
  DemoPersona,
  type DashboardDto,
  type Page,
  type TicketDetailDto,
  type TicketSummaryDto,
} from '@linli/contracts';
import { ticketRequest } from '../support/builders';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { PrivateMariadb, startPrivateMariadb } from './private-mariadb';
import { call, login, until } from './support';

jest.setTimeout(180_000);

/**
 * A real read replica: two private MariaDB servers, the second replicating the first (binlog, GTID),
 * and the server with DATABASE_REPLICA_URLS pointing at the second. The replica is made to lag by
 * stopping its SQL thread (it still receives the binlog, applies nothing): the resident's just-written
 * ticket is theirs to read at once from the primary, the dashboard (replica) catches up once replication
 * resumes.
 */
describe('a MariaDB read replica under replication lag', () => {
  let primary: PrivateMariadb;
  let replica: PrivateMariadb;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([
      startPrivateMariadb({ serverId: 1, binlog: true }),
      startPrivateMariadb({ serverId: 2, binlog: false }),
    ]);
    await replica.query(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos`,
    );
    await replica.query('START SLAVE');
    await primary.query('CREATE DATABASE linli CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await until(
      'the database to replicate',
      async () => (await replica.query("SHOW DATABASES LIKE 'linli'")).length === 1,
      30_000,
    );
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await replica?.stop();
    await primary?.stop();
  });

  const ticketOnReplica = async (id: string) =>
    (await replica.query('SELECT id FROM linli.ticket WHERE id = ?', [id])).length === 1;

  it('replicates, and routes the resident to the primary and the dashboard to the replica', async () => {
    server = await startServerProcess({
      DATABASE_URL: primary.url('linli'),
      DATABASE_REPLICA_URLS: replica.url('linli'),
      NODE_ENV: 'test',
      LINLI_SLA_SWEEP_SECONDS: '0',
    });
    const base = server.baseUrl;
    // Migrations and the seed ran on the primary and reached the replica through the binlog.
    const count = async (db: PrivateMariadb) =>
      Number((await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM linli.migrations'))[0].n);
    await until(
      'the schema on the replica',
      async () => (await count(replica).catch(() => -1)) === (await count(primary)),
      30_000,
    );
    const resident = await login(base, DemoPersona.Resident);
    const supervisor = await login(base, DemoPersona.Supervisor);
    const received = async () =>
      ((await call(base, 'GET', ApiRoutes.dashboard, supervisor)).body as DashboardDto).received;
    const before = await received();

    // Lag: the replica receives the binlog but applies nothing.
    await replica.query('STOP SLAVE SQL_THREAD');
    const submitted = await call(
      base,
      'POST',
      ApiRoutes.tickets,
      resident,
      ticketRequest({ description: '主从延迟时提交的报事' }),
    );
    expect(submitted.status).toBe(201);
    const ticket = submitted.body as TicketDetailDto;
    expect(await ticketOnReplica(ticket.id)).toBe(false);
    const page = await call(base, 'GET', ApiRoutes.ticket(ticket.id), resident);
    expect(page.status).toBe(200);
    expect((page.body as TicketDetailDto).description).toBe('主从延迟时提交的报事');
    expect(
      (
        (await call(base, 'GET', ApiRoutes.myTickets, resident)).body as Page<TicketSummaryDto>
      ).items.map((t) => t.id),
    ).toContain(ticket.id);
    expect(await received()).toBe(before);

    // Replication resumes: the replica applies the ticket and the dashboard counts it.
    await replica.query('START SLAVE SQL_THREAD');
    await until('the replica to apply the ticket', () => ticketOnReplica(ticket.id), 30_000);
    expect(await received()).toBe(before + 1);
  });
});
