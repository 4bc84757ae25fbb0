import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { isUniqueViolation } from '../../database/unit-of-work';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
import { ClockService } from '../clock/clock.service';
import { RateLimitBucket } from './entities/rate-limit-bucket.entity';

/**
 * @nestjs/throttler's storage in the database, so every instance counts the same hits (the in-memory
 * default counts per process). A window's count is one row, incremented atomically; an expired window is
 * replaced by a fresh one. Time comes from the clock service (the test clock in demo and tests).
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now();
    const repo = this.ds.getRepository(RateLimitBucket);
    const hits = this.ds.driver.escape('hits');
    for (let attempt = 0; attempt < 3; attempt++) {
      const bumped = await repo
        .createQueryBuilder()
        .update(RateLimitBucket)
        .set({ hits: () => `${hits} + 1` })
        .where('bucket = :key AND windowEndsAt > :now', { key, now })
        .execute();
      if (!bumped.affected) {
        await repo.delete({ bucket: key, windowEndsAt: LessThanOrEqual(now) });
        try {
          await repo.insert({ bucket: key, hits: 1, windowEndsAt: new Date(now.getTime() + ttl), blockedUntil: null });
        } catch (err) {
          if (isUniqueViolation(err)) continue; // another instance opened the window first: count in it
          throw err;
        }
      }
      let row = await repo.findOneByOrFail({ bucket: key });
      if (row.hits > limit && (!row.blockedUntil || row.blockedUntil <= now)) {
        const blockedUntil = new Date(now.getTime() + blockDuration);
        const windowEndsAt = blockedUntil > row.windowEndsAt ? blockedUntil : row.windowEndsAt;
        await repo.update({ bucket: key }, { blockedUntil, windowEndsAt });
        row = { ...row, blockedUntil, windowEndsAt };
      }
      const seconds = (until: Date) => Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
      const blocked = row.blockedUntil !== null && row.blockedUntil > now;
      return { totalHits: row.hits, timeToExpire: seconds(row.windowEndsAt), isBlocked: blocked, timeToBlockExpire: blocked ? seconds(row.blockedUntil!) : 0 };
    }
    throw new Error(`rate limit bucket ${key}: could not open a window`);
  }

  /** Expired windows nobody reused (housekeeping; called by the guard now and then). */
  async sweep(): Promise<void> {
    await this.ds.getRepository(RateLimitBucket).delete({ windowEndsAt: LessThanOrEqual(this.clock.now()) });
  }
}
