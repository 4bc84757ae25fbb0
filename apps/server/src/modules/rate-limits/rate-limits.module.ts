import { Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { DatabaseThrottlerStorage } from './database-throttler.storage';
import { RateLimitBucket } from './entities/rate-limit-bucket.entity';
import { THROTTLERS } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Where the counters live: Redis when REDIS_URL is set, else the database (both shared by every instance). */
export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

@Module({
  imports: [TypeOrmModule.forFeature([RateLimitBucket])],
  providers: [
    DatabaseThrottlerStorage,
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [APP_CONFIG, ClockService, DatabaseThrottlerStorage],
      useFactory: (
        config: AppConfig,
        clock: ClockService,
        database: DatabaseThrottlerStorage,
      ): ThrottlerStorage =>
        config.redisUrl ? new RedisThrottlerStorage(config.redisUrl, clock) : database,
    },
  ],
  exports: [DatabaseThrottlerStorage, RATE_LIMIT_STORAGE],
})
export class RateLimitStorageModule {}

/** Rate limits (@nestjs/throttler, global) with the counters shared by every instance. Routes opt in with @RateLimit(operation). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [RATE_LIMIT_STORAGE],
      useFactory: (storage: ThrottlerStorage) => ({ throttlers: THROTTLERS, storage }),
    }),
  ],
})
export class RateLimitsModule {}
