import { startLocalWechatServer } from './server';
import { LocalWechatServer } from './types';

const APPID = 'wx-local-test';
const SECRET = 'local-secret';

describe('local WeChat server: tokens, subscribe messages, phone numbers', () => {
  let wechat: LocalWechatServer;
  let clock = Date.parse('2026-11-22T08:00:00Z');

  beforeEach(async () => {
    clock = Date.parse('2026-11-22T08:00:00Z');
    wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET, now: () => clock });
  });
  afterEach(() => wechat.close());

  const post = async (path: string, body: unknown, query: Record<string, string> = {}) => {
    const res = await fetch(`${wechat.url}${path}?${new URLSearchParams(query)}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return JSON.parse(await res.text()) as Record<string, unknown>;
  };
  const token = async (force = false) =>
    (
      await post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: APPID,
        secret: SECRET,
        force_refresh: force,
      })
    ).access_token as string;
  const send = (accessToken: string, body: Record<string, unknown> = {}) =>
    post(
      '/cgi-bin/message/subscribe/send',
      { touser: 'o-1', template_id: 'tpl-1', data: { thing1: { value: '漏水' } }, ...body },
      { access_token: accessToken },
    );

  it('stable_token: the same token while valid, a new one when forced or expired; bad credentials refused', async () => {
    const first = await token();
    expect(await token()).toBe(first);
    const forced = await token(true);
    expect(forced).not.toBe(first);
    expect((await send(first)).errcode).toBe(40001);
    clock += 7201 * 1000;
    expect((await send(forced)).errcode).toBe(40001);
    expect(
      await post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: APPID,
        secret: 'wrong',
      }),
    ).toMatchObject({ errcode: 40125 });
    expect(
      await post('/cgi-bin/stable_token', { grant_type: 'x', appid: APPID, secret: SECRET }),
    ).toMatchObject({ errcode: 40002 });
  });

  it('subscribe/send: delivers, and answers 40003, 40037, 47003, 43101 like WeChat', async () => {
    const t = await token();
    expect(await send(t)).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(wechat.delivered).toEqual([
      expect.objectContaining({
        touser: 'o-1',
        templateId: 'tpl-1',
        data: { thing1: { value: '漏水' } },
      }),
    ]);
    expect((await send(t, { touser: '' })).errcode).toBe(40003);
    expect((await send(t, { template_id: '' })).errcode).toBe(40037);
    expect((await send(t, { data: { thing1: { value: 3 } } })).errcode).toBe(47003);
    wechat.revoke('o-1', 'tpl-1');
    expect((await send(t)).errcode).toBe(43101);
    expect((await send(t, { template_id: 'tpl-2' })).errcode).toBe(0);
    wechat.expireTokens();
    expect((await send(t)).errcode).toBe(40001);
  });

  it('getuserphonenumber: a minted code once, for the phone behind it', async () => {
    const t = await token();
    const code = wechat.mintPhoneCode('13800001234');
    expect(
      await post('/wxa/business/getuserphonenumber', { code }, { access_token: t }),
    ).toMatchObject({ errcode: 0, phone_info: { phoneNumber: '13800001234', countryCode: '86' } });
    expect(
      (await post('/wxa/business/getuserphonenumber', { code }, { access_token: t })).errcode,
    ).toBe(40029);
  });

  it('fails a share of requests at random when told to', async () => {
    const t = await token();
    let n = 0;
    wechat.failRandomly(0.5, [-1, 45009], '/cgi-bin/message/subscribe/send', () =>
      (n += 1) % 2 === 0 ? 0.9 : 0.1,
    );
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await send(t)).errcode);
    expect(codes.filter((c) => c !== 0).length).toBeGreaterThan(0);
    expect(codes.every((c) => [0, -1, 45009].includes(c as number))).toBe(true);
    wechat.failRandomly(0, [], '/cgi-bin/message/subscribe/send');
    expect((await send(t)).errcode).toBe(0);
  });
});
