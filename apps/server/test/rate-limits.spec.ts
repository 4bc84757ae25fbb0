/**
 * Rate limits (issue #10) with the real defaults (no LINLI_RATE_LIMIT_MULTIPLIER): signing in per address,
 * reporting per user and per address, counted in the database so every instance shares them; over the
 * limit 429 RATE_LIMITED with a Chinese message and Retry-After, and allowed again when the window ends.
 */
import { ApiRoutes, DemoPersona, ErrorCode } from '@linli/contracts';
import { DEFAULT_RATE_LIMITS } from '../src/config/app-config';
import { DatabaseThrottlerStorage } from '../src/modules/rate-limits/database-throttler.storage';
import { RateLimitBucket } from '../src/modules/rate-limits/entities/rate-limit-bucket.entity';
import { ticketRequest } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LINLI_RATE_LIMIT_MULTIPLIER: '1' } });
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
}, 60_000);
afterAll(() => t?.close());

describe('signing in', () => {
  it(`allows ${DEFAULT_RATE_LIMITS.login.perIp} a minute from one address, then 429 with Retry-After, then again after the window`, async () => {
    const login = () => t.http().post(ApiRoutes.demoLogin).send({ persona: DemoPersona.Resident });
    for (let i = 0; i < DEFAULT_RATE_LIMITS.login.perIp; i++) await login().expect(200);
    const refused = await login().expect(429);
    expect(refused.body).toEqual({
      code: ErrorCode.RATE_LIMITED,
      message: '操作过于频繁，请 60 秒后再试',
    });
    expect(refused.headers['retry-after']).toBe('60');
    // WeChat sign-in counts in the same bucket: the address is refused there too.
    expect(
      (await t.http().post(ApiRoutes.wechatLogin).send({ code: 'x' }).expect(429)).body.code,
    ).toBe(ErrorCode.RATE_LIMITED);
    // The count lives in the database, where every instance reads it.
    expect(await t.dataSource.getRepository(RateLimitBucket).countBy({})).toBeGreaterThan(0);
    t.clock.set({ advanceMinutes: 1 });
    await login().expect(200);
  });
});

describe('reporting', () => {
  it(`allows a resident ${DEFAULT_RATE_LIMITS.ticketSubmit.perUser} reports a minute; another resident at the same address is not held back by it`, async () => {
    t.clock.set({ advanceMinutes: 5 });
    const wang = (await loginPersona(t, DemoPersona.Resident)).token;
    const submit = (token: string) =>
      t
        .http()
        .post(ApiRoutes.tickets)
        .set(bearer(token))
        .send(ticketRequest({ categoryCode: 'bulb' }));
    for (let i = 0; i < DEFAULT_RATE_LIMITS.ticketSubmit.perUser!; i++)
      await submit(wang).expect(201);
    const refused = await submit(wang).expect(429);
    expect(refused.body.code).toBe(ErrorCode.RATE_LIMITED);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The newcomer (no room) is refused for having no room, not for Wang's reports.
    const newcomer = (await loginPersona(t, DemoPersona.Newcomer)).token;
    expect((await submit(newcomer).expect(403)).body.code).toBe(ErrorCode.TICKET_NO_HOUSEHOLD);
  });
});

describe('behind a reverse proxy (LINLI_TRUST_PROXY)', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({
      env: { LINLI_RATE_LIMIT_MULTIPLIER: '1', LINLI_TRUST_PROXY: '1' },
    });
  }, 60_000);
  afterAll(() => proxied?.close());

  it('counts each client address, not the proxy’s', async () => {
    const login = (ip: string) =>
      proxied
        .http()
        .post(ApiRoutes.demoLogin)
        .set('X-Forwarded-For', ip)
        .send({ persona: DemoPersona.Resident });
    for (let i = 0; i < DEFAULT_RATE_LIMITS.login.perIp; i++)
      await login('203.0.113.7').expect(200);
    await login('203.0.113.7').expect(429);
    await login('198.51.100.20').expect(200);
  });
});

describe('the storage', () => {
  it('counts a window in one statement per hit: the count and seconds left, the block past the limit, a fresh window after it ends', async () => {
    const storage = t.app.get(DatabaseThrottlerStorage);
    const key = 'test:storage:one';
    const hit = () => storage.increment(key, 60_000, 2, 60_000);
    expect(await hit()).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    t.clock.set({ advanceMinutes: 0.5 });
    expect(await hit()).toEqual({
      totalHits: 2,
      timeToExpire: 30,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    // Past the limit: blocked for the block's length, the window lasting as long.
    expect(await hit()).toEqual({
      totalHits: 3,
      timeToExpire: 60,
      isBlocked: true,
      timeToBlockExpire: 60,
    });
    t.clock.set({ advanceMinutes: 0.5 });
    expect(await hit()).toEqual({
      totalHits: 4,
      timeToExpire: 30,
      isBlocked: true,
      timeToBlockExpire: 30,
    });
    // The window (and the block) ended: counted from one again, in the same row.
    t.clock.set({ advanceMinutes: 1 });
    expect(await hit()).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    expect(
      await t.dataSource.getRepository(RateLimitBucket).findOneByOrFail({ bucket: key }),
    ).toMatchObject({ hits: 1, blockedUntil: null });
  });
});
