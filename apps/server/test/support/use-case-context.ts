import 'reflect-metadata';
import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig } from '../../src/config/app-config';
import { ClockService, REAL_TIME } from '../../src/modules/clock/clock.service';
import { createTestDatabase } from './test-database';
import { testConfig } from './test-app';

/**
 * The application without HTTP: the real AppModule on a fresh database (migrations and the boot seed run),
 * for tests that call use cases directly. HTTP specs keep the contract; these check what a use case writes.
 */
export interface UseCaseContext {
  app: INestApplicationContext;
  config: AppConfig;
  clock: ClockService;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function createUseCaseContext(): Promise<UseCaseContext> {
  const db = await createTestDatabase();
  const config = testConfig(db);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] })
    .overrideProvider(REAL_TIME)
    .useValue(() => Date.now())
    .compile();
  moduleRef.useLogger(new ConsoleLogger({ logLevels: ['error', 'fatal'] }));
  await moduleRef.init();
  return {
    app: moduleRef,
    config,
    clock: moduleRef.get(ClockService),
    dataSource: moduleRef.get(DataSource),
    close: async () => {
      await moduleRef.close();
      await db.drop();
    },
  };
}
