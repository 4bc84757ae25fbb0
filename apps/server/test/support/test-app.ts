import 'reflect-metadata';
import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { ClockService, REAL_TIME } from '../../src/modules/clock/clock.service';
import { WechatEndpoint } from '../../src/modules/wechat/wechat-endpoint';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestAppOptions {
  /** Environment as the server would read it; NODE_ENV=test and a temp LINLI_DATA_DIR unless given. */
  env?: Record<string, string>;
  /** Adjust the validated configuration (e.g. a short WeChat timeout). */
  config?: (config: AppConfig) => AppConfig;
  /** The real-time source behind the clock; defaults to the system clock. */
  realTime?: () => number;
  /** Boot on this database instead of a fresh one (it is then not dropped on close). */
  database?: TestDatabase;
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  clock: ClockService;
  dataSource: DataSource;
  /** The WeChat endpoint the server calls (in demo mode its local server is `wechat.local`). */
  wechat: WechatEndpoint;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The configuration a test boots with on `db`: NODE_ENV=test, a temp data dir, background timers off (tests
 * run sweeps explicitly after moving the clock) and rate limits raised (rate-limits.spec.ts proves the real
 * defaults).
 */
export function testConfig(
  db: TestDatabase,
  options: Pick<TestAppOptions, 'env' | 'config'> = {},
): AppConfig {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linli-data-'));
  const loaded = loadConfig({
    NODE_ENV: 'test',
    LINLI_DATA_DIR: dataDir,
    LINLI_H5_DIR: path.join(dataDir, 'no-h5'),
    LINLI_SLA_SWEEP_SECONDS: '0',
    LINLI_OUTBOX_POLL_MS: '0',
    LINLI_REPORTS_SWEEP_SECONDS: '0',
    LINLI_CHAT_INBOX_POLL_MS: '0',
    LINLI_RATE_LIMIT_MULTIPLIER: '1000',
    ...options.env,
  });
  const withDb: AppConfig = options.env?.DATABASE_URL ? loaded : { ...loaded, database: db.config };
  return options.config ? options.config(withDb) : withDb;
}

/** Boots the real AppModule in-process on a fresh database (migrations and seed run as at boot). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const config = testConfig(db, options);

  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] })
    .overrideProvider(REAL_TIME)
    .useValue(options.realTime ?? (() => Date.now()))
    .compile();
  const app = moduleRef.createNestApplication({
    logger: new ConsoleLogger({ logLevels: ['error', 'fatal'] }),
    routeResolutionStrategy: 'specificity',
  });
  configureApp(app, config);
  await app.init();
  return {
    app,
    config,
    clock: app.get(ClockService),
    dataSource: app.get(DataSource),
    wechat: app.get(WechatEndpoint),
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}
