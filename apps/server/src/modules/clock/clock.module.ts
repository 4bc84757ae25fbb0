import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ClockService, REAL_TIME, RealTime } from './clock.service';
import { TestClockController } from './test-clock.controller';

const systemTime: RealTime = () => Date.now();

@Global()
@Module({})
export class ClockModule {
  /** The test clock's routes exist only outside production mode. */
  static register(config: AppConfig): DynamicModule {
    return {
      module: ClockModule,
      controllers: config.productionMode ? [] : [TestClockController],
      providers: [{ provide: REAL_TIME, useValue: systemTime }, ClockService],
      exports: [ClockService],
    };
  }
}
