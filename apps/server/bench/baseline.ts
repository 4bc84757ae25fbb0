/**
 * Benchmark: ticket submit and the assistant's queue against a bare baseline (issue #16), in one run.
 *
 *   pnpm --filter @linli/server build && pnpm --filter @linli/server bench:baseline
 *   BENCH_SERVERS="old=/tmp/linli-old/apps/server/dist/main.js,new=apps/server/dist/main.js" BENCH_RUNS=5 pnpm --filter @linli/server bench:baseline
 *
 * 1. Loads BENCH_BASELINE_URL (default mysql://root@127.0.0.1:3306/linli_baseline, dropped and created
 *    again; BENCH_REUSE=1 keeps it) with the seed:bench generator at BENCH_TICKETS (20,000) tickets.
 * 2. For every server build in BENCH_SERVERS (label=path of dist/main.js; default the current build):
 *    - starts it once behind a wire proxy that records every statement sent to MariaDB (COM_QUERY), and
 *      captures a submit twice and the queue (its first page of 20) twice: the statement counts are printed, and the values that
 *      differ between the two submits (new ids, the idempotency key, the code) become placeholders;
 *    - starts the bare baseline (bench/baseline-bare-server.mjs: node:http + a mysql2 pool of 10) with
 *      those statements, and the product again directly on MariaDB (with --cpu-prof when BENCH_CPU_PROF
 *      names a directory);
 *    - BENCH_RUNS times, alternating which goes first: autocannon with 10 connections for BENCH_SECONDS
 *      on the queue and on submit, against the product and the bare server. Between submit phases the
 *      tickets the bench created are closed with one UPDATE, so the queue stays the same size.
 * 3. Prints requests/s and p50/p95/p99 (medians over the runs), the product/bare ratios, and with
 *    BENCH_CPU_PROF the top self-time functions of each product's profile. BENCH_OUT=<file> writes the
 *    tables as markdown (bench/results/baseline.md is written by hand from them, with the notes).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, connect, Socket } from 'node:net';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { ApiRoutes, DemoPersona } from '@linli/contracts';
import { PAGE_SIZE } from '@linli/domain';
import { loadConfig, parseMysqlUrl } from '../src/config/app-config';
import { loadCompany } from './generate/bulk-load';
import { optionsFromEnv } from './generate/company-generator';
import { BENCH_NOW, freshBenchDatabase } from './seed-bench';
import { mysqlConnection, mysqlDatabase } from './common/bench-database';

/** The queue as the mini-program asks for it: the first page at the default size (it pages since #16). */
const QUEUE_FIRST_PAGE = `${ApiRoutes.myQueue}?limit=${PAGE_SIZE.default}`;

const autocannon = require('autocannon') as (opts: Record<string, unknown>) => AutocannonInstance;
interface AutocannonInstance extends PromiseLike<{
  requests: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}> {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
}

const ROOT = path.resolve(__dirname, '../../..');
const URL_ = process.env.BENCH_BASELINE_URL ?? 'mysql://root@127.0.0.1:3306/linli_baseline';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SERVERS = (process.env.BENCH_SERVERS ?? 'current=apps/server/dist/main.js')
  .split(',')
  .map((s) => {
    const [label, main] = s.split('=');
    return { label, main: path.resolve(ROOT, main) };
  });
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;

const db = parseMysqlUrl(URL_);
if (typeof db === 'string') throw new Error(`BENCH_BASELINE_URL ${db}`);
const mysqlOpts = {
  host: db.host,
  port: db.port,
  user: db.username,
  password: db.password,
  database: db.database,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// ---------------------------------------------------------------------------------------------------
// The wire recorder: a loopback proxy that reads the client's MySQL packets and keeps every COM_QUERY.

interface Recorder {
  port: number;
  recording: string[] | null;
  close(): void;
}

async function startRecorder(): Promise<Recorder> {
  const sockets = new Set<Socket>();
  const recorder: Recorder = { port: 0, recording: null, close: () => undefined };
  const server = createServer((client) => {
    const upstream = connect(db.port, db.host);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4) {
        const length = buffer.readUIntLE(0, 3);
        if (buffer.length < 4 + length) break;
        const sequence = buffer[3];
        const payload = buffer.subarray(4, 4 + length);
        // A command starts a new exchange (sequence 0); 0x03 is COM_QUERY, 0x16 COM_STMT_PREPARE.
        if (sequence === 0 && recorder.recording && (payload[0] === 0x03 || payload[0] === 0x16))
          recorder.recording.push(payload.subarray(1).toString('utf8'));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder.port = (server.address() as { port: number }).port;
  recorder.close = () => {
    for (const s of sockets) s.destroy();
    server.close();
  };
  return recorder;
}

// ---------------------------------------------------------------------------------------------------
// Processes: the product (a build's dist/main.js) and the bare baseline.

interface Proc {
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

async function startProcess(
  args: string[],
  env: Record<string, string>,
  healthPath: string,
): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: process.env.TZ,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}${healthPath}`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not start:\n${log}`);
    await sleep(200);
  }
  return {
    baseUrl,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function productEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LINLI_DEMO: '1',
    LINLI_DEMO_HISTORY: '0',
    LINLI_DATA_DIR: path.join(os.tmpdir(), 'linli-baseline-data'),
    LINLI_H5_DIR: path.join(os.tmpdir(), 'linli-baseline-no-h5'),
    LINLI_RATE_LIMIT_MULTIPLIER: '1000000',
    // Background jobs off, so what the wire carries during a request is that request's.
    LINLI_SLA_SWEEP_SECONDS: '0',
    LINLI_OUTBOX_POLL_MS: '0',
    LINLI_REPORTS_SWEEP_SECONDS: '0',
    LINLI_RETENTION_SWEEP_SECONDS: '0',
    LINLI_CHAT_INBOX_POLL_MS: '0',
  };
}

async function post(
  baseUrl: string,
  route: string,
  token: string | null,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function login(baseUrl: string, persona: DemoPersona): Promise<string> {
  const res = await post(baseUrl, ApiRoutes.demoLogin, null, { persona });
  if (res.status !== 200)
    throw new Error(`demo login ${persona}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

const submitBody = () => ({
  categoryCode: 'bulb',
  description: '客厅灯泡坏了，开关没反应',
  photoIds: [],
  idempotencyKey: `bench-${randomUUID()}`,
});

// ---------------------------------------------------------------------------------------------------
// Capturing a request's statements, and turning two captures into a template for the bare server.

interface Template {
  sql: string[];
  placeholders: Record<string, string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CODE = /\b([A-Z]{2}\d{8})-(\d{4,})\b/g;
const skeleton = (sql: string) =>
  sql.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\b\d+(\.\d+)?\b/g, '0');

function template(a: string[], b: string[]): Template | null {
  if (a.length !== b.length || a.some((s, i) => skeleton(s) !== skeleton(b[i]))) return null;
  const placeholders: Record<string, string> = {};
  const byValue = new Map<string, string>();
  const mark = (value: string, kind: string) => {
    if (!byValue.has(value)) {
      const n = String(byValue.size);
      byValue.set(value, n);
      placeholders[n] = kind;
    }
  };
  a.forEach((s, i) => {
    const ua = s.match(UUID) ?? [];
    const ub = b[i].match(UUID) ?? [];
    ua.forEach((u, j) => u !== ub[j] && mark(u, 'uuid'));
    const ca = [...s.matchAll(CODE)];
    const cb = [...b[i].matchAll(CODE)];
    ca.forEach((m, j) => m[0] !== cb[j]?.[0] && mark(m[0], m[1]));
  });
  const sql = a.map((s) =>
    s
      .replace(UUID, (u) => (byValue.has(u) ? `{{ph:${byValue.get(u)}}}` : u))
      .replace(CODE, (c) => (byValue.has(c) ? `{{ph:${byValue.get(c)}}}` : c)),
  );
  return { sql, placeholders };
}

async function capture(recorder: Recorder, work: () => Promise<void>): Promise<string[]> {
  await sleep(300);
  recorder.recording = [];
  await work();
  await sleep(300); // anything the request left running (after-commit work) lands on the wire too
  const statements = recorder.recording;
  recorder.recording = null;
  return statements;
}

const isTransactionControl = (s: string) =>
  /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)/i.test(s.trim());

async function captureTemplates(
  main: string,
  recorder: Recorder,
): Promise<{
  submit: Template;
  queue: Template;
  submitStatements: string[];
  queueStatements: string[];
}> {
  const auth = db.password
    ? `${encodeURIComponent(db.username)}:${encodeURIComponent(db.password)}`
    : encodeURIComponent(db.username);
  const product = await startProcess(
    [main],
    productEnv(`mysql://${auth}@127.0.0.1:${recorder.port}/${db.database}`),
    '/api/health',
  );
  try {
    const resident = await login(product.baseUrl, DemoPersona.Resident);
    const assistant = await login(product.baseUrl, DemoPersona.Assistant);
    const submit = async () => {
      const res = await post(product.baseUrl, ApiRoutes.tickets, resident, submitBody());
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const queue = async () => {
      const res = await fetch(`${product.baseUrl}${QUEUE_FIRST_PAGE}`, {
        headers: { authorization: `Bearer ${assistant}` },
      });
      if (res.status !== 200) throw new Error(`queue: ${res.status}`);
      await res.arrayBuffer();
    };
    await submit();
    await submit();
    await queue();
    for (let attempt = 1; ; attempt++) {
      const [s1, s2, q1, q2] = [
        await capture(recorder, submit),
        await capture(recorder, submit),
        await capture(recorder, queue),
        await capture(recorder, queue),
      ];
      const submitTemplate = template(s1, s2);
      const queueTemplate = template(q1, q2);
      if (submitTemplate && queueTemplate)
        return {
          submit: submitTemplate,
          queue: queueTemplate,
          submitStatements: s1,
          queueStatements: q1,
        };
      if (attempt >= 5)
        throw new Error(
          `two captures of the same request differ:\n${s1.join('\n')}\n---\n${s2.join('\n')}`,
        );
    }
  } finally {
    await product.stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// Load.

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, request: Record<string, unknown>): Promise<Figures> {
  const times: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...request });
  instance.on('response', (_c, _s, _b, ms) => times.push(ms));
  const result = await instance;
  times.sort((x, y) => x - y);
  return {
    rps: result.requests.total / result.duration,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

async function closeBenchTickets(): Promise<void> {
  const c = await createConnection(mysqlOpts);
  await c.query(
    `UPDATE ticket SET status = 'closed', nextCheckAt = NULL WHERE idempotencyKey LIKE 'bench-%' AND status <> 'closed'`,
  );
  await c.end();
}

/**
 * Where a .cpuprofile's busy time went (idle left out: the product idles while the bare server is
 * measured and while it waits on MariaDB): self time by package (typeorm, mysql2, express, Nest, the
 * server's own code, node internals, GC) and the top functions.
 */
function topCosts(
  file: string,
  n = 12,
): { byPackage: { name: string; share: number }[]; byFunction: { name: string; share: number }[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: {
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount?: number;
    }[];
  };
  const busy = profile.nodes.filter((x) => x.callFrame.functionName !== '(idle)');
  const total = busy.reduce((s, x) => s + (x.hitCount ?? 0), 0);
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const node of busy) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(/^file:\/\/.*\/apps\/server\//, '');
    const key =
      `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    const pkg = url.includes('node_modules/')
      ? where.startsWith('@')
        ? where.split('/').slice(0, 2).join('/')
        : where.split('/')[0]
      : url.includes('/apps/server/')
        ? 'server (dist)'
        : url.includes('/packages/')
          ? 'linli packages'
          : url
            ? 'node internals'
            : functionName || '(native)';
    byFn.set(key, (byFn.get(key) ?? 0) + (node.hitCount ?? 0));
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + (node.hitCount ?? 0));
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => ({ name, share: hits / total }));
  return { byPackage: top(byPkg), byFunction: top(byFn) };
}

if (process.env.BENCH_PROFILE_ONLY) {
  const costs = topCosts(process.env.BENCH_PROFILE_ONLY);
  for (const t of costs.byPackage) console.log(`pkg ${(t.share * 100).toFixed(1)}% ${t.name}`);
  for (const t of costs.byFunction) console.log(`fn ${(t.share * 100).toFixed(1)}% ${t.name}`);
  process.exit(0);
}

async function main(): Promise<void> {
  const started = Date.now();
  if (process.env.BENCH_REUSE !== '1') {
    const options = {
      ...optionsFromEnv(
        {
          BENCH_TICKETS: '20000',
          BENCH_HOUSEHOLDS: '2000',
          BENCH_COMMUNITIES: '2',
          ...process.env,
        },
        BENCH_NOW,
      ),
    };
    await freshBenchDatabase(URL_);
    const config = loadConfig({ ...process.env, DATABASE_URL: URL_, NODE_ENV: 'test' });
    if (config.database.type === 'sqlite') throw new Error('bench:baseline needs MariaDB/MySQL');
    const ds = new DataSource({ type: 'mysql', ...mysqlConnection(mysqlDatabase(URL_)) });
    await ds.initialize();
    const [{ id: companyId }] = (await ds.query(
      'SELECT id FROM company ORDER BY createdAt LIMIT 1',
    )) as { id: string }[];
    const report = await loadCompany(ds, options, companyId);
    await ds.destroy();
    console.log(`loaded ${options.tickets} tickets (${report.totalSeconds.toFixed(0)} s)`);
  }
  const c = await createConnection(mysqlOpts);
  const [[{ n: ticketCount }]] = (await c.query('SELECT COUNT(*) AS n FROM ticket')) as unknown as [
    { n: number }[],
  ];
  const [[{ v: version }]] = (await c.query('SELECT VERSION() AS v')) as unknown as [
    { v: string }[],
  ];
  await c.end();
  console.log(`${ticketCount} tickets in ${db.database}, ${version}`);

  const recorder = await startRecorder();
  const lines: string[] = [];
  const say = (line = '') => {
    console.log(line);
    lines.push(line);
  };
  const summary: { label: string; phase: string; product: Figures; bare: Figures }[] = [];
  const costs = new Map<string, ReturnType<typeof topCosts>>();
  for (const server of SERVERS) {
    const captured = await captureTemplates(server.main, recorder);
    await closeBenchTickets();
    const count = (list: string[]) =>
      `${list.length} statements (${list.filter((s) => !isTransactionControl(s)).length} without START TRANSACTION/COMMIT)`;
    say(`## ${server.label}: ${server.main}`);
    say('');
    say(`submit: ${count(captured.submitStatements)}; queue: ${count(captured.queueStatements)}`);
    say('');
    say('Statements of one submit, as captured on the wire:');
    say('');
    for (const s of captured.submitStatements) say(`    ${s.replace(/\s+/g, ' ').slice(0, 220)}`);
    say('');
    say('Statements of one queue request:');
    say('');
    for (const s of captured.queueStatements) say(`    ${s.replace(/\s+/g, ' ').slice(0, 220)}`);
    say('');

    const statementsFile = path.join(
      os.tmpdir(),
      `linli-baseline-${server.label}-${process.pid}.json`,
    );
    writeFileSync(
      statementsFile,
      JSON.stringify({ submit: captured.submit, queue: captured.queue }),
    );
    const bare = await startProcess(
      [path.join(__dirname, 'baseline-bare-server.mjs')],
      { DATABASE_URL: URL_, BARE_STATEMENTS: statementsFile },
      '/health',
    );
    const profDir = CPU_PROF ? path.join(CPU_PROF, server.label) : null;
    if (profDir) mkdirSync(profDir, { recursive: true });
    const product = await startProcess(
      [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), server.main],
      productEnv(URL_),
      '/api/health',
    );
    const resident = await login(product.baseUrl, DemoPersona.Resident);
    const assistant = await login(product.baseUrl, DemoPersona.Assistant);
    const runs: Record<string, { product: Figures[]; bare: Figures[] }> = {
      queue: { product: [], bare: [] },
      submit: { product: [], bare: [] },
    };
    const phases = {
      queue: {
        product: () =>
          load(`${product.baseUrl}${QUEUE_FIRST_PAGE}`, {
            headers: { authorization: `Bearer ${assistant}` },
          }),
        bare: () => load(`${bare.baseUrl}/queue`, {}),
      },
      submit: {
        product: () =>
          load(`${product.baseUrl}${ApiRoutes.tickets}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${resident}`, 'content-type': 'application/json' },
            requests: [
              { setupRequest: (r: object) => ({ ...r, body: JSON.stringify(submitBody()) }) },
            ],
          }),
        bare: () =>
          load(`${bare.baseUrl}/submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            requests: [
              { setupRequest: (r: object) => ({ ...r, body: JSON.stringify(submitBody()) }) },
            ],
          }),
      },
    };
    // Warm-up: JIT, pools, the day's counter row.
    await load(`${product.baseUrl}${QUEUE_FIRST_PAGE}`, {
      headers: { authorization: `Bearer ${assistant}` },
      duration: 2,
    });
    await load(`${bare.baseUrl}/queue`, { duration: 2 });
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? (['product', 'bare'] as const) : (['bare', 'product'] as const);
      for (const phase of ['queue', 'submit'] as const) {
        for (const who of order) {
          const f = await phases[phase][who]();
          runs[phase][who].push(f);
          console.log(
            `${server.label} run ${run + 1} ${phase} ${who}: ${f.rps.toFixed(1)} req/s, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${f.non2xx ? `, ${f.non2xx} not 2xx` : ''}`,
          );
          if (phase === 'submit') await closeBenchTickets();
        }
      }
    }
    await product.stop();
    await bare.stop();
    if (profDir) {
      const file = readdirSync(profDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort()
        .pop();
      if (file) costs.set(server.label, topCosts(path.join(profDir, file)));
    }
    const med = (list: Figures[]): Figures => ({
      rps: median(list.map((f) => f.rps)),
      p50: median(list.map((f) => f.p50)),
      p95: median(list.map((f) => f.p95)),
      p99: median(list.map((f) => f.p99)),
      non2xx: list.reduce((s, f) => s + f.non2xx, 0),
    });
    for (const phase of ['submit', 'queue'] as const)
      summary.push({
        label: server.label,
        phase,
        product: med(runs[phase].product),
        bare: med(runs[phase].bare),
      });
  }
  recorder.close();

  say(
    `## Medians of ${RUNS} runs, ${CONNECTIONS} connections, ${SECONDS} s each (${ticketCount} tickets, ${version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end)`,
  );
  say('');
  say(
    '| build | request | product req/s | p50 / p95 / p99 ms | bare req/s | p50 / p95 / p99 ms | ratio (req/s) | not 2xx |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const f1 = (n: number) => n.toFixed(1);
  for (const s of summary) {
    say(
      `| ${s.label} | ${s.phase} | ${f1(s.product.rps)} | ${f1(s.product.p50)} / ${f1(s.product.p95)} / ${f1(s.product.p99)} | ${f1(s.bare.rps)} | ${f1(s.bare.p50)} / ${f1(s.bare.p95)} / ${f1(s.bare.p99)} | ${(s.product.rps / s.bare.rps).toFixed(2)} | ${s.product.non2xx} / ${s.bare.non2xx} |`,
    );
  }
  for (const [label, top] of costs) {
    say('');
    say(
      `Self time of ${label} under load, share of its busy (not idle) time (whole run, --cpu-prof), by package: ${top.byPackage.map((t) => `${t.name} ${(t.share * 100).toFixed(1)}%`).join(', ')}`,
    );
    say('');
    for (const t of top.byFunction) say(`- ${(t.share * 100).toFixed(1)}% ${t.name}`);
  }
  say('');
  say(`(bench:baseline took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
