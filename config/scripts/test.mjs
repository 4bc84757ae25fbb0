#!/usr/bin/env node
/**
 * The test command behind `pnpm test` and `pnpm test:mysql`.
 *
 *   pnpm test         every Jest project on SQLite, including the browser test of the H5 build
 *   pnpm test:mysql   the database-backed projects against MariaDB (TEST_DATABASE_URL,
 *                     default mysql://root@127.0.0.1:3306/linli_test)
 *   pnpm test:resilience  the fault tests (apps/server/test/resilience: kill, database outage, graceful
 *                     shutdown, jobs on two instances, read replica) against MariaDB, one file at a time
 *
 * Builds what is stale first (the browser test runs the built server and the H5 build; the MariaDB run
 * builds the server only), then runs
 * Jest once and ends with the line CI reads: "N passed, N failed".
 * Extra arguments go to Jest, e.g. `pnpm test -- --selectProjects domain`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2).filter((a) => a !== '--');
const resilience = args.includes('--resilience');
const mysql = args.includes('--mysql') || resilience;
const jestArgs = args.filter((a) => a !== '--mysql' && a !== '--resilience');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status ?? 1;
}

/**
 * What the tests run as built code: [output that proves a build, inputs it was built from, build command].
 * The browser test runs the built server and H5 app; the outbox crash test (both databases) the built server.
 */
const builds = [
  [
    'packages/contracts/dist/index.js',
    ['packages/contracts/src'],
    ['--filter', '@linli/contracts', 'build'],
  ],
  [
    'packages/domain/dist/index.js',
    ['packages/domain/src', 'packages/contracts/src'],
    ['--filter', '@linli/domain', 'build'],
  ],
  [
    'packages/wechat-local/dist/index.js',
    ['packages/wechat-local/src'],
    ['--filter', '@linli/wechat-local', 'build'],
  ],
  [
    'apps/server/dist/main.js',
    ['apps/server/src', 'packages/contracts/src', 'packages/domain/src'],
    ['--filter', '@linli/server', 'build'],
  ],
  [
    'apps/miniapp/dist/h5/index.html',
    ['apps/miniapp/src', 'apps/miniapp/config', 'packages/contracts/src', 'packages/domain/src'],
    ['--filter', '@linli/miniapp', 'build:h5'],
  ],
];

{
  for (const [output, inputs, cmd] of builds) {
    if (mysql && output.startsWith('apps/miniapp/')) continue;
    if (!existsSync(join(root, inputs[0]))) continue;
    const built = existsSync(join(root, output)) ? statSync(join(root, output)).mtimeMs : 0;
    const changed = Math.max(...inputs.map((i) => newestMtime(join(root, i))));
    if (built >= changed) continue;
    console.log(`[test] building ${output} (stale or missing)`);
    if (run('pnpm', cmd) !== 0) {
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
}

const report = join(mkdtempSync(join(tmpdir(), 'linli-jest-')), 'report.json');
const env = mysql ? { LINLI_TEST_DB: 'mysql' } : {};
const projects = resilience
  ? ['--config', 'apps/server/jest.resilience.config.js', '--runInBand']
  : mysql
    ? ['--selectProjects', 'server']
    : [];
const status = run(
  'pnpm',
  ['exec', 'jest', '--ci', '--json', `--outputFile=${report}`, ...projects, ...jestArgs],
  env,
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  skipped = r.numPendingTests + r.numTodoTests;
  for (const line of failureLines(r)) console.log(line);
}
if (status !== 0 && failed === 0) failed = 1; // Jest failed outside any test (config, no tests found, …)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failed === 0 ? 0 : 1);

/**
 * One line per failed test (or suite that failed to run), "[failed] file › test: first line of the error",
 * so that the end of a long CI log still says what failed; .ci/run repeats them above its closing line.
 */
function failureLines(r) {
  const lines = [];
  const firstLine = (text) =>
    String(text ?? '')
      .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '') // colours
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('●'))
      .slice(0, 3)
      .join(' | ')
      .slice(0, 300);
  for (const file of r.testResults ?? []) {
    const name = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests)
      lines.push(`[failed] ${name} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (failedTests.length === 0 && file.status === 'failed')
      lines.push(`[failed] ${name}: ${firstLine(file.message)}`);
  }
  return lines;
}
