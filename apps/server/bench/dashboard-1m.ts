/**
 * Benchmark: 数据看板 for one community's month with 1,000,000 tickets in the table (issue #15).
 *
 *   pnpm --filter @linli/server seed:bench                         once: the realistic company (bench/generate)
 *   BENCH_REUSE=1 pnpm --filter @linli/server bench:dashboard      reads the loaded database
 *   pnpm --filter @linli/server bench:dashboard                    loads first (BENCH_SCALE etc. as seed:bench)
 *
 * Runs the real ReadDashboard use case (what GET /api/dashboard answers) as the company admin for one
 * generated community and the month before BENCH_NOW, as medians of BENCH_RUNS runs in one process, with
 * its parts timed apart (the cohort read, residents' feedback, the computation) and the EXPLAIN plans of
 * the cohort's queries. Writes bench/results/dashboard-1m.md.
 */
import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role, TicketStatus } from '@linli/contracts';
import { chinaMonthOf, computeIndicators, isOpen, monthsEndingWith, periodWindow, WorkingCalendar } from '@linli/domain';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { ClockService } from '../src/modules/clock/clock.service';
import { IN_LIST_SIZE, IndicatorSource } from '../src/modules/dashboard/indicator-source';
import { ReadDashboard } from '../src/modules/dashboard/read-dashboard.service';
import { loadCompany } from './generate/bulk-load';
import { optionsFromEnv } from './generate/company-generator';
import { BENCH_NOW, BENCH_URL, freshBenchDatabase } from './seed-bench';

const OPEN = Object.values(TicketStatus).filter(isOpen);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(fn: () => Promise<T>, runs = RUNS): Promise<{ ms: number; all: number[]; value: T }> {
  const all: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = await fn();
    all.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(all), all, value };
}

async function main(): Promise<void> {
  if (process.env.BENCH_REUSE !== '1') {
    await freshBenchDatabase();
    const ds0 = await bootContext();
    const [{ id: companyId }] = (await ds0.ds.query('SELECT id FROM company ORDER BY createdAt LIMIT 1')) as { id: string }[];
    await loadCompany(ds0.ds, optionsFromEnv(process.env, BENCH_NOW), companyId, (l) => console.log(l));
    await ds0.app.close();
  }
  const { app, ds } = await bootContext();
  app.get(ClockService).set({ now: BENCH_NOW, freeze: true });
  const totalTickets = Number((await ds.query('SELECT COUNT(*) n FROM ticket'))[0].n);
  // The generated community with the most tickets (they are spread evenly), and its company's admin.
  const [community] = (await ds.query(`SELECT communityId id, COUNT(*) n FROM ticket GROUP BY communityId ORDER BY n DESC LIMIT 1`)) as { id: string; n: string }[];
  const [admin] = (await ds.query(`SELECT u.id, u.name FROM user u JOIN community c ON c.companyId = (SELECT companyId FROM community WHERE id = ?) WHERE u.role = 'admin' LIMIT 1`, [community.id])) as { id: string; name: string }[];
  const user = { id: admin.id, name: admin.name, role: Role.Admin, householdId: null, communityId: null };
  const month = chinaMonthOf(new Date(BENCH_NOW.getTime() - 86_400_000)); // the month before BENCH_NOW
  const window = periodWindow('monthly', month)!;
  const months = monthsEndingWith(month, 6);
  const trendFrom = periodWindow('monthly', months[0])!.from;

  const read = app.get(ReadDashboard);
  const source = app.get(IndicatorSource);
  await read.run(user, { month, communityId: community.id }); // warm the pool and the buffer pool once
  // Before: 500 ids per IN list (as the source read until this benchmark); after: IN_LIST_SIZE. Same run, alternating.
  const beforeAll: number[] = [];
  const afterAll: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    source.inListSize = 500;
    beforeAll.push((await timed(() => read.run(user, { month, communityId: community.id }), 1)).ms);
    source.inListSize = IN_LIST_SIZE;
    afterAll.push((await timed(() => read.run(user, { month, communityId: community.id }), 1)).ms);
  }
  source.inListSize = 500;
  const cohortBefore = await timed(() => source.cohort(community.id, trendFrom, window.to, BENCH_NOW));
  source.inListSize = IN_LIST_SIZE;
  const whole = await timed(() => read.run(user, { month, communityId: community.id }), 1);
  const cohort = await timed(() => source.cohort(community.id, trendFrom, window.to, BENCH_NOW));
  const feedback = await timed(() => source.feedbackOf(cohort.value, BENCH_NOW));
  // The open load: its query with the index it now has, and (before) with that index ignored; same run.
  const openSql = `SELECT id, assigneeId, categoryCode FROM ticket %HINT% WHERE communityId = ? AND status IN (${OPEN.map(() => '?').join(',')})`;
  const openBefore = await timed(() => ds.query(openSql.replace('%HINT%', 'IGNORE INDEX (IDX_ticket_community_status)'), [community.id, ...OPEN]), 3);
  const openAfter = await timed(() => ds.query(openSql.replace('%HINT%', ''), [community.id, ...OPEN]));
  const openLoad = await timed(() => source.openLoad(community.id, null));
  const compute = await timed(async () => computeIndicators({ tickets: cohort.value, from: window.from, to: window.to, asOf: BENCH_NOW, calendar: new WorkingCalendar(), ...feedback.value, survey: null }));
  const events = cohort.value.reduce((n, t) => n + t.events.length, 0);
  const d = whole.value;

  const explain = async (sql: string, params: unknown[]) =>
    ((await ds.query(`EXPLAIN ${sql}`, params)) as Record<string, unknown>[]).map((r) => `| ${r.table} | ${r.type} | ${r.key} | ${r.rows} | ${r.Extra ?? ''} |`).join('\n');
  const ids = cohort.value.slice(0, 500).map((t) => t.id);
  const inList = ids.map(() => '?').join(',');
  const plans: [string, string, unknown[]][] = [
    ['cohort tickets', 'SELECT id, code, kind, categoryCode, channel, buildingId, emergency, serious, status, createdAt, pauses FROM ticket WHERE communityId = ? AND createdAt BETWEEN ? AND ? ORDER BY createdAt, id', [community.id, trendFrom, new Date(window.to.getTime() - 1)]],
    ['their events (per 500 ids)', `SELECT ticketId, version, action, at, actorId FROM ticket_event WHERE ticketId IN (${inList}) ORDER BY ticketId, version`, ids],
    ['their milestones (per 500 ids)', `SELECT ticketId, milestone, limitSpec, startAt, metAt, warnedAt, breachedAt FROM ticket_milestone WHERE ticketId IN (${inList})`, ids],
    ['their ratings (per 500 ids)', `SELECT ticketId, round, overall FROM ticket_rating WHERE ticketId IN (${inList}) AND createdAt <= ? ORDER BY round`, [...ids, BENCH_NOW]],
    ['open load', `SELECT id, assigneeId, categoryCode FROM ticket WHERE communityId = ? AND status IN (${OPEN.map(() => '?').join(',')})`, [community.id, ...OPEN]],
  ];
  let planText = '';
  for (const [title, sql, params] of plans) planText += `### ${title}\n\n\`\`\`sql\n${sql.replace(/\(\?(,\?)+\)/, '(…)')}\n\`\`\`\n\n| table | type | key | rows | extra |\n| --- | --- | --- | --- | --- |\n${await explain(sql, params)}\n\n`;
  const version = (await ds.query('SELECT VERSION() AS v'))[0].v as string;
  const f = (n: number) => `${n.toFixed(0)} ms`;

  const report = `# Benchmark: 数据看板 over ${totalTickets.toLocaleString('en')} tickets

Run: \`BENCH_REUSE=1 pnpm --filter @linli/server bench:dashboard\` (${new Date().toISOString().slice(0, 10)}) on the database
\`seed:bench\` loaded (bench/results/seed-bench.md), ${version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}),
Node ${process.version}. Medians of ${RUNS} runs in one process (before and after alternating); the machine was shared with other work (load average
${os.loadavg()[0].toFixed(1)} at the end), so read the ratios.

Data: ${totalTickets.toLocaleString('en')} tickets in the table; the community measured has ${Number(community.n).toLocaleString('en')} of them over two years.
The dashboard for ${month} (as the company admin, through the ReadDashboard use case GET /api/dashboard runs) reads
the six months of the trend: ${cohort.value.length.toLocaleString('en')} tickets with ${events.toLocaleString('en')} events; the month itself received ${d.received}.

| measurement | median | runs |
| --- | --- | --- |
| ReadDashboard.run (the whole answer), before: 500 ids per IN list | ${f(median(beforeAll))} | ${beforeAll.map((x) => x.toFixed(0)).join(', ')} |
| **ReadDashboard.run (the whole answer), after: ${IN_LIST_SIZE} ids per IN list** | **${f(median(afterAll))}** | ${afterAll.map((x) => x.toFixed(0)).join(', ')} |
| cohort read, before (500 per IN list) | ${f(cohortBefore.ms)} | ${cohortBefore.all.map((x) => x.toFixed(0)).join(', ')} |
| cohort read (tickets, events, milestones, extensions, work orders; six months) | ${f(cohort.ms)} | ${cohort.all.map((x) => x.toFixed(0)).join(', ')} |
| residents' feedback (ratings, callbacks) of the cohort | ${f(feedback.ms)} | ${feedback.all.map((x) => x.toFixed(0)).join(', ')} |
| open load query, before: without IDX_ticket_community_status (${(openBefore.value as unknown[]).length} open tickets) | ${f(openBefore.ms)} | ${openBefore.all.map((x) => x.toFixed(0)).join(', ')} |
| open load query, after: with IDX_ticket_community_status | ${f(openAfter.ms)} | ${openAfter.all.map((x) => x.toFixed(0)).join(', ')} |
| IndicatorSource.openLoad (with the late milestones) | ${f(openLoad.ms)} | ${openLoad.all.map((x) => x.toFixed(0)).join(', ')} |
| computeIndicators for the month (pure) | ${f(compute.ms)} | ${compute.all.map((x) => x.toFixed(0)).join(', ')} |

## EXPLAIN

${planText}`;
  const out = path.join(__dirname, 'results', 'dashboard-1m.md');
  writeFileSync(out, report);
  console.log(report);
  console.log(`written to ${out}`);
  await app.close();
}

async function bootContext() {
  const config = loadConfig({ ...process.env, DATABASE_URL: BENCH_URL, NODE_ENV: 'test', LINLI_DEMO_HISTORY: '0', LINLI_SLA_SWEEP_SECONDS: '0', LINLI_OUTBOX_POLL_MS: '0', LINLI_REPORTS_SWEEP_SECONDS: '0', LINLI_DATA_DIR: path.join(os.tmpdir(), 'linli-bench') });
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: new ConsoleLogger({ logLevels: ['error', 'fatal'] }) });
  return { app, ds: app.get(DataSource) };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
