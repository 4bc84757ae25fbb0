/**
 * Benchmark: the assistant's queue on an existing database of 1,000,000 tickets, READ ONLY (issue #16).
 *
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/linli_bench_rollup pnpm --filter @linli/server bench:queue
 *   BENCH_REQUESTS=200 BENCH_ROUNDS=5 BENCH_ASSISTANTS=20 (defaults)
 *
 * Does not start the server (it migrates, seeds and runs the sweepers as it boots, which would write into
 * a database that is not ours). Instead it runs the product's own code for one queue request: the session's
 * user (OrgDirectory.authUser, as TokenService.verify), then TicketLists.queue for the first page
 * (default limit 20, as the mini-program asks) with the real repositories (the assistant's buildings,
 * the light read of the whole open set, the milestones of those rows, the page's rows with their
 * relations). Only the countdown's arithmetic (TicketSla.current, pure, no SQL) is left out: every row
 * then has no running limit, so the page is cut by emergency, age and code. Every statement is checked to
 * be a SELECT before it is sent; anything else aborts the run.
 *
 * Picks the BENCH_ASSISTANTS assistants with the most open tickets in their buildings, takes BENCH_ROUNDS
 * rounds of BENCH_REQUESTS sequential requests round-robin over them (after a warm-up of one round), prints
 * p50/p95/p99 per round and their medians, and the EXPLAIN and ANALYZE (MariaDB: executes the SELECT, reports rows read) of each
 * statement for the busiest assistant.
 */
import 'reflect-metadata';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { OPEN_STATUSES, PAGE_SIZE } from '@linli/domain';
import { AuthUser } from '../src/common/auth/auth-user';
import { parseMysqlUrl } from '../src/config/app-config';
import { AssistantBuilding } from '../src/modules/org/entities/assistant-building.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { OrgDirectory } from '../src/modules/org/org-directory.service';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { TicketMilestone } from '../src/modules/tickets/entities/ticket-milestone.entity';
import { TicketLists } from '../src/modules/tickets/ticket-lists.service';
import { TicketSla } from '../src/modules/tickets/ticket-sla.service';
import { mysqlConnection } from './common/bench-database';

const URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench_rollup';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ASSISTANTS = Number(process.env.BENCH_ASSISTANTS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Records the statements as TypeORM sends them and refuses anything but a SELECT. */
class ReadOnlyRecorder implements TypeOrmLogger {
  statements: { sql: string; params: unknown[] }[] = [];
  recording = false;
  logQuery(query: string, parameters?: unknown[]): void {
    if (!/^\s*((EXPLAIN|ANALYZE)\s+)?SELECT\b/i.test(query))
      throw new Error(`not a SELECT, refusing: ${query.slice(0, 120)}`);
    if (this.recording) this.statements.push({ sql: query, params: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  const db = parseMysqlUrl(URL);
  if (typeof db === 'string') throw new Error(`BENCH_DATABASE_URL ${db}`);
  const recorder = new ReadOnlyRecorder();
  const ds = new DataSource({
    type: 'mariadb',
    ...mysqlConnection(db),
    migrationsRun: false,
    synchronize: false,
    logging: true,
    logger: recorder,
  });
  await ds.initialize();
  try {
    const org = new OrgDirectory(
      ds.getRepository(User),
      ds.getRepository(Household),
      ds.getRepository(AssistantBuilding),
      ds.getRepository(Community),
    );
    // The SLA service's SQL (rowsByTicket) as the product runs it; the countdown itself is pure arithmetic.
    const sla = Object.assign(Object.create(TicketSla.prototype) as TicketSla, {
      milestones: ds.getRepository(TicketMilestone),
    });
    sla.current = () => null;
    const clock = { now: () => new Date() };
    // TicketLists(tickets, reach, org, sla, clock): the queue needs no resident access policy.
    const deps = [
      ds.getRepository(Ticket),
      null,
      org,
      sla,
      clock,
    ] as unknown as ConstructorParameters<typeof TicketLists>;
    const queries = new TicketLists(...deps);

    const open = [...OPEN_STATUSES];
    const picked: { userId: string; open: string | number; buildings: string | number }[] =
      await ds.query(
        `SELECT a.userId, COUNT(t.id) AS open, COUNT(DISTINCT a.buildingId) AS buildings FROM assistant_building a
       JOIN ticket t ON t.buildingId = a.buildingId AND t.status IN (${open.map(() => '?').join(',')})
       GROUP BY a.userId ORDER BY open DESC, a.userId LIMIT ?`,
        [...open, ASSISTANTS],
      );
    const [{ total }] = await ds.query('SELECT COUNT(*) AS total FROM ticket');
    const [{ openTotal }] = await ds.query(
      `SELECT COUNT(*) AS openTotal FROM ticket WHERE status IN (${open.map(() => '?').join(',')})`,
      open,
    );
    const [{ assistants }] = await ds.query(
      'SELECT COUNT(DISTINCT userId) AS assistants FROM assistant_building',
    );
    console.log(
      `database ${db.database}: ${total} tickets, ${openTotal} open, ${assistants} assistants`,
    );
    console.log(
      `the ${picked.length} assistants with the most open tickets in their buildings: ${picked.map((p) => p.open).join(', ')}`,
    );

    const request = async (userId: string) => {
      const user = (await org.authUser(userId)) as AuthUser;
      return queries.queue(user, { cursor: null, limit: PAGE_SIZE.default });
    };

    // Warm-up: one round over the assistants; the statements of the busiest one are recorded.
    recorder.recording = true;
    const firstRows = await request(picked[0].userId);
    recorder.recording = false;
    const captured = recorder.statements;
    for (const p of picked.slice(1)) await request(p.userId);

    const rounds: { p50: number; p95: number; p99: number; max: number }[] = [];
    const rows: number[] = [];
    const queued: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = process.hrtime.bigint();
        const list = await request(picked[i % picked.length].userId);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        rows.push(list.items.length);
        queued.push(list.counts.pending + list.counts.inProgress);
      }
      rounds.push({
        p50: pct(times, 50),
        p95: pct(times, 95),
        p99: pct(times, 99),
        max: Math.max(...times),
      });
    }
    console.log(
      `\n${ROUNDS} rounds of ${REQUESTS} sequential queue requests (session user + queue), ${picked.length} assistants round-robin`,
    );
    console.log(
      `rows per page: min ${Math.min(...rows)}, max ${Math.max(...rows)}; pending + in progress per queue: min ${Math.min(...queued)}, max ${Math.max(...queued)}; busiest assistant's first page: ${firstRows.items.length} rows of a queue counting ${firstRows.counts.pending} pending, ${firstRows.counts.inProgress} in progress`,
    );
    for (const [i, r] of rounds.entries())
      console.log(
        `round ${i + 1}: p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, p99 ${f(r.p99)} ms, max ${f(r.max)} ms`,
      );
    const med = (k: 'p50' | 'p95' | 'p99') =>
      pct(
        rounds.map((r) => r[k]),
        50,
      );
    console.log(
      `median of the rounds: p50 ${f(med('p50'))} ms, p95 ${f(med('p95'))} ms, p99 ${f(med('p99'))} ms`,
    );

    console.log(
      `\nstatements of one queue request (${captured.length}), each replayed ${REQUESTS} times alone, with EXPLAIN and ANALYZE:`,
    );
    for (const s of captured) {
      console.log(`\n${s.sql}\n  -- params: ${JSON.stringify(s.params)}`);
      const alone: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = process.hrtime.bigint();
        await ds.query(s.sql, s.params);
        alone.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      console.log(`  alone: p50 ${f(pct(alone, 50))} ms, p95 ${f(pct(alone, 95))} ms`);
      for (const verb of ['EXPLAIN', 'ANALYZE']) {
        const plan: Record<string, unknown>[] = await ds.query(`${verb} ${s.sql}`, s.params);
        const cols =
          verb === 'EXPLAIN'
            ? ['table', 'type', 'key', 'key_len', 'rows', 'Extra']
            : ['table', 'type', 'key', 'rows', 'r_rows', 'filtered', 'r_filtered', 'Extra'];
        console.log(`  ${verb}: ${cols.join(' | ')}`);
        for (const r of plan) console.log(`    ${cols.map((c) => String(r[c] ?? '')).join(' | ')}`);
      }
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
