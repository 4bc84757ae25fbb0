import { ApiRoutes, DemoPersona, ErrorCode, Role } from '@linli/contracts';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

const APPID = 'wxtest00000000001';
const SECRET = 'test-wechat-secret';

describe('WeChat login against a local WeChat server', () => {
  let wechat: LocalWechatServer;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET });
    t = await createTestApp({
      env: { WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_API_BASE: wechat.url },
      config: (c) => ({ ...c, wechat: { ...c.wechat, timeoutMs: 300 } }),
    });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  const login = (code: string) => t.http().post(ApiRoutes.wechatLogin).send({ code });

  it('exchanges the code with WeChat and returns a session for the registered user', async () => {
    const code = wechat.mintCode('demo-resident');
    const res = await login(code).expect(200);
    expect(res.body.user).toMatchObject({
      name: '王女士',
      role: Role.Resident,
      household: { roomLabel: '1栋1单元101室', communityName: '阳光花园' },
    });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(t.clock.now().getTime());
    const call = wechat.received.at(-1)!;
    expect(call).toMatchObject({ method: 'GET', path: '/sns/jscode2session' });
    expect(call.query).toEqual({
      appid: APPID,
      secret: SECRET,
      js_code: code,
      grant_type: 'authorization_code',
    });

    const me = await t.http().get(ApiRoutes.me).set(bearer(res.body.token)).expect(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('refuses a code WeChat does not know, or one already used (AUTH_WECHAT_CODE_INVALID, 401)', async () => {
    const code = wechat.mintCode('demo-resident');
    await login(code).expect(200);
    expect((await login(code).expect(401)).body.code).toBe(ErrorCode.AUTH_WECHAT_CODE_INVALID);
    expect((await login('made-up-code').expect(401)).body.code).toBe(
      ErrorCode.AUTH_WECHAT_CODE_INVALID,
    );
  });

  it('refuses an openid that belongs to nobody (AUTH_NOT_REGISTERED, 403)', async () => {
    const res = await login(wechat.mintCode('o-stranger')).expect(403);
    expect(res.body).toEqual({
      code: ErrorCode.AUTH_NOT_REGISTERED,
      message: expect.stringMatching(/物业服务中心/),
    });
  });

  it.each([
    [45011, 429, ErrorCode.AUTH_WECHAT_RATE_LIMITED],
    [40226, 403, ErrorCode.AUTH_WECHAT_RISKY_USER],
    [-1, 503, ErrorCode.AUTH_WECHAT_UNAVAILABLE],
    ['timeout' as const, 503, ErrorCode.AUTH_WECHAT_UNAVAILABLE],
  ])('maps WeChat failure %s to HTTP %i %s', async (failure, status, code) => {
    wechat.failNext(failure);
    const res = await login(wechat.mintCode('demo-resident')).expect(status);
    expect(res.body.code).toBe(code);
    // the next attempt goes through again
    await login(wechat.mintCode('demo-resident')).expect(200);
  });

  it('has no demo login when a WeChat AppID is configured', async () => {
    expect(
      (await t.http().post(ApiRoutes.demoLogin).send({ persona: 'resident' }).expect(404)).body
        .code,
    ).toBe(ErrorCode.NOT_FOUND);
  });

  it('expires sessions by the business clock', async () => {
    const { body } = await login(wechat.mintCode('demo-assistant')).expect(200);
    await t.http().get(ApiRoutes.me).set(bearer(body.token)).expect(200);
    t.clock.set({ advanceMinutes: 8 * 24 * 60 });
    expect((await t.http().get(ApiRoutes.me).set(bearer(body.token)).expect(401)).body.code).toBe(
      ErrorCode.AUTH_TOKEN_INVALID,
    );
    t.clock.set({ advanceMinutes: -8 * 24 * 60 });
  });
});

describe('WeChat unreachable or misconfigured', () => {
  it('answers AUTH_WECHAT_UNAVAILABLE when nothing listens at WECHAT_API_BASE', async () => {
    const wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET });
    const url = wechat.url;
    await wechat.close();
    const t = await createTestApp({
      env: { WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_API_BASE: url },
    });
    try {
      expect(
        (await t.http().post(ApiRoutes.wechatLogin).send({ code: 'x' }).expect(503)).body.code,
      ).toBe(ErrorCode.AUTH_WECHAT_UNAVAILABLE);
    } finally {
      await t.close();
    }
  });

  it('answers AUTH_WECHAT_UNAVAILABLE when WeChat refuses our secret (40125): the user cannot fix that', async () => {
    const wechat = await startLocalWechatServer({ appid: APPID, secret: 'the-real-secret' });
    const t = await createTestApp({
      env: { WECHAT_APPID: APPID, WECHAT_SECRET: 'a-stale-secret', WECHAT_API_BASE: wechat.url },
    });
    try {
      expect(
        (
          await t
            .http()
            .post(ApiRoutes.wechatLogin)
            .send({ code: wechat.mintCode('demo-resident') })
            .expect(503)
        ).body.code,
      ).toBe(ErrorCode.AUTH_WECHAT_UNAVAILABLE);
      expect(wechat.received.at(-1)?.response).toMatchObject({ errcode: 40125 });
    } finally {
      await t.close();
      await wechat.close();
    }
  });
});

describe('demo login (no WeChat AppID)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    [
      DemoPersona.Resident,
      {
        name: '王女士',
        role: Role.Resident,
        household: { roomLabel: '1栋1单元101室', communityName: '阳光花园' },
      },
    ],
    [DemoPersona.Assistant, { name: '李管家', role: Role.Assistant, household: null }],
    [DemoPersona.Supervisor, { name: '张主任', role: Role.Supervisor, household: null }],
    [DemoPersona.Admin, { name: '系统管理员', role: Role.Admin, household: null }],
    [DemoPersona.DepartmentHead, { name: '孙经理', role: Role.Supervisor, household: null }],
  ])('signs in as %s through the in-process WeChat server', async (persona, expected) => {
    const before = t.wechat.local!.received.length;
    const session = await loginPersona(t, persona);
    expect(session.user).toMatchObject(expected);
    expect(t.wechat.local!.received.length).toBe(before + 1);
    expect(t.wechat.local!.received.at(-1)!.response).toMatchObject({ openid: `demo-${persona}` });
  });

  it('lists the buildings an assistant serves', async () => {
    const session = await loginPersona(t, DemoPersona.Assistant);
    expect(session.user.buildingIds).toHaveLength(2);
  });

  it('refuses an unknown persona with DEMO_PERSONA_UNKNOWN', async () => {
    const res = await t.http().post(ApiRoutes.demoLogin).send({ persona: 'mayor' }).expect(404);
    expect(res.body.code).toBe(ErrorCode.DEMO_PERSONA_UNKNOWN);
  });
});

describe('the in-process WeChat server of demo mode', () => {
  it('listens on loopback only while the app runs', async () => {
    const t = await createTestApp();
    const url = t.wechat.local!.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.wechat.baseUrl).toBe(url);
    expect((await fetch(`${url}/sns/jscode2session`)).status).toBe(200);
    await t.close();
    await expect(fetch(`${url}/sns/jscode2session`)).rejects.toThrow();
  });
});

describe('production mode', () => {
  let t: TestApp;
  let wechat: LocalWechatServer;
  beforeAll(async () => {
    wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET });
    t = await createTestApp({
      env: {
        NODE_ENV: 'production',
        WECHAT_APPID: APPID,
        WECHAT_SECRET: SECRET,
        WECHAT_API_BASE: wechat.url,
        JWT_SECRET: 'production-secret-0123456789',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('has no demo login route (404 NOT_FOUND) and says it is not in demo mode', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.demoLogin)
      .send({ persona: DemoPersona.Resident })
      .expect(404);
    expect(res.body.code).toBe(ErrorCode.NOT_FOUND);
    expect((await t.http().get(ApiRoutes.meta).expect(200)).body.demoMode).toBe(false);
  });

  it('does not seed the demo community, so demo openids are not registered', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.wechatLogin)
      .send({ code: wechat.mintCode('demo-resident') })
      .expect(403);
    expect(res.body.code).toBe(ErrorCode.AUTH_NOT_REGISTERED);
  });
});

describe('session tokens', () => {
  it('sign and verify with the secret as a key object, so no request parses it as a public key first', async () => {
    const { jwtModuleOptions } = await import('../src/modules/auth/auth.module');
    const { loadConfig } = await import('../src/config/app-config');
    const { KeyObject } = await import('node:crypto');
    const config = loadConfig({ JWT_SECRET: 'a-test-secret-of-some-length-0123456789' });
    const options = jwtModuleOptions(config);
    expect(options.secret).toBeInstanceOf(KeyObject);
    expect((options.secret as import('node:crypto').KeyObject).type).toBe('secret');
    // And tokens still work end to end: the demo login's token opens the API, a tampered one does not.
    const t = await createTestApp();
    try {
      const { token } = await loginPersona(t, DemoPersona.Resident);
      await t.http().get(ApiRoutes.me).set(bearer(token)).expect(200);
      const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      const refused = await t.http().get(ApiRoutes.me).set(bearer(tampered)).expect(401);
      expect(refused.body.code).toBe(ErrorCode.AUTH_TOKEN_INVALID);
    } finally {
      await t.close();
    }
  });
});
