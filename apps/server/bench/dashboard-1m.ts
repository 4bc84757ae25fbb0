/**
 * Benchmark: 数据看板 for one community's month with 1,000,000 tickets in the table (issue #15).
 *
 *   pnpm --filter @linli/server seed:bench                         once: the realistic company (bench/generate)
 *   BENCH_REUSE=1 pnpm --filter @linli/server bench:dashboard      reads the loaded database
 *   pnpm --filter @linli/server bench:dashboard                    loads first (BENCH_SCALE etc. as seed:bench)
 *
 * Runs the real ReadDashboard use case (what GET /api/dashboard answers) as the company admin for one
 * generated community and the month before BENCH_NOW, as medians of BENCH_RUNS runs in one process:
 * before (every month of the trend computed live, as it was) and after (frozen months read from their
 * indicator_snapshot rows) alternating, a month whose trend is all frozen, the first open that stores the
 * snapshots, the open month's parts timed apart, and the EXPLAIN plans of the remaining queries; then one
 * refresh round of provisional snapshots (FrozenMonthJob.refresh) and the open month and the company view
 * answered from them, cold (each right after a "before" run) and warm.
 * Writes bench/results/dashboard-1m.md.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role, TicketStatus } from '@linli/contracts';
import {
  chinaMonthOf,
  computeIndicators,
  DEFAULT_INDICATOR_TARGETS,
  IndicatorTicket,
  isOpen,
  monthsEndingWith,
  periodWindow,
  WorkingCalendar,
} from '@linli/domain';
import { Between, DataSource, In } from 'typeorm';
import { ClockService } from '../src/modules/clock/clock.service';
import { FrozenMonthJob } from '../src/modules/dashboard/frozen-month-job';
import { IndicatorSource } from '../src/modules/dashboard/indicator-source';
import {
  CohortHistory,
  COHORT_TICKET_SELECT,
  toIndicatorTickets,
} from '../src/modules/dashboard/indicator-tickets';
import { MonthFigures, targetsKey } from '../src/modules/dashboard/month-figures';
import { ReadDashboard } from '../src/modules/dashboard/read-dashboard.service';
import { ReadCompanyDashboard } from '../src/modules/dashboard/read-company-dashboard.service';
import { TicketCategory } from '../src/modules/categories/entities/ticket-category.entity';
import { TicketEvent } from '../src/modules/tickets/entities/ticket-event.entity';
import { TicketExtension } from '../src/modules/tickets/entities/ticket-extension.entity';
import { TicketMilestone } from '../src/modules/tickets/entities/ticket-milestone.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { WorkOrder } from '../src/modules/work-orders/entities/work-order.entity';
import { loadCompany } from './generate/bulk-load';
import { optionsFromEnv } from './generate/company-generator';
import { BENCH_NOW, BENCH_URL, freshBenchDatabase, QUIET_BENCH_ENV } from './seed-bench';
import { benchContext } from './common/bench-server';

const OPEN = Object.values(TicketStatus).filter(isOpen);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(
  fn: () => Promise<T>,
  runs = RUNS,
): Promise<{ ms: number; all: number[]; value: T }> {
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
    const [{ id: companyId }] = (await ds0.ds.query(
      'SELECT id FROM company ORDER BY createdAt LIMIT 1',
    )) as { id: string }[];
    await loadCompany(ds0.ds, optionsFromEnv(process.env, BENCH_NOW), companyId, (l) =>
      console.log(l),
    );
    await ds0.app.close();
  }
  const { app, ds } = await bootContext();
  app.get(ClockService).set({ now: BENCH_NOW, freeze: true });
  const totalTickets = Number((await ds.query('SELECT COUNT(*) n FROM ticket'))[0].n);
  // The generated community with the most tickets (they are spread evenly), and its company's admin.
  const [community] = (await ds.query(
    `SELECT communityId id, COUNT(*) n FROM ticket GROUP BY communityId ORDER BY n DESC, communityId LIMIT 1`,
  )) as { id: string; n: string }[];
  const [admin] = (await ds.query(
    `SELECT u.id, u.name FROM user u JOIN community c ON c.companyId = (SELECT companyId FROM community WHERE id = ?) WHERE u.role = 'admin' LIMIT 1`,
    [community.id],
  )) as { id: string; name: string }[];
  const user = {
    id: admin.id,
    name: admin.name,
    role: Role.Admin,
    householdId: null,
    communityId: null,
  };
  const month = chinaMonthOf(new Date(BENCH_NOW.getTime() - 86_400_000)); // the month before BENCH_NOW
  const window = periodWindow('monthly', month)!;
  const months = monthsEndingWith(month, 6);

  const read = app.get(ReadDashboard);
  const source = app.get(IndicatorSource);
  const figures = app.get(MonthFigures);
  const targets = DEFAULT_INDICATOR_TARGETS;
  const scope = { communityId: community.id, department: null };
  const openMonth = (m: string) => BENCH_NOW.getTime() < figures.freezesAt(m).getTime();
  const dash = (m: string) => () => read.run(user, { month: m, communityId: community.id });

  // Live first: no provisional snapshot left from an earlier run of this bench (they would be fresh at BENCH_NOW).
  await ds.query('DELETE FROM indicator_provisional');
  // The first open after the months froze: nothing stored yet, so the closed months are computed and stored.
  await ds.query('DELETE FROM indicator_snapshot WHERE communityId = ?', [community.id]);
  const first = await timed(dash(month), 1);
  const stored = Number(
    (
      await ds.query('SELECT COUNT(*) n FROM indicator_snapshot WHERE communityId = ?', [
        community.id,
      ])
    )[0].n,
  );
  // Before (every month of the trend computed live from its tickets, as ReadDashboard did) and after, alternating in one run.
  const ofStored = figures.of.bind(figures);
  // Before, as ReadDashboard read until this change: one six-month cohort through IN lists of 500 ids, read one
  // after the other and hydrated as entities (legacyCohort below, the old IndicatorSource.cohort), its feedback
  // likewise, and every month of the trend computed from it.
  let legacyRun: Promise<{
    tickets: IndicatorTicket[];
    feedback: Awaited<ReturnType<IndicatorSource['feedbackOf']>>;
  }> | null = null;
  const allLive: MonthFigures['of'] = async (s, m, now, t) => {
    legacyRun ??= (async () => {
      const tickets = await legacyCohort(
        ds,
        s.communityId,
        periodWindow('monthly', months[0])!.from,
        window.to,
        now,
      );
      const size = source.inListSize;
      source.inListSize = 500;
      const feedback = await source.feedbackOf(tickets, now);
      source.inListSize = size;
      return { tickets, feedback };
    })();
    const { tickets, feedback } = await legacyRun;
    const w = periodWindow('monthly', m)!;
    return computeIndicators({
      tickets,
      from: w.from,
      to: w.to,
      asOf: now,
      calendar: new WorkingCalendar(),
      targets: t,
      ...feedback,
      survey: null,
    });
  };
  const beforeAll: number[] = [];
  const afterAll: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    figures.of = allLive;
    legacyRun = null;
    beforeAll.push((await timed(dash(month), 1)).ms);
    figures.of = ofStored;
    afterAll.push((await timed(dash(month), 1)).ms);
  }
  figures.of = ofStored;
  // After, in a row: what a server that has not just read six months through the buffer pool answers.
  const afterWarm = await timed(dash(month));
  const whole = afterWarm;
  const closedMonth = monthsEndingWith(month, 2)[0];
  await dash(closedMonth)(); // stores the one month its trend has beyond the first open's
  const closed = await timed(dash(closedMonth));
  // The company admin's view: every community of the company side by side (each community's open month live).
  const company = app.get(ReadCompanyDashboard);
  const companyCount = (await company.run(user, { month: closedMonth })).communities.length; // stores each community's closed month once
  const companyOpen = await timed(() => company.run(user, { month }), 3);
  const companyClosed = await timed(() => company.run(user, { month: closedMonth }), 3);
  // Provisional snapshots: one refresh round (every community's open months as of BENCH_NOW's round), then the
  // open month and the company view answered from them, each right after a "before" run (cold), then in a row.
  const job = app.get(FrozenMonthJob);
  const round = await timed(() => job.refresh(), 1);
  const provisionalRows = Number(
    (await ds.query('SELECT COUNT(*) n FROM indicator_provisional'))[0].n,
  );
  const provCold: number[] = [];
  const companyProvCold: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    figures.of = allLive;
    legacyRun = null;
    await dash(month)();
    figures.of = ofStored;
    provCold.push((await timed(dash(month), 1)).ms);
    companyProvCold.push((await timed(() => company.run(user, { month }), 1)).ms);
  }
  const provWarm = await timed(dash(month));
  const companyProvWarm = await timed(() => company.run(user, { month }));
  const provAsOf = provWarm.value.period.asOf;
  // The parts of the month still open.
  const liveMonth = await timed(() => figures.compute(scope, month, BENCH_NOW, targets));
  const cohort = await timed(() => source.cohort(community.id, window.from, window.to, BENCH_NOW));
  const feedback = await timed(() => source.feedbackOf(cohort.value, BENCH_NOW));
  const compute = await timed(async () =>
    computeIndicators({
      tickets: cohort.value,
      from: window.from,
      to: window.to,
      asOf: BENCH_NOW,
      calendar: new WorkingCalendar(),
      targets,
      ...feedback.value,
      survey: null,
    }),
  );
  const snapshotRead = await timed(() => figures.snapshot(scope, closedMonth, targets));
  const openLoad = await timed(() => source.openLoad(community.id, null));
  const events = cohort.value.reduce((n, t) => n + t.events.length, 0);
  const d = whole.value;

  const explain = async (sql: string, params: unknown[]) =>
    ((await ds.query(`EXPLAIN ${sql}`, params)) as Record<string, unknown>[])
      .map((r) => `| ${r.table} | ${r.type} | ${r.key} | ${r.rows} | ${r.Extra ?? ''} |`)
      .join('\n');
  const to = new Date(window.to.getTime() - 1);
  const inCohort = 'SELECT id FROM ticket WHERE communityId = ? AND createdAt BETWEEN ? AND ?';
  const plans: [string, string, unknown[]][] = [
    [
      'a frozen month: its snapshot',
      'SELECT * FROM indicator_snapshot WHERE communityId = ? AND scopeKey = ? AND month = ? AND targetsKey = ?',
      [community.id, '*', closedMonth, targetsKey(targets)],
    ],
    [
      'the open month: its tickets',
      'SELECT id, code, kind, categoryCode, channel, buildingId, emergency, serious, status, createdAt, pauses FROM ticket WHERE communityId = ? AND createdAt BETWEEN ? AND ? ORDER BY createdAt, id',
      [community.id, window.from, to],
    ],
    [
      'their events',
      `SELECT e.ticketId, e.version, e.action, e.at, e.actorId FROM ticket_event e WHERE e.ticketId IN (${inCohort}) ORDER BY e.ticketId, e.version`,
      [community.id, window.from, to],
    ],
    [
      'their milestones',
      `SELECT ticketId, milestone, limitSpec, startAt, metAt, warnedAt, breachedAt FROM ticket_milestone WHERE ticketId IN (${inCohort})`,
      [community.id, window.from, to],
    ],
    [
      'their ratings',
      `SELECT ticketId, round, overall FROM ticket_rating WHERE ticketId IN (${inCohort}) AND createdAt <= ? ORDER BY round`,
      [community.id, window.from, to, BENCH_NOW],
    ],
    [
      'open load',
      `SELECT id, assigneeId, categoryCode FROM ticket WHERE communityId = ? AND status IN (${OPEN.map(() => '?').join(',')})`,
      [community.id, ...OPEN],
    ],
  ];
  let planText = '';
  for (const [title, sql, params] of plans)
    planText += `### ${title}\n\n\`\`\`sql\n${sql.replace(/\(\?(,\?)+\)/, '(…)')}\n\`\`\`\n\n| table | type | key | rows | extra |\n| --- | --- | --- | --- | --- |\n${await explain(sql, params)}\n\n`;
  const version = (await ds.query('SELECT VERSION() AS v'))[0].v as string;
  const f = (n: number) => `${n.toFixed(0)} ms`;
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');

  const report = `# Benchmark: 数据看板 over ${totalTickets.toLocaleString('en')} tickets

Run: \`BENCH_REUSE=1 pnpm --filter @linli/server bench:dashboard\` (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC) on the database
\`seed:bench\` loaded (bench/results/seed-bench.md), ${version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}),
Node ${process.version}, clock at ${BENCH_NOW.toISOString()}. Medians of ${RUNS} runs in one process (before and after alternating); the machine was
shared with other work (load average ${os.loadavg()[0].toFixed(1)} at the end), so read the ratios.

Data: ${totalTickets.toLocaleString('en')} tickets in the table; the community measured has ${Number(community.n).toLocaleString('en')} of them over two years.
The dashboard for ${month} (as the company admin, through the ReadDashboard use case GET /api/dashboard runs) shows
${month} and the trend ${months[0]}–${month}; ${month} received ${d.received} tickets (${events.toLocaleString('en')} events). At this clock ${months.filter(openMonth).join(', ') || 'no month'} is still open
(months freeze ${figures.freezesAt(month).getTime() - window.to.getTime() === 0 ? 'at their close' : `${(figures.freezesAt(month).getTime() - window.to.getTime()) / 86_400_000} days after their close`}) and is computed live; the others are read from indicator_snapshot.

| measurement | median | runs |
| --- | --- | --- |
| ReadDashboard.run ${month}, before: six months read through IN lists of 500 ids, every month computed (as it was) | ${f(median(beforeAll))} | ${runs(beforeAll)} |
| **ReadDashboard.run ${month}, after: closed months from their snapshots, ${month} live** (each right after a before run) | **${f(median(afterAll))}** | ${runs(afterAll)} |\n| **the same, after, ${RUNS} in a row** | **${f(afterWarm.ms)}** | ${runs(afterWarm.all)} |
| ReadDashboard.run ${closedMonth} (all six months frozen) | ${f(closed.ms)} | ${runs(closed.all)} |
| first open after the freeze: the ${stored} snapshots computed and stored (once) | ${f(first.ms)} | ${runs(first.all)} |
| the open month live (MonthFigures.compute ${month}) | ${f(liveMonth.ms)} | ${runs(liveMonth.all)} |
| – its cohort read (tickets, events, milestones, extensions, work orders) | ${f(cohort.ms)} | ${runs(cohort.all)} |
| – residents' feedback (ratings, callbacks) | ${f(feedback.ms)} | ${runs(feedback.all)} |
| – computeIndicators (pure) | ${f(compute.ms)} | ${runs(compute.all)} |
| company view ${month} (${companyCount} communities, each month live, in turn; no provisional snapshot) | ${f(companyOpen.ms)} | ${runs(companyOpen.all)} |
| company view ${closedMonth} (${companyCount} communities, frozen) | ${f(companyClosed.ms)} | ${runs(companyClosed.all)} |
| refresh round: ${provisionalRows} provisional snapshots stored (every community's open months ${job.openMonths(BENCH_NOW).join(', ')}, as of ${figures.roundStart(BENCH_NOW).toISOString()}) | ${f(round.ms)} | ${runs(round.all)} |
| **ReadDashboard.run ${month} from its provisional snapshot, cold** (each right after a before run; answered as of ${provAsOf}) | **${f(median(provCold))}** | ${runs(provCold)} |
| **the same, ${RUNS} in a row** | **${f(provWarm.ms)}** | ${runs(provWarm.all)} |
| **company view ${month} (${companyCount} communities) from their provisional snapshots, cold** (right after the one above) | **${f(median(companyProvCold))}** | ${runs(companyProvCold)} |
| **the same, ${RUNS} in a row** | **${f(companyProvWarm.ms)}** | ${runs(companyProvWarm.all)} |
| a frozen month's snapshot read | ${f(snapshotRead.ms)} | ${runs(snapshotRead.all)} |
| IndicatorSource.openLoad (open tickets now, with the late milestones) | ${f(openLoad.ms)} | ${runs(openLoad.all)} |

## EXPLAIN

${planText}`;
  const out = path.join(__dirname, 'results', 'dashboard-1m.md');
  writeFileSync(out, report);
  console.log(report);
  console.log(`written to ${out}`);
  await app.close();
}

/** IndicatorSource.cohort as it was before the snapshots (commit b514399), for the before column. */
async function legacyCohort(
  ds: DataSource,
  communityId: string,
  from: Date,
  to: Date,
  asOf: Date,
): Promise<IndicatorTicket[]> {
  const tickets = await ds.getRepository(Ticket).find({
    where: { communityId, createdAt: Between(from, new Date(to.getTime() - 1)) },
    select: COHORT_TICKET_SELECT,
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const history: CohortHistory = { events: [], milestones: [], extensions: [], orders: [] };
  for (let i = 0; i < tickets.length; i += 500) {
    const part = tickets.slice(i, i + 500).map((t) => t.id);
    history.events.push(
      ...(await ds.getRepository(TicketEvent).find({
        where: { ticketId: In(part) },
        select: { ticketId: true, version: true, action: true, at: true, actorId: true },
        order: { ticketId: 'ASC', version: 'ASC' },
      })),
    );
    history.milestones.push(
      ...(await ds.getRepository(TicketMilestone).find({
        where: { ticketId: In(part) },
        select: {
          ticketId: true,
          milestone: true,
          limitSpec: true,
          startAt: true,
          metAt: true,
          warnedAt: true,
          breachedAt: true,
        },
      })),
    );
    history.extensions.push(
      ...(await ds.getRepository(TicketExtension).find({
        where: { ticketId: In(part) },
        select: { ticketId: true, status: true, requestedAt: true },
      })),
    );
    history.orders.push(
      ...(await ds.getRepository(WorkOrder).find({
        where: { ticketId: In(part) },
        select: { ticketId: true, department: true, issuedAt: true },
      })),
    );
  }
  const categories = new Map(
    (await ds.getRepository(TicketCategory).find()).map((c) => [c.code, c.department]),
  );
  return toIndicatorTickets(tickets, history, (code) => categories.get(code), asOf);
}

async function bootContext() {
  const app = await benchContext(BENCH_URL, QUIET_BENCH_ENV);
  return { app, ds: app.get(DataSource) };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
