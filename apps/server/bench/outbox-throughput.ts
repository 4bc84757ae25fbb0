/**
 * Benchmark: notification delivery throughput of the outbox to the local WeChat server, with one and
 * with two server instances on one MariaDB (and one instance on SQLite, the embedded default, for scale).
 *
 *   pnpm --filter @linli/server bench:outbox      (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/linli_bench_outbox)
 *   BENCH_MESSAGES=2000 BENCH_RUNS=3 pnpm --filter @linli/server bench:outbox
 *
 * Each run: a fresh database migrated and seeded by the real app; the built server (apps/server/dist,
 * `pnpm --filter @linli/server build`) started as 1 or 2 OS processes, as in production, polling every
 * 100 ms; then BENCH_MESSAGES messages are queued through the real Outbox in one transaction, and the
 * clock runs from that commit until the local WeChat server has accepted the last one. Every message
 * must arrive exactly once or the run fails. Two WeChat answer latencies: 0 ms (the database is the
 * limit) and 30 ms (a round trip to api.weixin.qq.com, where concurrency is the limit).
 * Writes bench/results/outbox-throughput.md with medians over BENCH_RUNS runs.
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { MysqlDatabaseConfig, parseMysqlUrl } from '../src/config/app-config';
import { databaseEnv, ServerProcess, startServerProcess } from '../test/support/server-process';
import { createTestApp } from '../test/support/test-app';
import { TestDatabase } from '../test/support/test-database';
import { queueTicketUpdates, TICKET_UPDATED_TEMPLATE } from '../test/support/outbox-load';

const URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench_outbox';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TEMPLATE = TICKET_UPDATED_TEMPLATE;
const APPID = 'wxlinlibench00000';
const SECRET = 'bench-secret';

interface Scenario {
  name: string;
  database: 'mysql' | 'sqlite';
  instances: number;
  latencyMs: number;
  /** Share of subscribe/send requests WeChat leaves unanswered until the client's timeout (WECHAT_TIMEOUT_MS=500). */
  hangShare?: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'MariaDB, 1 instance, WeChat 0 ms', database: 'mysql', instances: 1, latencyMs: 0 },
  { name: 'MariaDB, 2 instances, WeChat 0 ms', database: 'mysql', instances: 2, latencyMs: 0 },
  { name: 'MariaDB, 1 instance, WeChat 30 ms', database: 'mysql', instances: 1, latencyMs: 30 },
  { name: 'MariaDB, 2 instances, WeChat 30 ms', database: 'mysql', instances: 2, latencyMs: 30 },
  { name: 'SQLite, 1 instance, WeChat 0 ms', database: 'sqlite', instances: 1, latencyMs: 0 },
  { name: 'SQLite, 1 instance, WeChat 30 ms', database: 'sqlite', instances: 1, latencyMs: 30 },
  {
    name: 'MariaDB, 1 instance, WeChat 30 ms, 5% hang 500 ms',
    database: 'mysql',
    instances: 1,
    latencyMs: 30,
    hangShare: 0.05,
  },
];

const FINDINGS_MARKER = '<!-- findings: kept across runs -->';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let counter = 0;
async function freshDatabase(kind: Scenario['database']): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
    return {
      config: { type: 'sqlite', path: path.join(dir, 'linli.sqlite') },
      drop: async () => undefined,
    };
  }
  const base = parseMysqlUrl(URL);
  if (typeof base === 'string') throw new Error(`BENCH_DATABASE_URL ${base}`);
  const config: MysqlDatabaseConfig = { ...base, database: `${base.database}_${++counter}` };
  const admin = async (sql: string) => {
    const c = await createConnection({
      host: config.host,
      port: config.port,
      user: config.username,
      password: config.password,
    });
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS \`${config.database}\``);
  await admin(
    `CREATE DATABASE \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  return { config, drop: () => admin(`DROP DATABASE IF EXISTS \`${config.database}\``) };
}

/** One run: returns messages per second from the queueing commit to the last acceptance by WeChat. */
async function run(scenario: Scenario): Promise<{ perSecond: number; seconds: number }> {
  const db = await freshDatabase(scenario.database);
  const wechat: LocalWechatServer = await startLocalWechatServer({
    appid: APPID,
    secret: SECRET,
    latencyMs: scenario.latencyMs,
  });
  const env = {
    ...databaseEnv(db),
    NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef',
    WECHAT_APPID: APPID,
    WECHAT_SECRET: SECRET,
    WECHAT_API_BASE: wechat.url,
    LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
    LINLI_QUIET_HOURS: '00:00-00:00',
    LINLI_SLA_SWEEP_SECONDS: '0',
    LINLI_OUTBOX_POLL_MS: '100',
    // A hanging request is given up after 500 ms and retried 50 ms later.
    WECHAT_TIMEOUT_MS: '500',
    LINLI_OUTBOX_BACKOFF_MS: '50',
  };
  // Migrate and seed through the real app (its own worker is off: LINLI_OUTBOX_POLL_MS=0).
  const app = await createTestApp({
    database: db,
    env: { ...env, NODE_ENV: 'test', LINLI_OUTBOX_POLL_MS: '0' },
  });
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < scenario.instances; i++) servers.push(await startServerProcess(env));
    await queueTicketUpdates(app, 'demo-resident', MESSAGES);
    if (scenario.hangShare)
      wechat.failRandomly(scenario.hangShare, ['timeout'], '/cgi-bin/message/subscribe/send');
    const t0 = performance.now();
    const deadline = Date.now() + 300_000;
    while (wechat.delivered.length < MESSAGES) {
      if (Date.now() > deadline)
        throw new Error(
          `${scenario.name}: only ${wechat.delivered.length}/${MESSAGES} delivered in 5 minutes`,
        );
      await sleep(5);
    }
    const seconds = (performance.now() - t0) / 1000;
    await sleep(300); // anything delivered twice would show up now
    const bodies = new Set(wechat.delivered.map((d) => d.data.thing3.value));
    if (wechat.delivered.length !== MESSAGES || bodies.size !== MESSAGES)
      throw new Error(
        `${scenario.name}: ${wechat.delivered.length} deliveries of ${bodies.size} distinct messages`,
      );
    return { perSecond: MESSAGES / seconds, seconds };
  } finally {
    for (const s of servers) await s.kill('SIGTERM');
    await app.close();
    await wechat.close();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const results = new Map<string, number>();
  const only = process.env.BENCH_ONLY;
  for (const scenario of SCENARIOS.filter((s) => !only || s.name.includes(only))) {
    const runs: { perSecond: number; seconds: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await run(scenario);
      runs.push(r);
      console.log(
        `${scenario.name} run ${i + 1}: ${r.perSecond.toFixed(0)} msg/s (${r.seconds.toFixed(2)} s)`,
      );
    }
    const m = median(runs.map((r) => r.perSecond));
    results.set(scenario.name, m);
    rows.push(
      `| ${scenario.name} | ${m.toFixed(0)} | ${median(runs.map((r) => r.seconds)).toFixed(2)} s | ${runs.map((r) => r.perSecond.toFixed(0)).join(', ')} |`,
    );
  }
  const ratio = (a: string, b: string) =>
    ((results.get(a) ?? 0) / (results.get(b) ?? 1)).toFixed(2);
  const report = `# Outbox delivery throughput

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version},
by \`pnpm --filter @linli/server bench:outbox\` (${MESSAGES} messages a run, ${RUNS} runs a scenario, medians).
The machine is shared and noisy: compare the rows of one run with each other, not with another day's.

Each run queues ${MESSAGES} subscribe messages through the real \`Outbox\` in one transaction; the built
server, started as separate processes (\`node apps/server/dist/main.js\`, production mode, polling every
100 ms), delivers them to the local WeChat server; time runs from the commit to WeChat's acceptance of
the last message. Every run checks exactly-once delivery from WeChat's record.

| scenario | messages/s (median) | time (median) | each run (msg/s) |
|---|---|---|---|
${rows.join('\n')}

Ratios within this run:
- 2 instances / 1 instance on MariaDB, WeChat 0 ms: ${ratio('MariaDB, 2 instances, WeChat 0 ms', 'MariaDB, 1 instance, WeChat 0 ms')}×
- 2 instances / 1 instance on MariaDB, WeChat 30 ms: ${ratio('MariaDB, 2 instances, WeChat 30 ms', 'MariaDB, 1 instance, WeChat 30 ms')}×
- WeChat 30 ms / 0 ms, 1 instance on MariaDB: ${ratio('MariaDB, 1 instance, WeChat 30 ms', 'MariaDB, 1 instance, WeChat 0 ms')}×
- 5% of requests hanging / none, 1 instance on MariaDB, WeChat 30 ms: ${ratio('MariaDB, 1 instance, WeChat 30 ms, 5% hang 500 ms', 'MariaDB, 1 instance, WeChat 30 ms')}×

How to read it: with WeChat answering at once, a worker's cost is the database round trips per message
(claim in batches, one settling UPDATE each) and the two instances share ${os.cpus().length} cores with MariaDB and
the local WeChat server, so a second instance adds little. With a realistic round trip to WeChat each
worker is bound by its 8 deliveries in flight (at most 8 / 30 ms ≈ 266 messages/s, less the database
work); a second instance doubles what is in flight.
`;
  const file = path.join(__dirname, 'results', 'outbox-throughput.md');
  // What earlier runs found is written by hand below the marker, and kept when the table is measured again.
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const findings = previous.includes(FINDINGS_MARKER)
    ? previous.slice(previous.indexOf(FINDINGS_MARKER))
    : `${FINDINGS_MARKER}\n`;
  writeFileSync(file, `${report}\n${findings}`);
  console.log(report);
  console.log(`written to ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
