import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseThrottlerStorage } from './database-throttler.storage';
import { RateLimitBucket } from './entities/rate-limit-bucket.entity';
import { THROTTLERS } from './rate-limit.guard';

@Module({
  imports: [TypeOrmModule.forFeature([RateLimitBucket])],
  providers: [DatabaseThrottlerStorage],
  exports: [DatabaseThrottlerStorage],
})
export class RateLimitStorageModule {}

/** Rate limits (@nestjs/throttler, global) with the counters in the database. Routes opt in with @RateLimit(operation). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [DatabaseThrottlerStorage],
      useFactory: (storage: DatabaseThrottlerStorage) => ({ throttlers: THROTTLERS, storage }),
    }),
  ],
})
export class RateLimitsModule {}
