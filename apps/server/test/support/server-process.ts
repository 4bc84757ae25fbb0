import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { TestDatabase } from './test-database';

const ROOT = path.resolve(__dirname, '../../../..');
/** What `pnpm start` runs. `pnpm test` (and `pnpm test:mysql`) build it first when it is stale. */
export const SERVER_MAIN = path.join(ROOT, 'apps/server/dist/main.js');

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  output(): string;
  /** Ends the process with `signal` and waits for it to exit (SIGKILL: no shutdown hooks run). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Settles when the process has exited: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
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

/** The environment that points a server process at a test database (SQLite file or MySQL database). */
export function databaseEnv(db: TestDatabase): Record<string, string> {
  const c = db.config;
  if (c.type === 'sqlite') {
    if (path.basename(c.path) !== 'linli.sqlite')
      throw new Error(
        `a server process keeps SQLite at <LINLI_DATA_DIR>/linli.sqlite, not ${c.path}`,
      );
    return { LINLI_DATA_DIR: path.dirname(c.path) };
  }
  const auth = c.password
    ? `${encodeURIComponent(c.username)}:${encodeURIComponent(c.password)}`
    : encodeURIComponent(c.username);
  return { DATABASE_URL: `mysql://${auth}@${c.host}:${c.port}/${c.database}` };
}

/**
 * Starts the built server as its own OS process (so it can really be killed) and waits until
 * /api/health answers. The caller's environment is not inherited beyond PATH-like basics: only `env`.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // The probed port can be taken before the server binds it (an outgoing connection may get it as its
  // local port): such a start is tried again on another port, a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof PortTaken)) throw err;
    }
  }
}

class PortTaken extends Error {}

async function startOnce(env: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN))
    throw new Error(
      `${SERVER_MAIN} is missing: run pnpm --filter @linli/server build (pnpm test builds it when stale)`,
    );
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    PORT: String(port),
    LINLI_H5_DIR: path.join(ROOT, 'apps/miniapp/dist/h5'),
    LINLI_DEMO_HISTORY: '0',
    LINLI_RATE_LIMIT_MULTIPLIER: '1000',
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new (log.includes('EADDRINUSE') ? PortTaken : Error)(
        `server exited with ${child.exitCode}:\n${log}`,
      );
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`server did not become healthy within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, pid: child.pid ?? -1, output: () => log, kill, exited };
}
