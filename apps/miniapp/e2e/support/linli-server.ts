import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
export const SERVER_MAIN = path.join(ROOT, 'apps/server/dist/main.js');
export const H5_DIR = path.join(ROOT, 'apps/miniapp/dist/h5');

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The built server (what `pnpm start` runs) on a fresh SQLite file in demo mode, serving the built H5
 * mini-program. `pnpm test` builds both first when they are stale.
 */
export async function startLinli(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  // The probed port can be taken before the server binds it (an outgoing connection may get it as its
  // local port): such a start is tried again on another port, a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(extraEnv);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof PortTaken)) throw err;
    }
  }
}

class PortTaken extends Error {}

async function startOnce(extraEnv: Record<string, string>): Promise<RunningServer> {
  for (const required of [SERVER_MAIN, path.join(H5_DIR, 'index.html')]) {
    if (!existsSync(required))
      throw new Error(`${required} is missing: run pnpm build (pnpm test builds it when stale)`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linli-e2e-'));
  // The lean demo seed (personas, one household) unless a test asks for the full community with its history.
  // The personas sign in many times a minute from one address: rate limits raised (rate-limits.spec.ts proves the defaults).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LINLI_DATA_DIR: dataDir,
    LINLI_H5_DIR: H5_DIR,
    LINLI_DEMO_HISTORY: '0',
    LINLI_RATE_LIMIT_MULTIPLIER: '1000',
  };
  for (const key of [
    'DATABASE_URL',
    'WECHAT_APPID',
    'WECHAT_SECRET',
    'WECHAT_API_BASE',
    'NODE_ENV',
  ])
    delete env[key];
  Object.assign(env, extraEnv);
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new (log.includes('EADDRINUSE') ? PortTaken : Error)(
        `server exited with ${child.exitCode}:\n${log}`,
      );
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become healthy within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, output: () => log, stop };
}
