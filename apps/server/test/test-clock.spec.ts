import { ApiRoutes, ErrorCode } from '@linli/contracts';
import { createTestApp, TestApp } from './support/test-app';

describe('test clock (demo/test mode)', () => {
  let realNow: number;
  let t: TestApp;
  /** Each test starts from its own app (issue #17), real time at 2026-11-22 14:00 China time. */
  beforeEach(async () => {
    realNow = Date.parse('2026-11-22T06:00:00Z');
    t = await createTestApp({ realTime: () => realNow });
  });
  afterEach(() => t?.close());
  /** The clock set to 2026-10-01 10:00 and frozen, then a minute of real time passes. */
  const setAndFreeze = async () => {
    await t
      .http()
      .put(ApiRoutes.testClock)
      .send({ now: '2026-10-01T02:00:00.000Z', freeze: true })
      .expect(200);
    realNow += 60_000;
  };

  it('follows real time until set', async () => {
    const res = await t.http().get(ApiRoutes.testClock).expect(200);
    expect(res.body).toEqual({ now: '2026-11-22T06:00:00.000Z', offsetMs: 0, frozen: false });
  });

  it('sets and freezes the clock: business time stops while real time goes on', async () => {
    const res = await t
      .http()
      .put(ApiRoutes.testClock)
      .send({ now: '2026-10-01T02:00:00.000Z', freeze: true })
      .expect(200);
    expect(res.body).toMatchObject({ now: '2026-10-01T02:00:00.000Z', frozen: true });
    realNow += 60_000;
    expect((await t.http().get(ApiRoutes.meta).expect(200)).body.now).toBe(
      '2026-10-01T02:00:00.000Z',
    );
  });

  it('advances by minutes, staying frozen', async () => {
    await setAndFreeze();
    const res = await t.http().put(ApiRoutes.testClock).send({ advanceMinutes: 30 }).expect(200);
    expect(res.body).toMatchObject({ now: '2026-10-01T02:30:00.000Z', frozen: true });
  });

  it('unfreezes and runs on from the set instant', async () => {
    await setAndFreeze();
    await t.http().put(ApiRoutes.testClock).send({ advanceMinutes: 30 }).expect(200);
    await t.http().put(ApiRoutes.testClock).send({ freeze: false }).expect(200);
    realNow += 5_000;
    const res = await t.http().get(ApiRoutes.testClock).expect(200);
    expect(res.body).toMatchObject({ now: '2026-10-01T02:30:05.000Z', frozen: false });
  });

  it('refuses now and advanceMinutes together, and a malformed instant', async () => {
    const both = await t
      .http()
      .put(ApiRoutes.testClock)
      .send({ now: '2026-10-01T00:00:00Z', advanceMinutes: 5 })
      .expect(400);
    expect(both.body.fields).toEqual([
      { field: 'advanceMinutes', message: expect.stringMatching(/不能同时/) },
    ]);
    const bad = await t.http().put(ApiRoutes.testClock).send({ now: 'tomorrow' }).expect(400);
    expect(bad.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [{ field: 'now' }],
    });
  });
});

describe('test clock in production mode', () => {
  it('does not exist, and the clock cannot be moved', async () => {
    const t = await createTestApp({
      env: {
        NODE_ENV: 'production',
        WECHAT_APPID: 'wxprod000000000001',
        WECHAT_SECRET: 's',
        JWT_SECRET: 'production-secret-0123456789',
      },
    });
    try {
      expect((await t.http().get(ApiRoutes.testClock).expect(404)).body.code).toBe(
        ErrorCode.NOT_FOUND,
      );
      expect(
        (await t.http().put(ApiRoutes.testClock).send({ advanceMinutes: 60 }).expect(404)).body
          .code,
      ).toBe(ErrorCode.NOT_FOUND);
      expect(() => t.clock.set({ advanceMinutes: 60 })).toThrow(
        expect.objectContaining({ code: ErrorCode.CLOCK_DISABLED }),
      );
      expect(t.clock.describe().offsetMs).toBe(0);
    } finally {
      await t.close();
    }
  });
});
