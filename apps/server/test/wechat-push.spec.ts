// The chat module registers the conversation as the one handler; these tests stand in for it.
import { ChatConversationService } from '../src/modules/chat/chat-conversation.service';
import { ChatInbound } from '../src/modules/wechat/chat-port';
import { ChatInboxWorker } from '../src/modules/wechat/chat-inbox.worker';
import {
  ChatInboundRow,
  ChatInboundStatus,
} from '../src/modules/wechat/entities/chat-inbound.entity';
import { ChatSessionRow } from '../src/modules/wechat/entities/chat-session.entity';
import { WechatMsgCrypt } from '../src/modules/wechat/wechat-crypto';
import { DEMO_PUSH_AES_KEY, DEMO_PUSH_TOKEN } from '../src/config/app-config';
import { createTestApp, TestApp } from './support/test-app';

/** Pushes signed by hand, as WeChat signs them (the round trip through the local WeChat server is wechat-chat.spec.ts). */
describe('WeChat message push (/api/wechat/push)', () => {
  let t: TestApp;
  let crypt: WechatMsgCrypt;
  let handled: ChatInbound[];
  let failNext: number;

  /** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
  beforeEach(async () => {
    handled = [];
    failNext = 0;
    t = await createTestApp();
    crypt = new WechatMsgCrypt(DEMO_PUSH_TOKEN, DEMO_PUSH_AES_KEY, t.wechat.appid);
    Object.assign(t.app.get(ChatConversationService), {
      handle: async (m: ChatInbound) => {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('conversation busy');
        }
        handled.push(m);
      },
    });
  });
  afterEach(() => t?.close());

  const signed = (ts = '1733300000', nonce = 'n0nce') =>
    `signature=${crypt.sign(ts, nonce)}&timestamp=${ts}&nonce=${nonce}`;
  const safe = (encrypted: string, ts = '1733300000', nonce = 'n0nce') =>
    `${signed(ts, nonce)}&encrypt_type=aes&msg_signature=${crypt.signEncrypted(ts, nonce, encrypted)}`;
  const textJson = (msgId: string, content: string, from = 'o-resident-1', created = 1733300000) =>
    `{"ToUserName":"gh_linli","FromUserName":"${from}","CreateTime":${created},"MsgType":"text","Content":${JSON.stringify(content)},"MsgId":${msgId}}`;
  const rows = () =>
    t.dataSource.getRepository(ChatInboundRow).find({ order: { receivedAt: 'ASC' } });
  const pushJson = (msgId: string, content: string) =>
    t
      .http()
      .post(`/api/wechat/push?${signed()}`)
      .set('Content-Type', 'application/json')
      .send(textJson(msgId, content));
  const ENTER_XML = `<xml><ToUserName><![CDATA[gh_linli]]></ToUserName><FromUserName><![CDATA[o-resident-2]]></FromUserName><CreateTime>1733300100</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_enter_tempsession]]></Event><SessionFrom><![CDATA[ticket:T123]]></SessionFrom></xml>`;
  /** o-resident-2 opens the chat from ticket T123: an enter event, pushed as XML in safe mode. */
  const pushEnter = () => {
    const encrypted = crypt.encrypt(ENTER_XML);
    return t
      .http()
      .post(`/api/wechat/push?${safe(encrypted)}`)
      .set('Content-Type', 'text/xml')
      .send(
        `<xml><ToUserName><![CDATA[gh_linli]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
      );
  };

  it('answers URL verification with the echostr when the signature verifies, and refuses it otherwise', async () => {
    const ok = await t.http().get(`/api/wechat/push?${signed()}&echostr=hello123`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('hello123');
    const bad = await t
      .http()
      .get(
        `/api/wechat/push?signature=${'0'.repeat(40)}&timestamp=1733300000&nonce=n0nce&echostr=hello123`,
      );
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ code: 'UNAUTHENTICATED', message: '微信消息推送签名校验失败' });
    expect((await t.http().get('/api/wechat/push?echostr=hello123')).status).toBe(401);
  });

  it('refuses an unsigned or tampered push and stores nothing', async () => {
    const body = textJson('7000000000000000001', '你好');
    expect(
      (await t.http().post('/api/wechat/push').set('Content-Type', 'application/json').send(body))
        .status,
    ).toBe(401);
    const wrongNonce = await t
      .http()
      .post(`/api/wechat/push?${signed().replace('nonce=n0nce', 'nonce=other')}`)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(wrongNonce.status).toBe(401);
    // Safe mode: the encrypted text changed after signing.
    const encrypted = crypt.encrypt(body);
    const tampered =
      encrypted.slice(0, 10) + (encrypted[10] === 'A' ? 'B' : 'A') + encrypted.slice(11);
    const res = await t
      .http()
      .post(`/api/wechat/push?${safe(encrypted)}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ToUserName: 'gh_linli', Encrypt: tampered }));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: '微信消息推送签名校验失败' });
    expect(await rows()).toHaveLength(0);
  });

  it('stores a plain JSON push once: a repeated push (WeChat retrying) stores nothing new', async () => {
    const body = textJson('7000000000000000002', '楼道灯坏了');
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post(`/api/wechat/push?${signed()}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(200);
      expect(res.text).toBe('success');
    }
    const stored = await rows();
    expect(stored.map((r) => [r.dedupeKey, r.content.text])).toEqual([
      ['msg:7000000000000000002', '楼道灯坏了'],
    ]);
  });

  it('keeps 64-bit MsgIds apart (two ids one apart are two messages, not one rounded id)', async () => {
    await t
      .http()
      .post(`/api/wechat/push?${signed()}`)
      .set('Content-Type', 'application/json')
      .send(textJson('6054768590064713728', '一'));
    await t
      .http()
      .post(`/api/wechat/push?${signed()}`)
      .set('Content-Type', 'application/json')
      .send(textJson('6054768590064713729', '二'));
    expect((await rows()).map((r) => r.dedupeKey)).toEqual(
      expect.arrayContaining(['msg:6054768590064713728', 'msg:6054768590064713729']),
    );
  });

  it('reads an XML push in safe mode, and an enter event deduplicated by sender + time', async () => {
    const encrypted = crypt.encrypt(ENTER_XML);
    const envelope = `<xml><ToUserName><![CDATA[gh_linli]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
    for (let i = 0; i < 2; i++) {
      const res = await t
        .http()
        .post(`/api/wechat/push?${safe(encrypted)}`)
        .set('Content-Type', 'text/xml')
        .send(envelope);
      expect(res.status).toBe(200);
      expect(res.text).toBe('success');
    }
    const enters = (await rows()).filter((r) => r.kind === 'enter');
    expect(enters.map((r) => [r.dedupeKey, r.openid, r.content.sessionFrom])).toEqual([
      ['ev:o-resident-2:1733300100:user_enter_tempsession', 'o-resident-2', 'ticket:T123'],
    ]);
    const session = await t.dataSource
      .getRepository(ChatSessionRow)
      .findOneByOrFail({ openid: 'o-resident-2' });
    expect([session.lastActionKind, session.lastActionAt.toISOString(), session.sentSince]).toEqual(
      ['enter', new Date(1733300100_000).toISOString(), 0],
    );
  });

  it('refuses a safe-mode push encrypted for another mini-program', async () => {
    const other = new WechatMsgCrypt(DEMO_PUSH_TOKEN, DEMO_PUSH_AES_KEY, 'wxsomeoneelse00000');
    const encrypted = other.encrypt(textJson('7000000000000000003', '串号'));
    const res = await t
      .http()
      .post(`/api/wechat/push?${safe(encrypted)}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ToUserName: 'gh_linli', Encrypt: encrypted }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('hands each stored message to the conversation once, retrying after the handler threw', async () => {
    // What the earlier pushes stored: o-resident-1's three texts, then o-resident-2's enter event, a
    // second apart as pushes arrive (so the order they were received in is certain).
    for (const [msgId, content] of [
      ['7000000000000000002', '楼道灯坏了'],
      ['6054768590064713728', '一'],
      ['6054768590064713729', '二'],
    ]) {
      expect((await pushJson(msgId, content)).text).toBe('success');
      t.clock.set({ advanceMinutes: 1 / 60 });
    }
    expect((await pushEnter()).text).toBe('success');
    failNext = 1;
    const worker = t.app.get(ChatInboxWorker);
    await worker.drain();
    // The first hand-over threw: that message waits for its retry (backoff), and the same resident's later
    // messages wait behind it (the conversation sees them in order); the other resident's went on.
    const waiting = (await rows()).filter((r) => r.status === ChatInboundStatus.Pending);
    expect(waiting.map((r) => [r.dedupeKey, r.lastError])).toEqual([
      ['msg:7000000000000000002', 'conversation busy'],
      ['msg:6054768590064713728', null],
      ['msg:6054768590064713729', null],
    ]);
    expect(handled.map((m) => m.kind)).toEqual(['enter']);
    t.clock.set({ advanceMinutes: 1 });
    await worker.drain();
    await worker.drain();
    const all = await rows();
    expect(all.every((r) => r.status === ChatInboundStatus.Handled)).toBe(true);
    expect(handled.map((m) => m.key)).toEqual([
      'ev:o-resident-2:1733300100:user_enter_tempsession',
      'msg:7000000000000000002',
      'msg:6054768590064713728',
      'msg:6054768590064713729',
    ]);
    expect(handled.find((m) => m.key === 'msg:7000000000000000002')).toMatchObject({
      openid: 'o-resident-1',
      kind: 'text',
      text: '楼道灯坏了',
      sentAt: new Date(1733300000_000),
    });
  });
});

/** LINLI_CHAT_HANDOVER=transfer: every message goes to WeChat's own customer-service tools. */
describe('hand-over to WeChat customer service (transfer mode)', () => {
  let t: TestApp;
  let crypt: WechatMsgCrypt;

  beforeEach(async () => {
    t = await createTestApp({ env: { LINLI_CHAT_HANDOVER: 'transfer' } });
    crypt = new WechatMsgCrypt(DEMO_PUSH_TOKEN, DEMO_PUSH_AES_KEY, t.wechat.appid);
  });
  afterEach(() => t?.close());

  it('answers a message with transfer_customer_service in its own format, encrypted in safe mode, and keeps it out of the bot', async () => {
    const ts = '1733300000';
    const nonce = 'n1';
    const xml = `<xml><ToUserName><![CDATA[gh_linli]]></ToUserName><FromUserName><![CDATA[o-human]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我要找人工]]></Content><MsgId>7000000000000000100</MsgId></xml>`;
    const plain = await t
      .http()
      .post(`/api/wechat/push?signature=${crypt.sign(ts, nonce)}&timestamp=${ts}&nonce=${nonce}`)
      .set('Content-Type', 'text/xml')
      .send(xml);
    expect(plain.status).toBe(200);
    expect(plain.text).toMatch(
      /^<xml><ToUserName><!\[CDATA\[o-human\]\]><\/ToUserName><FromUserName><!\[CDATA\[gh_linli\]\]><\/FromUserName><CreateTime>\d+<\/CreateTime><MsgType><!\[CDATA\[transfer_customer_service\]\]><\/MsgType><\/xml>$/,
    );

    const json = `{"ToUserName":"gh_linli","FromUserName":"o-human","CreateTime":${ts},"MsgType":"text","Content":"还是找人工","MsgId":7000000000000000101}`;
    const encrypted = crypt.encrypt(json);
    const safe = await t
      .http()
      .post(
        `/api/wechat/push?signature=${crypt.sign(ts, nonce)}&timestamp=${ts}&nonce=${nonce}&encrypt_type=aes&msg_signature=${crypt.signEncrypted(ts, nonce, encrypted)}`,
      )
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ToUserName: 'gh_linli', Encrypt: encrypted }));
    expect(safe.status).toBe(200);
    const envelope = JSON.parse(safe.text) as {
      Encrypt: string;
      MsgSignature: string;
      TimeStamp: string;
      Nonce: string;
    };
    expect(
      crypt.verifyEncrypted(
        envelope.MsgSignature,
        envelope.TimeStamp,
        envelope.Nonce,
        envelope.Encrypt,
      ),
    ).toBe(true);
    expect(JSON.parse(crypt.decrypt(envelope.Encrypt))).toMatchObject({
      ToUserName: 'o-human',
      FromUserName: 'gh_linli',
      CreateTime: expect.any(Number),
      MsgType: 'transfer_customer_service',
    });

    // Stored for the record and the window, but not handed to the conversation.
    const stored = await t.dataSource
      .getRepository(ChatInboundRow)
      .find({ order: { receivedAt: 'ASC' } });
    expect(stored.map((r) => [r.dedupeKey, r.status])).toEqual([
      ['msg:7000000000000000100', ChatInboundStatus.Handled],
      ['msg:7000000000000000101', ChatInboundStatus.Handled],
    ]);
  });
});

/** A real AppID without push settings: nothing is accepted, and no simulator is exposed. */
describe('outside demo mode without push settings', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp({
      env: {
        WECHAT_APPID: 'wxlinlitest000000',
        WECHAT_SECRET: 'test-secret',
        WECHAT_API_BASE: 'http://127.0.0.1:9',
      },
    });
  });
  afterEach(() => t?.close());

  it('refuses every push, even one signed with the demo Token', async () => {
    const crypt = new WechatMsgCrypt(DEMO_PUSH_TOKEN, DEMO_PUSH_AES_KEY, 'wxlinlitest000000');
    const res = await t
      .http()
      .get(`/api/wechat/push?signature=${crypt.sign('1', '2')}&timestamp=1&nonce=2&echostr=x`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: '未配置微信消息推送' });
  });

  it('has no local chat API', async () => {
    expect((await t.http().get('/__local/chat/users/o-1/conversation')).status).toBe(404);
  });
});
