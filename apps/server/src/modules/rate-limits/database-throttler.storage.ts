import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/unit-of-work';
import { ThrottlerHit, ThrottlerStorageRecord, windowRecord } from './throttler-record';

/** MySQL/MariaDB: the count and the window's seconds left, packed into one BIGINT (count × PACK + seconds). */
const PACK = 1_000_000_000;
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
    @InjectRepository(RateLimitBucket) private readonly buckets: Repository<RateLimitBucket>,
    // The dialect's own upsert (raw SQL) and the driver's value conversions: infrastructure.
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
  ) {}

  async increment(
    ...[key, ttl, limit, blockDuration]: ThrottlerHit
  ): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now();
    const counted = await this.countHit(key, ttl, now);
    // Within the limit nobody is blocked: a block is set only once the window's hits pass the limit, the
    // window then lasts at least as long as the block, and hits only grow within a window.
    if (counted && counted.hits <= limit)
      return {
        totalHits: counted.hits,
        timeToExpire: counted.secondsLeft,
        isBlocked: false,
        timeToBlockExpire: 0,
      };
    return this.incrementSlowly(key, ttl, limit, blockDuration, now, counted !== null);
  }

  /**
   * Counts the hit in one statement: an upsert that bumps the window's count, or opens a fresh window
   * when there is no row or its window has ended. Answers the count and the seconds left in the window
   * (SQLite: RETURNING; MySQL/MariaDB: both packed into LAST_INSERT_ID, which comes back in the OK packet).
   */
  private async countHit(
    key: string,
    ttl: number,
    now: Date,
  ): Promise<{ hits: number; secondsLeft: number } | null> {
    const meta = this.buckets.metadata;
    const column = meta.findColumnWithPropertyName('windowEndsAt')!;
    const at = (d: Date) => this.ds.driver.preparePersistentValue(d, column) as unknown;
    const fresh = new Date(now.getTime() + ttl);
    const freshSeconds = Math.ceil(ttl / 1000);
    if (this.ds.options.type === 'better-sqlite3') {
      // SET expressions all read the row as it was before the update.
      const rows = (await this.ds.query(
        `INSERT INTO rate_limit_bucket (bucket, hits, windowEndsAt, blockedUntil) VALUES (?, 1, ?, NULL)
         ON CONFLICT(bucket) DO UPDATE SET
           hits = CASE WHEN windowEndsAt > ? THEN hits + 1 ELSE 1 END,
           blockedUntil = CASE WHEN windowEndsAt > ? THEN blockedUntil ELSE NULL END,
           windowEndsAt = CASE WHEN windowEndsAt > ? THEN windowEndsAt ELSE excluded.windowEndsAt END
         RETURNING hits, windowEndsAt`,
        [key, at(fresh), at(now), at(now), at(now)],
      )) as { hits: number; windowEndsAt: unknown }[];
      if (!rows[0]) return null;
      const ends = this.ds.driver.prepareHydratedValue(rows[0].windowEndsAt, column) as Date;
      return {
        hits: Number(rows[0].hits),
        secondsLeft: Math.max(0, Math.ceil((ends.getTime() - now.getTime()) / 1000)),
      };
    }
    // MySQL/MariaDB evaluate the assignments left to right, each seeing the ones before: hits and
    // blockedUntil read the old window's end, the last assignment sets the window and packs the new count
    // with the seconds left (TIMESTAMPDIFF of two stored instants: no time zone involved).
    const result = (await this.ds.query(
      `INSERT INTO \`rate_limit_bucket\` (\`bucket\`, \`hits\`, \`windowEndsAt\`, \`blockedUntil\`) VALUES (?, 1, ?, NULL)
       ON DUPLICATE KEY UPDATE
         \`hits\` = IF(\`windowEndsAt\` > ?, \`hits\` + 1, 1),
         \`blockedUntil\` = IF(\`windowEndsAt\` > ?, \`blockedUntil\`, NULL),
         \`windowEndsAt\` = IF(\`windowEndsAt\` > ?, \`windowEndsAt\`, VALUES(\`windowEndsAt\`)),
         \`bucket\` = IF(LAST_INSERT_ID(\`hits\` * ${PACK} + GREATEST(0, CEIL(TIMESTAMPDIFF(MICROSECOND, ?, \`windowEndsAt\`) / 1000000))) > 0, \`bucket\`, \`bucket\`)`,
      [key, at(fresh), at(now), at(now), at(now), at(now)],
    )) as { insertId: number | string };
    const packed = Number(result.insertId);
    // No LAST_INSERT_ID(expr) ran: the row was inserted, a fresh window with this one hit.
    if (!packed) return { hits: 1, secondsLeft: freshSeconds };
    return { hits: Math.floor(packed / PACK), secondsLeft: packed % PACK };
  }

  /** Over the limit (or the count could not be read): the row as it is, and the block when it starts now. */
  private async incrementSlowly(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    now: Date,
    counted: boolean,
  ): Promise<ThrottlerStorageRecord> {
    const repo = this.buckets;
    const hits = this.ds.driver.escape('hits');
    for (let attempt = 0; attempt < 3; attempt++) {
      if (counted) {
        const row = await repo.findOneBy({ bucket: key });
        if (row) return this.withBlock(repo, key, row, limit, blockDuration, now);
      }
      const bumped = await repo
        .createQueryBuilder()
        .update(RateLimitBucket)
        .set({ hits: () => `${hits} + 1` })
        .where('bucket = :key AND windowEndsAt > :now', { key, now })
        .execute();
      if (!bumped.affected) {
        await repo.delete({ bucket: key, windowEndsAt: LessThanOrEqual(now) });
        try {
          await repo.insert({
            bucket: key,
            hits: 1,
            windowEndsAt: new Date(now.getTime() + ttl),
            blockedUntil: null,
          });
        } catch (err) {
          if (isUniqueViolation(err)) continue; // another instance opened the window first: count in it
          throw err;
        }
      }
      return this.withBlock(
        repo,
        key,
        await repo.findOneByOrFail({ bucket: key }),
        limit,
        blockDuration,
        now,
      );
    }
    throw new Error(`rate limit bucket ${key}: could not open a window`);
  }

  /** Starts the block when the count has just passed the limit; the record the guard reads. */
  private async withBlock(
    repo: Repository<RateLimitBucket>,
    key: string,
    found: RateLimitBucket,
    limit: number,
    blockDuration: number,
    now: Date,
  ): Promise<ThrottlerStorageRecord> {
    let row = found;
    if (row.hits > limit && (!row.blockedUntil || row.blockedUntil <= now)) {
      const blockedUntil = new Date(now.getTime() + blockDuration);
      const windowEndsAt = blockedUntil > row.windowEndsAt ? blockedUntil : row.windowEndsAt;
      await repo.update({ bucket: key }, { blockedUntil, windowEndsAt });
      row = { ...row, blockedUntil, windowEndsAt };
    }
    return windowRecord(
      row.hits,
      row.windowEndsAt.getTime(),
      row.blockedUntil?.getTime() ?? null,
      now.getTime(),
    );
  }

  /** Expired windows nobody reused (housekeeping; called by the guard now and then). */
  async sweep(): Promise<void> {
    await this.buckets.delete({ windowEndsAt: LessThanOrEqual(this.clock.now()) });
  }
}
