import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { ClockService } from '../clock/clock.service';
import { ThrottlerHit, ThrottlerStorageRecord, windowRecord } from './throttler-record';

/**
 * One window's count, atomically: the same rules as the database storage (a window of `ttl` from the
 * first hit; over the limit, blocked for `block` and the window stretched to cover it). Times are the
 * server's business clock (the test clock in demo and tests), passed in, not Redis's own.
 */
const INCREMENT = `
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local block = tonumber(ARGV[4])
local h = redis.call('HMGET', KEYS[1], 'hits', 'ends', 'blocked')
local hits = tonumber(h[1])
local ends = tonumber(h[2])
local blocked = tonumber(h[3]) or 0
if (not hits) or (not ends) or ends <= now then
  hits = 1
  ends = now + ttl
  blocked = 0
else
  hits = hits + 1
end
if hits > limit and blocked <= now then
  blocked = now + block
  if blocked > ends then ends = blocked end
end
redis.call('HSET', KEYS[1], 'hits', hits, 'ends', ends, 'blocked', blocked)
redis.call('PEXPIRE', KEYS[1], math.max(1000, ends - now))
return {hits, ends, blocked}
`;

/**
 * @nestjs/throttler's storage in Redis (REDIS_URL): every instance counts the same hits, without a
 * database write per limited request. If Redis cannot be reached the request is let through and a
 * warning logged: rate limits guard against abuse, they are not worth an outage (docs/deployment.md).
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly clock: ClockService,
  ) {
    // Fail fast while Redis is away (no offline queue, one retry), reconnect in the background.
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      lazyConnect: false,
    });
    this.redis.on('error', (err: Error) => this.warn(`redis: ${err.message}`));
  }

  async increment(
    ...[key, ttl, limit, blockDuration]: ThrottlerHit
  ): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    let reply: [number, number, number];
    try {
      reply = (await this.redis.eval(
        INCREMENT,
        1,
        `linli:rl:${key}`,
        now,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number];
    } catch (err) {
      this.warn(`rate limit not counted (${(err as Error).message}): request let through`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
    const [hits, ends, blocked] = reply.map(Number);
    return windowRecord(hits, ends, blocked, now);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  private warn(message: string): void {
    // At most one line every 10 s while Redis is away.
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
