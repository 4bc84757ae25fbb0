/**
 * The H5 first page load (issue #16, "Benchmarks", last bullet):
 *
 *   pnpm -r --filter './packages/**' build && pnpm --filter @linli/server build && pnpm --filter @linli/miniapp build:h5
 *   pnpm --filter @linli/server bench:h5          (BENCH_RUNS=5 by default)
 *
 * Starts the built server (demo mode, lean seed, SQLite) serving the built H5 app, then BENCH_RUNS times
 * opens a new Chromium profile (an empty cache) at 390x844 and loads / twice:
 * - signed out: until the persona picker (选择演示身份) is visible, the first thing a new visitor sees;
 * - signed in as the resident (the session put in localStorage as the app stores it): until the home page's
 *   greeting (您好，…) is visible, in a second fresh profile.
 * For each: time from navigation start to the content visible, bytes transferred (encoded body + headers of
 * every response, by resource type), request count. Chromium at /usr/bin/chromium, never a downloaded one.
 * Writes bench/results/h5-first-load.md (or BENCH_OUT) with the medians.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContextOptions, chromium, Page } from 'playwright-core';
import { freePort, serverEnv } from './common/bench-server';

const root = path.resolve(__dirname, '../../..');
const MAIN = path.join(root, 'apps/server/dist/main.js');
const H5_DIR = path.join(root, 'apps/miniapp/dist/h5');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = process.env.BENCH_OUT ?? path.join(__dirname, 'results/h5-first-load.md');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

async function startServer(): Promise<{ baseUrl: string; child: ChildProcess }> {
  if (!existsSync(path.join(H5_DIR, 'index.html')))
    throw new Error(`no H5 build at ${H5_DIR}: pnpm --filter @linli/miniapp build:h5`);
  const port = await freePort();
  const env = serverEnv(
    {
      PORT: String(port),
      LINLI_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'linli-bench-h5-')),
      LINLI_H5_DIR: H5_DIR,
    },
    ['NODE_ENV'],
  );
  const child = spawn(process.execPath, [MAIN], { cwd: root, env, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${baseUrl}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { baseUrl, child };
    if (Date.now() > deadline) throw new Error('server not ready within 120 s');
    await sleep(100);
  }
}

interface Load {
  ms: number;
  bytes: number;
  requests: number;
  byType: Map<string, number>;
}

/** Loads / in the page and waits for `text`; counts every response's transferred size (CDP Network events). */
async function measure(page: Page, text: RegExp): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const types = new Map<string, string>();
  const byType = new Map<string, number>();
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    requests++;
    bytes += e.encodedDataLength;
    const type = types.get(e.requestId) ?? 'Other';
    byType.set(type, (byType.get(type) ?? 0) + e.encodedDataLength);
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByText(text).filter({ visible: true }).first().waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { ms, bytes, requests, byType };
}

async function main(): Promise<void> {
  const { baseUrl, child } = await startServer();
  // The same Chromium and phone as the browser tests.
  const { chromium: launch, phone } = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../config/phone-browser.json'), 'utf8'),
  ) as { chromium: { executablePath: string; args: string[] }; phone: BrowserContextOptions };
  const browser = await chromium.launch({ ...launch, headless: true });
  const newPage = async (init?: string) => {
    const context = await browser.newContext({ ...phone, baseURL: baseUrl });
    if (init) await context.addInitScript(init);
    return context.newPage();
  };
  const results: Record<string, Load[]> = {
    'signed out: persona picker': [],
    'signed in: resident home': [],
  };
  try {
    for (let run = 1; run <= RUNS; run++) {
      const res = await fetch(`${baseUrl}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'resident' }),
      });
      if (!res.ok) throw new Error(`demo login: ${res.status}`);
      const session = JSON.stringify({ data: await res.json() });
      const out = await newPage();
      results['signed out: persona picker'].push(await measure(out, /^选择演示身份$/));
      await out.context().close();
      const resident = await newPage(
        `localStorage.setItem('linli.session', ${JSON.stringify(session)})`,
      );
      results['signed in: resident home'].push(await measure(resident, /^您好，/));
      await resident.context().close();
      console.log(
        `run ${run}: ${Object.entries(results)
          .map(
            ([k, v]) =>
              `${k} ${v[run - 1].ms.toFixed(0)} ms ${kb(v[run - 1].bytes)} ${v[run - 1].requests} requests`,
          )
          .join('; ')}`,
      );
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  const lines: string[] = [];
  for (const [name, loads] of Object.entries(results)) {
    const types = [...new Set(loads.flatMap((l) => [...l.byType.keys()]))].sort();
    lines.push(
      `| ${name} | content visible | ${median(loads.map((l) => l.ms)).toFixed(0)} ms (${loads.map((l) => l.ms.toFixed(0)).join(', ')}) |`,
      `| ${name} | bytes transferred | ${kb(median(loads.map((l) => l.bytes)))} |`,
      ...types.map(
        (t) =>
          `| ${name} | … of which ${t} | ${kb(median(loads.map((l) => l.byType.get(t) ?? 0)))} |`,
      ),
      `| ${name} | requests | ${median(loads.map((l) => l.requests))} |`,
    );
  }
  const md = [
    '# H5 first load (bench/h5-first-load.ts)',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${RUNS} runs on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}, shared; load average ${os.loadavg()[0].toFixed(1)} at the end), Chromium ${browser.version()} headless at 390x844, loopback (no network throttling), a new profile (empty cache) per load.`,
    'Bytes are what went over the wire (encoded body plus headers) until the network was idle after the content showed.',
    '',
    '| load | figure | median (runs) |',
    '| --- | --- | --- |',
    ...lines,
    '',
    'Reproduce: build packages, server and H5, then `pnpm --filter @linli/server bench:h5`.',
    '',
  ].join('\n');
  writeFileSync(OUT, md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
