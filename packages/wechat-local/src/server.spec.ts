import { startLocalWechatServer } from './server';
import { LocalWechatServer } from './types';

const APPID = 'wx-local-test';
const SECRET = 'local-secret';

describe('local WeChat server: jscode2session', () => {
  let wechat: LocalWechatServer;
  let clock = Date.parse('2026-11-22T08:00:00Z');

  beforeEach(async () => {
    wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET, now: () => clock });
  });
  afterEach(() => wechat.close());

  async function code2Session(params: Record<string, string>) {
    const query = new URLSearchParams({
      appid: APPID,
      secret: SECRET,
      grant_type: 'authorization_code',
      ...params,
    });
    const res = await fetch(`${wechat.url}/sns/jscode2session?${query}`);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: JSON.parse(await res.text()),
    };
  }

  it('exchanges a minted code for the openid and a session key, like WeChat', async () => {
    const code = wechat.mintCode('o-resident', { unionid: 'u-1' });
    const res = await code2Session({ js_code: code });
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(res.body).toEqual({
      openid: 'o-resident',
      session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      unionid: 'u-1',
    });
    expect(wechat.received).toHaveLength(1);
    expect(wechat.received[0]).toMatchObject({
      method: 'GET',
      path: '/sns/jscode2session',
      query: { js_code: code },
      status: 200,
    });
  });

  it('refuses a code used twice, an unknown code and an expired one with 40029', async () => {
    const code = wechat.mintCode('o-1');
    expect((await code2Session({ js_code: code })).body.openid).toBe('o-1');
    expect((await code2Session({ js_code: code })).body).toEqual({
      errcode: 40029,
      errmsg: expect.stringMatching(/^invalid code, rid: /),
    });
    expect((await code2Session({ js_code: 'nope' })).body.errcode).toBe(40029);
    const late = wechat.mintCode('o-1');
    clock += 5 * 60 * 1000;
    expect((await code2Session({ js_code: late })).body.errcode).toBe(40029);
  });

  it('refuses a wrong appid (40013) and a wrong secret (40125) without consuming the code', async () => {
    const code = wechat.mintCode('o-2');
    expect((await code2Session({ js_code: code, appid: 'wx-other' })).body.errcode).toBe(40013);
    expect((await code2Session({ js_code: code, secret: 'wrong' })).body.errcode).toBe(40125);
    expect((await code2Session({ js_code: code })).body.openid).toBe('o-2');
  });

  it('fails the next requests on demand, then recovers', async () => {
    wechat.failNext(45011, 2);
    const code = wechat.mintCode('o-3');
    expect((await code2Session({ js_code: code })).body.errcode).toBe(45011);
    expect((await code2Session({ js_code: code })).body.errcode).toBe(45011);
    expect((await code2Session({ js_code: code })).body.openid).toBe('o-3');
  });

  it("holds the request unanswered for a 'timeout' failure", async () => {
    wechat.failNext('timeout');
    const res = fetch(`${wechat.url}/sns/jscode2session?js_code=x`, {
      signal: AbortSignal.timeout(200),
    });
    await expect(res).rejects.toThrow(/timeout|aborted/i);
    expect(wechat.received).toHaveLength(1);
    expect(wechat.received[0].status).toBeUndefined();
    // When the caller gave up is recorded once its connection closes.
    for (let i = 0; i < 100 && wechat.received[0].abandonedAt === undefined; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(wechat.received[0].abandonedAt).toEqual(expect.any(Number));
  });

  it('answers unknown paths with 404 and a WeChat error body', async () => {
    const res = await fetch(`${wechat.url}/cgi-bin/nothing`);
    expect(res.status).toBe(404);
    expect(JSON.parse(await res.text()).errcode).toBe(44004);
  });
});

describe('local WeChat server: latency', () => {
  it('holds every answer back by at least the set latency, and can be turned off', async () => {
    const wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET, latencyMs: 150 });
    try {
      const ask = async () => {
        const t0 = performance.now();
        const query = new URLSearchParams({
          appid: APPID,
          secret: SECRET,
          grant_type: 'authorization_code',
          js_code: 'nope',
        });
        const body = JSON.parse(
          await (await fetch(`${wechat.url}/sns/jscode2session?${query}`)).text(),
        );
        return { body, ms: performance.now() - t0 };
      };
      const slow = await ask();
      expect(slow.body.errcode).toBe(40029);
      expect(slow.ms).toBeGreaterThanOrEqual(140);
      wechat.setLatency(0);
      expect((await ask()).body.errcode).toBe(40029);
      expect(() => wechat.setLatency(-1)).toThrow(RangeError);
    } finally {
      await wechat.close();
    }
  });
});
