import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { startLocalWechatServer } from '../server';
import { LocalWechatServer } from '../types';
import { decryptMessage, encryptMessage, sha1Signature } from './msg-crypt';

const APPID = 'wxlocalchattest00';
const SECRET = 'local-secret';
const TOKEN = 'pushtoken';
const AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const H = 3600_000;

/** A stand-in for the product's push URL: records each request, answers as `answer` says. */
async function receiver(answer: (n: number) => 'success' | 'hang' | 500) {
  const got: { query: URLSearchParams; body: string; type: string }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({
        query: new URL(req.url ?? '/', 'http://x').searchParams,
        body,
        type: String(req.headers['content-type']),
      });
      const a = answer(got.length);
      if (a === 'hang') return;
      res.writeHead(a === 'success' ? 200 : a).end(a === 'success' ? 'success' : 'oops');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wechat/push`,
    got,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe('local WeChat server: customer-service chat', () => {
  let wechat: LocalWechatServer;
  let token: string;
  const clock = Date.parse('2026-12-04T02:00:00Z');

  /** A token valid now (they last 2 hours: after moving the clock, a fresh one). */
  const freshToken = async () => {
    const res = await fetch(`${wechat.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET }),
    });
    token = (JSON.parse(await res.text()) as { access_token: string }).access_token;
  };

  beforeEach(async () => {
    wechat = await startLocalWechatServer({ appid: APPID, secret: SECRET, now: () => clock });
    await freshToken();
  });
  afterEach(() => wechat.close());

  const send = async (
    touser: string,
    payload: object = { msgtype: 'text', text: { content: '您好' } },
    accessToken = token,
  ) => {
    const res = await fetch(
      `${wechat.url}/cgi-bin/message/custom/send?access_token=${accessToken}`,
      { method: 'POST', body: JSON.stringify({ touser, ...payload }) },
    );
    return (JSON.parse(await res.text()) as { errcode: number }).errcode;
  };

  it('encrypts as Tencent\'s sample does (WXBizMsgCryptTest: "我是中文abcd123" with random "aaaabbbbccccdddd")', () => {
    const encrypted = encryptMessage(
      AES,
      'wxb11529c136998cb6',
      '我是中文abcd123',
      Buffer.from('aaaabbbbccccdddd'),
    );
    expect(encrypted).toBe(
      'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
    );
    expect(decryptMessage(AES, 'wxb11529c136998cb6', encrypted)).toBe('我是中文abcd123');
    expect(decryptMessage(AES, 'wxsomeoneelse', encrypted)).toBeNull();
  });

  it.each([
    ['json', 'plain'],
    ['xml', 'plain'],
    ['json', 'safe'],
    ['xml', 'safe'],
  ] as const)("pushes a user's message signed like WeChat (%s, %s)", async (format, mode) => {
    const product = await receiver(() => 'success');
    wechat.chat.configurePush({
      url: product.url,
      token: TOKEN,
      encodingAesKey: AES,
      format,
      mode,
    });
    const result = await wechat.chat.userSays('o-user-1', { type: 'text', text: '电梯坏了' });
    await product.close();
    expect(result).toMatchObject({ delivered: true, reply: 'success' });
    const [{ query, body }] = product.got;
    const ts = query.get('timestamp')!;
    const nonce = query.get('nonce')!;
    expect(query.get('signature')).toBe(sha1Signature(TOKEN, ts, nonce));
    let plain = body;
    if (mode === 'safe') {
      const encrypted =
        format === 'json'
          ? (JSON.parse(body) as { Encrypt: string }).Encrypt
          : /<Encrypt><!\[CDATA\[(.+)\]\]><\/Encrypt>/.exec(body)![1];
      expect(query.get('encrypt_type')).toBe('aes');
      expect(query.get('msg_signature')).toBe(sha1Signature(TOKEN, ts, nonce, encrypted));
      plain = decryptMessage(AES, APPID, encrypted)!;
    }
    if (format === 'json') {
      expect(plain).toMatch(/"MsgId":73\d{17}[,}]/); // a bare 64-bit number, as WeChat sends it
      expect(JSON.parse(plain)).toMatchObject({
        FromUserName: 'o-user-1',
        MsgType: 'text',
        Content: '电梯坏了',
        CreateTime: clock / 1000,
      });
    } else {
      expect(plain).toContain('<FromUserName><![CDATA[o-user-1]]></FromUserName>');
      expect(plain).toContain('<Content><![CDATA[电梯坏了]]></Content>');
    }
  });

  it('retries a push that got no answer within the timeout, 3 tries in all, like WeChat', async () => {
    const slow = await receiver((n) => (n < 3 ? 'hang' : 'success'));
    wechat.chat.configurePush({
      url: slow.url,
      token: TOKEN,
      format: 'json',
      mode: 'plain',
      timeoutMs: 200,
    });
    const result = await wechat.chat.enter('o-user-2', 'ticket:T1');
    expect(result.delivered).toBe(true);
    expect(result.attempts.map((a) => a.error ?? a.status)).toEqual([
      'no answer within the timeout',
      'no answer within the timeout',
      200,
    ]);
    // Every try is the same push (same body): the product deduplicates it.
    expect(new Set(slow.got.map((g) => g.body)).size).toBe(1);
    await slow.close();
    const dead = await receiver(() => 500);
    wechat.chat.configurePush({
      url: dead.url,
      token: TOKEN,
      format: 'json',
      mode: 'plain',
      timeoutMs: 200,
    });
    const failed = await wechat.chat.userSays('o-user-2', { type: 'image' });
    expect(failed.delivered).toBe(false);
    expect(failed.attempts).toHaveLength(3);
    await dead.close();
  });

  it("after a user's message: 5 sends, the 6th is 45047; 48 h exactly still open, 48 h + 1 s is 45015", async () => {
    await wechat.chat.userSays('o-user-3', { type: 'text', text: '你好' });
    for (let i = 1; i <= 5; i++) expect(await send('o-user-3')).toBe(0);
    expect(await send('o-user-3')).toBe(45047);
    await wechat.chat.userSays('o-user-3', { type: 'text', text: '还在吗' });
    wechat.advanceClock(48 * H);
    await freshToken();
    expect(await send('o-user-3')).toBe(0);
    wechat.advanceClock(1000);
    expect(await send('o-user-3')).toBe(45015);
  });

  it('after entering: 2 sends, the 3rd is 45047; 1 min + 1 s is 45015; the windows do not accumulate', async () => {
    await wechat.chat.userSays('o-user-4', { type: 'text', text: '你好' });
    await wechat.chat.enter('o-user-4', '');
    expect(await send('o-user-4')).toBe(0);
    expect(await send('o-user-4')).toBe(0);
    expect(await send('o-user-4')).toBe(45047); // not 2 + the 5 of the earlier message
    await wechat.chat.enter('o-user-4', '');
    wechat.advanceClock(60_000 + 1000);
    expect(await send('o-user-4')).toBe(45015);
  });

  it('refuses an unknown user (40003), a bad token (40001) and an unknown media id (40007); typing does not count', async () => {
    expect(await send('o-nobody')).toBe(40003);
    await wechat.chat.enter('o-user-5', 'home');
    expect(await send('o-user-5', undefined, 'not-a-token')).toBe(40001);
    expect(await send('o-user-5', { msgtype: 'image', image: { media_id: 'made-up' } })).toBe(
      40007,
    );
    const typing = await fetch(
      `${wechat.url}/cgi-bin/message/custom/typing?access_token=${token}`,
      { method: 'POST', body: JSON.stringify({ touser: 'o-user-5', command: 'Typing' }) },
    );
    expect(JSON.parse(await typing.text())).toMatchObject({ errcode: 0 });
    const form = new FormData();
    form.append(
      'media',
      new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
      'a.png',
    );
    const upload = JSON.parse(
      await (
        await fetch(`${wechat.url}/cgi-bin/media/upload?access_token=${token}&type=image`, {
          method: 'POST',
          body: form,
        })
      ).text(),
    ) as { media_id: string };
    expect(await send('o-user-5', { msgtype: 'image', image: { media_id: upload.media_id } })).toBe(
      0,
    );
    expect(
      await send('o-user-5', {
        msgtype: 'miniprogrampage',
        miniprogrampage: { title: '报修进度', pagepath: 'pages/tickets/detail?id=1' },
      }),
    ).toBe(0);
    expect(await send('o-user-5')).toBe(45047);
    expect(wechat.chat.conversation('o-user-5').map((e) => `${e.direction}:${e.type}`)).toEqual([
      'in:enter',
      'out:typing',
      'out:image',
      'out:miniprogrampage',
    ]);
  });

  it('offers the inspection API over HTTP: write, enter, read the conversation, move the clock', async () => {
    const product = await receiver(() => 'success');
    wechat.chat.configurePush({ url: product.url, token: TOKEN, format: 'xml', mode: 'plain' });
    const post = (path: string, body: object) =>
      fetch(`${wechat.url}${path}`, { method: 'POST', body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }),
      );
    expect(
      (await post('/__local/chat/users/o-http/enter', { sessionFrom: 'ticket:T9' })).body,
    ).toMatchObject({ delivered: true });
    expect(
      (await post('/__local/chat/users/o-http/messages', { type: 'text', text: '门禁卡坏了' }))
        .body,
    ).toMatchObject({ delivered: true });
    expect(
      (
        await post('/__local/chat/users/o-http/messages', {
          type: 'miniprogrampage',
          pagePath: 'pages/home/index',
          title: '首页',
        })
      ).status,
    ).toBe(200);
    expect((await post('/__local/chat/users/o-http/messages', { type: 'video' })).status).toBe(400);
    expect(await send('o-http')).toBe(0);
    const conversation = (await (
      await fetch(`${wechat.url}/__local/chat/users/o-http/conversation`)
    ).json()) as { entries: { direction: string; type: string; text?: string; at: string }[] };
    expect(conversation.entries.map((e) => [e.direction, e.type, e.text ?? null])).toEqual([
      ['in', 'enter', null],
      ['in', 'text', '门禁卡坏了'],
      ['in', 'miniprogrampage', null],
      ['out', 'text', '您好'],
    ]);
    expect(conversation.entries[0].at).toBe(new Date(clock).toISOString());
    expect((await post('/__local/clock', { advanceMs: 1000 })).body).toEqual({
      now: new Date(clock + 1000).toISOString(),
    });
    expect(product.got).toHaveLength(3);
    // A browser page on another origin may call it (CORS preflight).
    const preflight = await fetch(`${wechat.url}/__local/chat/users/o-http/messages`, {
      method: 'OPTIONS',
    });
    expect([
      preflight.status,
      preflight.headers.get('access-control-allow-origin'),
      preflight.headers.get('access-control-allow-headers'),
    ]).toEqual([204, '*', 'Content-Type']);
    await product.close();
  });
});
