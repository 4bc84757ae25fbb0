/**
 * Fills a MariaDB/MySQL database with a realistic company for benchmarks (issue #16):
 *
 *   pnpm --filter @linli/server seed:bench                      full scale: 20 communities, 100,000 households, 1,000,000 tickets
 *   BENCH_SCALE=0.01 pnpm --filter @linli/server seed:bench     a hundredth, in seconds
 *   BENCH_TICKETS=200000 BENCH_HOUSEHOLDS=20000 …               explicit counts (BENCH_COMMUNITIES, BENCH_DAYS, BENCH_SEED)
 *
 * BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/linli_bench) is dropped and created again; the
 * schema comes from the real migrations (the server boots on it once, seeding the demo company, whose
 * company the generated communities join), then bench/generate writes the data. Prints the time per
 * table; with BENCH_WRITE_RESULT=1 writes bench/results/seed-bench.md.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { loadCompany } from './generate/bulk-load';
import { optionsFromEnv } from './generate/company-generator';
import { mysqlConnection, recreateDatabase } from './common/bench-database';
import { benchContext } from './common/bench-server';

export const BENCH_URL =
  process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench';
export const BENCH_NOW = new Date(process.env.BENCH_NOW ?? '2026-12-01T02:00:00Z');

/** A fresh database with the real schema and the demo company, as the server leaves it on first boot. */
export async function freshBenchDatabase(url = BENCH_URL): Promise<void> {
  await recreateDatabase(url);
  await (await benchContext(url, QUIET_BENCH_ENV)).close();
}

/** The server's background jobs off and no demo history: the benchmarks load their own data and time it. */
export const QUIET_BENCH_ENV = {
  LINLI_DEMO_HISTORY: '0',
  LINLI_SLA_SWEEP_SECONDS: '0',
  LINLI_OUTBOX_POLL_MS: '0',
  LINLI_REPORTS_SWEEP_SECONDS: '0',
  LINLI_DATA_DIR: path.join(os.tmpdir(), 'linli-bench'),
};

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env, BENCH_NOW);
  const t0 = Date.now();
  await freshBenchDatabase();
  const schemaSeconds = (Date.now() - t0) / 1000;
  console.log(`schema (migrations + demo company): ${schemaSeconds.toFixed(1)} s`);
  const config = loadConfig({ ...process.env, DATABASE_URL: BENCH_URL, NODE_ENV: 'test' });
  if (config.database.type === 'sqlite')
    throw new Error('seed:bench needs a MariaDB/MySQL BENCH_DATABASE_URL');
  const ds = new DataSource({ type: 'mysql', ...mysqlConnection(config.database) });
  await ds.initialize();
  const [{ id: companyId }] = (await ds.query(
    'SELECT id FROM company ORDER BY createdAt LIMIT 1',
  )) as { id: string }[];
  console.log(`generating ${JSON.stringify({ ...options, now: options.now.toISOString() })}`);
  const report = await loadCompany(ds, options, companyId, (line) => console.log(line));
  const version = (await ds.query('SELECT VERSION() AS v'))[0].v as string;
  await ds.destroy();

  const rows = report.tables
    .map(
      (t) =>
        `| ${t.table} | ${t.rows.toLocaleString('en')} | ${t.seconds.toFixed(1)} s | ${t.seconds > 0 ? Math.round(t.rows / t.seconds).toLocaleString('en') : '–'} |`,
    )
    .join('\n');
  console.log(`\n| table | rows | insert time | rows/s |\n| --- | --- | --- | --- |\n${rows}`);
  console.log(
    `generation (JS) ${report.generateSeconds.toFixed(1)} s, index rebuild + ANALYZE ${report.indexSeconds.toFixed(1)} s, load total ${report.totalSeconds.toFixed(1)} s`,
  );
  if (process.env.BENCH_WRITE_RESULT === '1') {
    const out = path.join(__dirname, 'results', 'seed-bench.md');
    writeFileSync(
      out,
      `# seed:bench — loading a realistic company

Run: \`pnpm --filter @linli/server seed:bench\` (${new Date().toISOString().slice(0, 10)}), ${version}, ${os.cpus().length} cores
(${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}. The machine is shared with other work: the times are one run's.

Options: ${options.communities} communities, ${options.households.toLocaleString('en')} households, ${options.tickets.toLocaleString('en')} tickets over ${options.days} days before ${options.now.toISOString()}, seed ${options.seed}.

| table | rows | insert time | rows/s |
| --- | --- | --- | --- |
${rows}

- Schema (the real migrations, the demo company): ${schemaSeconds.toFixed(1)} s.
- Generating the rows in JS (each ticket's life through the demo history's builder): ${report.generateSeconds.toFixed(1)} s of the total.
- Secondary indexes of the big tables rebuilt after loading, and ANALYZE: ${report.indexSeconds.toFixed(1)} s.
- **Load total: ${report.totalSeconds.toFixed(0)} s** (${(report.totalSeconds / 60).toFixed(1)} min) for ${report.tables.reduce((n, t) => n + t.rows, 0).toLocaleString('en')} rows.
`,
    );
    console.log(`written to ${out}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
