/**
 * The long forms of the fault tests (issue #16), with their figures:
 *
 *   pnpm --filter @linli/server bench:resilience        (MariaDB at TEST_DATABASE_URL, redis-server not needed)
 *   BENCH_RUNS=5 BENCH_CLIENTS=50 BENCH_SUBMITS=3000 BENCH_OUTAGE_MS=15000 pnpm --filter @linli/server bench:resilience
 *
 * Runs the SIGKILL-during-submits, database-outage and graceful-shutdown specs of test/resilience
 * BENCH_RUNS times with larger counts and a longer outage than `pnpm test:resilience` (which keeps them
 * short for CI), against the built server (`pnpm --filter @linli/server build`). Every run must pass: a
 * figure is only written for runs whose checks (exactly once, nothing lost, clean 503s, exit 0) held.
 * Writes bench/results/resilience.md with the median of each figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 1000);
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_MS ?? 10000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 500);
const SPECS = ['submit-kill', 'database-outage', 'graceful-shutdown'].map(
  (s) => `apps/server/test/resilience/${s}.spec.ts`,
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const figures = new Map<string, number[]>();
  for (let run = 1; run <= RUNS; run++) {
    const file = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'linli-resilience-')),
      'figures.jsonl',
    );
    const started = Date.now();
    const r = spawnSync(
      'pnpm',
      [
        'exec',
        'jest',
        ...SPECS,
        '--config',
        'apps/server/jest.resilience.config.js',
        '--runInBand',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          LINLI_TEST_DB: 'mysql',
          LINLI_RESILIENCE_RECORD: file,
          LINLI_RESILIENCE_CLIENTS: String(CLIENTS),
          LINLI_RESILIENCE_SUBMITS: String(SUBMITS),
          LINLI_RESILIENCE_OUTAGE_MS: String(OUTAGE_MS),
          LINLI_RESILIENCE_MESSAGES: String(MESSAGES),
        },
      },
    );
    if (r.status !== 0) throw new Error(`run ${run} failed: the fault tests did not pass`);
    console.log(`run ${run}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const { name, value } = JSON.parse(line) as { name: string; value: number };
      figures.set(name, [...(figures.get(name) ?? []), value]);
    }
  }
  const rows = [...figures].map(
    ([name, values]) => `| ${name} | ${median(values)} | ${values.join(', ')} |`,
  );
  const md = [
    '# Fault tests, long form (bench/resilience.ts)',
    '',
    `${RUNS} runs on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(1)} at the end), MariaDB at 127.0.0.1:3306, the built server as child processes.`,
    `SIGKILL during ${SUBMITS} submits from ${CLIENTS} clients; the database cut away for ${OUTAGE_MS} ms while ${MESSAGES} WeChat messages are delivered; SIGTERM with submits in flight.`,
    'Every run passed its checks (each acknowledged ticket exactly once, clean 503s, recovery without a restart, exit 0).',
    '',
    '| figure | median | runs |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path.join(__dirname, 'results/resilience.md'), md);
  console.log(md);
}

main();
