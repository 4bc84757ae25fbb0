/**
 * What the benchmarks share to run the server: its application context in the bench process, or the
 * environment and a free port for a server child process.
 */
import 'reflect-metadata';
import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import net from 'node:net';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/app-config';

/**
 * The server's application context on the URL's database (the migrations run; the demo company is seeded
 * on first boot), in test mode and logging errors only; `env` adds to the process environment.
 */
export async function benchContext(
  url: string,
  env: Record<string, string>,
): Promise<INestApplicationContext> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'test', ...env });
  return NestFactory.createApplicationContext(AppModule.register(config), {
    logger: new ConsoleLogger({ logLevels: ['error', 'fatal'] }),
  });
}

/**
 * The environment of a server child process for a benchmark: `set` over the process environment, the
 * demo history off and the rate limits relaxed, and without the developer's own database and WeChat
 * settings (nor those named in `drop`).
 */
export function serverEnv(set: NodeJS.ProcessEnv, drop: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LINLI_DEMO_HISTORY: '0',
    LINLI_RATE_LIMIT_MULTIPLIER: '1000',
    ...set,
  };
  for (const key of ['DATABASE_URL', 'WECHAT_APPID', 'WECHAT_SECRET', 'WECHAT_API_BASE', ...drop])
    delete env[key];
  return env;
}

/** A TCP port free on 127.0.0.1 now (for a server child process to listen on). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
