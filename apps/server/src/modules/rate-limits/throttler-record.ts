import { ThrottlerStorage } from '@nestjs/throttler';

/** What a throttler storage answers for one hit. */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The hit as @nestjs/throttler hands it over: the key, the window (ms), the limit, the block (ms). */
export type ThrottlerHit = [key: string, ttl: number, limit: number, blockDuration: number];

/**
 * A window's state as the guard reads it (times in epoch ms, from the business clock): the seconds left
 * rounded up, and blocked while the block lasts. The database and the Redis storage answer alike.
 */
export function windowRecord(
  hits: number,
  endsAt: number,
  blockedUntil: number | null,
  now: number,
): ThrottlerStorageRecord {
  const seconds = (until: number) => Math.max(0, Math.ceil((until - now) / 1000));
  const isBlocked = blockedUntil !== null && blockedUntil > now;
  return {
    totalHits: hits,
    timeToExpire: seconds(endsAt),
    isBlocked,
    timeToBlockExpire: isBlocked ? seconds(blockedUntil) : 0,
  };
}
