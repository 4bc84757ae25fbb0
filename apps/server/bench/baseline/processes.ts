import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ApiRoutes, DemoPersona } from '@linli/contracts';
import { freePort } from '../common/bench-server';

/** The product (a build's dist/main.js) and the bare baseline as child processes, and the requests the bench makes. */

export const ROOT = path.resolve(__dirname, '../../../..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Proc {
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startProcess(
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

export function productEnv(databaseUrl: string): Record<string, string> {
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

export async function post(
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

export async function login(baseUrl: string, persona: DemoPersona): Promise<string> {
  const res = await post(baseUrl, ApiRoutes.demoLogin, null, { persona });
  if (res.status !== 200)
    throw new Error(`demo login ${persona}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

export const submitBody = () => ({
  categoryCode: 'bulb',
  description: '客厅灯泡坏了，开关没反应',
  photoIds: [],
  idempotencyKey: `bench-${randomUUID()}`,
});
