/**
 * Server cold start and memory (issue #16, "Benchmarks", last bullet):
 *
 *   pnpm --filter @linli/server build && pnpm --filter @linli/server bench:process
 *   BENCH_RUNS=5 BENCH_LOAD_S=20 BENCH_CONNECTIONS=10 BENCH_DBS=sqlite,mysql pnpm --filter @linli/server bench:process
 *
 * For each database (the embedded SQLite default, and MariaDB at 127.0.0.1:3306 on a fresh database) and each of
 * BENCH_RUNS runs, on a fresh data directory / database each time:
 * - cold start: from spawning `node apps/server/dist/main.js` to /api/health/ready first answering 200
 *   (the first start runs every migration and the demo seed; the figure is for that first start);
 * - a warm start: the same server stopped and started again on the same data (migrations already current);
 * - RSS at rest: /proc/<pid>/status VmRSS 3 s after ready;
 * - RSS under load: BENCH_CONNECTIONS keep-alive connections requesting the resident's ticket list
 *   (GET /api/tickets/mine, a read route behind the JWT check) for BENCH_LOAD_S seconds, RSS sampled every
 *   250 ms (median and peak), with the request rate.
 * The load generator is this process (plain node:http with a keep-alive agent), not the server's.
 * Writes bench/results/process.md with the median of each figure.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort, serverEnv } from './common/bench-server';

const root = path.resolve(__dirname, '../../..');
const MAIN = path.join(root, 'apps/server/dist/main.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOAD_S = Number(process.env.BENCH_LOAD_S ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DBS = (process.env.BENCH_DBS ?? 'sqlite,mysql').split(',');
const MYSQL = {
  host: process.env.BENCH_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.BENCH_MYSQL_PORT ?? 3306),
  user: 'root',
  password: '',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (kb: number) => Math.round(kb / 102.4) / 10;

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

interface Started {
  child: ChildProcess;
  port: number;
  readyMs: number;
  stop: () => Promise<void>;
}

async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const agent = new http.Agent({ keepAlive: false });
  let log = '';
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    const ok = await request(agent, port, 'GET', '/api/health/ready').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`not ready within 120 s:\n${log}`);
    await sleep(10);
  }
  const readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, port, readyMs, stop };
}

async function load(
  port: number,
  token: string,
  pid: number,
): Promise<{ rps: number; rssMedianKb: number; rssPeakKb: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const end = Date.now() + LOAD_S * 1000;
  let done = 0;
  let errors = 0;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssKb(pid)), 250);
  const worker = async () => {
    while (Date.now() < end) {
      const r = await request(agent, port, 'GET', '/api/tickets/mine', token).catch(() => ({
        status: 0,
        text: '',
      }));
      if (r.status === 200) done++;
      else errors++;
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  clearInterval(sampler);
  agent.destroy();
  return {
    rps: Math.round(done / ((Date.now() - t0) / 1000)),
    rssMedianKb: median(samples),
    rssPeakKb: Math.max(...samples),
    errors,
  };
}

async function environment(
  db: string,
  run: number,
): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-process-'));
  // Demo mode (no WeChat AppID) with the lean seed, as the e2e suite starts it; NODE_ENV=production as deployed.
  const env = serverEnv(
    {
      NODE_ENV: 'production',
      LINLI_DEMO: '1',
      JWT_SECRET: 'bench-process-secret-of-at-least-32-chars',
      LINLI_DATA_DIR: dataDir,
    },
    ['LINLI_H5_DIR'],
  );
  if (db === 'sqlite')
    return { env, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `linli_bench_process_${process.pid}_${run}`;
  const c = await createConnection(MYSQL);
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  env.DATABASE_URL = `mysql://${MYSQL.user}@${MYSQL.host}:${MYSQL.port}/${name}`;
  return {
    env,
    cleanup: async () => {
      const d = await createConnection(MYSQL);
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const db of DBS) {
    const f: Record<string, number[]> = {
      cold: [],
      warm: [],
      rest: [],
      loadMedian: [],
      loadPeak: [],
      rps: [],
    };
    for (let run = 1; run <= RUNS; run++) {
      const { env, cleanup } = await environment(db, run);
      try {
        const first = await start(env);
        await first.stop();
        const s = await start(env);
        await sleep(3000);
        const rest = rssKb(s.child.pid!);
        const agent = new http.Agent();
        const login = await request(agent, s.port, 'POST', '/api/auth/demo-login', undefined, {
          persona: 'resident',
        });
        if (login.status !== 200) throw new Error(`demo login: ${login.status} ${login.text}`);
        const { token } = JSON.parse(login.text) as { token: string };
        const l = await load(s.port, token, s.child.pid!);
        await s.stop();
        if (l.errors) throw new Error(`${l.errors} requests failed under load`);
        f.cold.push(first.readyMs);
        f.warm.push(s.readyMs);
        f.rest.push(rest);
        f.loadMedian.push(l.rssMedianKb);
        f.loadPeak.push(l.rssPeakKb);
        f.rps.push(l.rps);
        console.log(
          `${db} run ${run}: cold ${first.readyMs.toFixed(0)} ms, warm ${s.readyMs.toFixed(0)} ms, RSS at rest ${mb(rest)} MB, under load ${mb(l.rssMedianKb)} MB (peak ${mb(l.rssPeakKb)} MB) at ${l.rps} req/s`,
        );
      } finally {
        await cleanup();
      }
    }
    const ms = (xs: number[]) =>
      `${Math.round(median(xs))} ms (${xs.map((x) => Math.round(x)).join(', ')})`;
    const mbs = (xs: number[]) => `${mb(median(xs))} MB (${xs.map(mb).join(', ')})`;
    rows.push(
      `| ${db} | first start (migrations + demo seed) to ready | ${ms(f.cold)} |`,
      `| ${db} | restart on the same data to ready | ${ms(f.warm)} |`,
      `| ${db} | RSS at rest, 3 s after ready | ${mbs(f.rest)} |`,
      `| ${db} | RSS under load, median of samples | ${mbs(f.loadMedian)} |`,
      `| ${db} | RSS under load, peak | ${mbs(f.loadPeak)} |`,
      `| ${db} | GET /api/tickets/mine under load | ${median(f.rps)} req/s (${f.rps.join(', ')}) |`,
    );
  }
  const md = [
    '# Server cold start and memory (bench/process.ts)',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${RUNS} runs on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}, shared; load average ${os.loadavg()[0].toFixed(1)} at the end), Node ${process.version}.`,
    `Built server \`node apps/server/dist/main.js\`, NODE_ENV=production with LINLI_DEMO=1 (demo mode with the lean seed); MariaDB at ${MYSQL.host}:${MYSQL.port}, a fresh database per run.`,
    `Load: ${CONNECTIONS} keep-alive connections from the bench process, resident's GET /api/tickets/mine for ${LOAD_S} s.`,
    '',
    '| database | figure | median (runs) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Reproduce: `pnpm --filter @linli/server build && pnpm --filter @linli/server bench:process`.',
    '',
  ].join('\n');
  writeFileSync(path.join(__dirname, 'results/process.md'), md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
