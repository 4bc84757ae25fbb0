// The chat module registers the conversation as the one handler; these tests stand in for it.
import { ChatConversationService } from '../src/modules/chat/chat-conversation.service';
import { LocalWechatServer } from '@linli/wechat-local';
import { DEMO_PUSH_AES_KEY, DEMO_PUSH_TOKEN } from '../src/config/app-config';
import { ChatInbound } from '../src/modules/wechat/chat-port';
import { ChatInboxWorker } from '../src/modules/wechat/chat-inbox.worker';
import { WechatChatSender } from '../src/modules/wechat/chat-sender.service';
import { connectDemoPush } from '../src/modules/wechat/demo-push';
import { ChatInboundRow } from '../src/modules/wechat/entities/chat-inbound.entity';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

const SEND = '/cgi-bin/message/custom/send';

/** The local WeChat server pushing to the product and the product answering through it (`LINLI_TEST_DB=mysql` for MariaDB). */
describe('the customer-service chat through the local WeChat server', () => {
  let t: TestApp;
  let wechat: LocalWechatServer;
  let sender: WechatChatSender;
  const handled: ChatInbound[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // Frozen on a whole second: WeChat's CreateTime has whole seconds, so the window edges fall exactly.
    t.clock.set({ now: new Date('2026-12-10T02:00:00.000Z'), freeze: true });
    await t.app.listen(0, '127.0.0.1');
    connectDemoPush(t.app, t.config);
    wechat = t.wechat.local!;
    sender = t.app.get(WechatChatSender);
    Object.assign(t.app.get(ChatConversationService), {
      handle: async (m: ChatInbound) => void handled.push(m),
    });
  });
  afterAll(() => t?.close());

  const pushUrl = () =>
    `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/api/wechat/push`;
  const sends = () => wechat.received.filter((r) => r.path === SEND).length;

  it.each([
    ['json', 'plain'],
    ['json', 'safe'],
    ['xml', 'plain'],
    ['xml', 'safe'],
  ] as const)(
    'a %s push in %s mode arrives once and reaches the conversation',
    async (format, mode) => {
      const openid = `o-rt-${format}-${mode}`;
      // connectDemoPush set the configured defaults (JSON, safe mode): re-point with this case's format and mode.
      wechat.chat.configurePush({
        url: pushUrl(),
        token: DEMO_PUSH_TOKEN,
        encodingAesKey: DEMO_PUSH_AES_KEY,
        format,
        mode,
      });
      const entered = await wechat.chat.enter(openid, 'ticket:T42');
      const said = await wechat.chat.userSays(openid, {
        type: 'text',
        text: `水管漏水（${format}/${mode}）`,
      });
      const image = await wechat.chat.userSays(openid, { type: 'image' });
      const card = await wechat.chat.userSays(openid, {
        type: 'miniprogrampage',
        pagePath: 'pages/tickets/detail?id=9',
        title: '我的报修',
      });
      for (const r of [entered, said, image, card])
        expect(r).toMatchObject({ delivered: true, reply: 'success' });
      await t.app.get(ChatInboxWorker).drain();
      const mine = handled.filter((m) => m.openid === openid);
      expect(
        mine.map((m) => [
          m.kind,
          m.sessionFrom ?? m.text ?? m.title ?? (m.mediaId ? 'media' : null),
        ]),
      ).toEqual([
        ['enter', 'ticket:T42'],
        ['text', `水管漏水（${format}/${mode}）`],
        ['image', 'media'],
        ['miniprogrampage', '我的报修'],
      ]);
      expect(mine[3].pagePath).toBe('pages/tickets/detail?id=9');
    },
  );

  it('a push WeChat repeats (no answer in time) is stored and handled once', async () => {
    const openid = 'o-rt-retry';
    // The product answers slower than WeChat waits: WeChat tries three times with the same message.
    wechat.chat.configurePush({
      url: pushUrl(),
      token: DEMO_PUSH_TOKEN,
      encodingAesKey: DEMO_PUSH_AES_KEY,
      format: 'json',
      mode: 'safe',
      timeoutMs: 1,
    });
    const result = await wechat.chat.userSays(openid, { type: 'text', text: '重复推送' });
    expect(result.attempts).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 300)); // let the abandoned requests finish on the product side
    expect(await t.dataSource.getRepository(ChatInboundRow).countBy({ openid })).toBe(1);
    await t.app.get(ChatInboxWorker).drain();
    expect(handled.filter((m) => m.openid === openid)).toHaveLength(1);
    connectDemoPush(t.app, t.config);
  });

  it('after a message: 5 sends go, the 6th is refused without asking WeChat; 48 h + 1 s later nothing goes', async () => {
    const openid = 'o-quota-message';
    await wechat.chat.userSays(openid, { type: 'text', text: '你好' });
    for (let i = 1; i <= 5; i++)
      expect(await sender.send(openid, { type: 'text', text: `第${i}条` })).toEqual({ sent: true });
    const before = sends();
    expect(await sender.send(openid, { type: 'text', text: '第6条' })).toEqual({
      sent: false,
      reason: 'quota_exhausted',
    });
    expect(sends()).toBe(before);
    await wechat.chat.userSays(openid, { type: 'text', text: '还有问题' });
    t.clock.set({ advanceMinutes: 48 * 60 });
    expect((await sender.window(openid, t.clock.now())).open).toBe(true);
    expect(
      await sender.send(openid, {
        type: 'link',
        title: '服务指南',
        description: '物业服务指南',
        url: 'https://example.com/guide',
      }),
    ).toEqual({ sent: true });
    t.clock.set({ now: new Date(t.clock.now().getTime() + 1000) }); // 48 h + 1 s: the window is over
    expect(await sender.send(openid, { type: 'text', text: '太晚了' })).toEqual({
      sent: false,
      reason: 'window_closed',
    });
    expect(wechat.chat.conversation(openid).filter((e) => e.direction === 'out')).toHaveLength(6);
  });

  it('after entering: 2 sends go, the 3rd is refused; 1 min + 1 s later nothing goes', async () => {
    const openid = 'o-quota-enter';
    await wechat.chat.enter(openid, 'home');
    expect(await sender.send(openid, { type: 'text', text: '您好，请问有什么可以帮您？' })).toEqual(
      { sent: true },
    );
    expect(
      await sender.send(openid, {
        type: 'miniprogrampage',
        title: '报修',
        pagePath: 'pages/report/index',
      }),
    ).toEqual({ sent: true });
    expect(await sender.send(openid, { type: 'text', text: '第3条' })).toEqual({
      sent: false,
      reason: 'quota_exhausted',
    });
    // Entering again a second later (an event in the same second would be the same event: WeChat's dedupe key).
    t.clock.set({ now: new Date(t.clock.now().getTime() + 1000) });
    await wechat.chat.enter(openid, 'home');
    t.clock.set({ advanceMinutes: 1 });
    expect(await sender.send(openid, { type: 'text', text: '1 分钟整' })).toEqual({ sent: true });
    t.clock.set({ now: new Date(t.clock.now().getTime() + 1000) }); // 1 min + 1 s
    expect(await sender.send(openid, { type: 'text', text: '太晚了' })).toEqual({
      sent: false,
      reason: 'window_closed',
    });
  });

  it("obeys WeChat's refusals: 45015 closes the window, 45047 uses up the quota, 40003 fails, -1 is tried once more", async () => {
    const openid = 'o-refusals';
    await wechat.chat.userSays(openid, { type: 'text', text: '你好' });
    wechat.failNext(-1, 1, SEND);
    expect(await sender.send(openid, { type: 'text', text: '一' })).toEqual({ sent: true });
    wechat.failNext(40003, 1, SEND);
    expect(await sender.send(openid, { type: 'text', text: '二' })).toEqual({
      sent: false,
      reason: 'failed',
      errcode: 40003,
    });
    expect((await sender.window(openid, t.clock.now())).remaining).toBe(4); // the refused send gave its slot back
    wechat.failNext(45047, 1, SEND);
    expect(await sender.send(openid, { type: 'text', text: '三' })).toEqual({
      sent: false,
      reason: 'quota_exhausted',
      errcode: 45047,
    });
    expect((await sender.window(openid, t.clock.now())).remaining).toBe(0);
    await wechat.chat.userSays(openid, { type: 'text', text: '再问一下' });
    wechat.failNext(45015, 1, SEND);
    expect(await sender.send(openid, { type: 'text', text: '四' })).toEqual({
      sent: false,
      reason: 'window_closed',
      errcode: 45015,
    });
    expect((await sender.window(openid, t.clock.now())).open).toBe(false);
  });

  it("offers the simulator's chat API on the product's own origin in demo mode (for the H5 chat window)", async () => {
    const said = await t
      .http()
      .post('/__local/chat/users/o-proxy/messages')
      .send({ type: 'text', text: '经过代理' });
    expect(said.status).toBe(200);
    expect(said.body).toMatchObject({ delivered: true, reply: 'success' });
    expect(
      (await t.http().post('/__local/chat/users/o-proxy/enter').send({ sessionFrom: 'home' })).body,
    ).toMatchObject({ delivered: true });
    expect(
      (await t.http().post('/__local/chat/users/o-proxy/messages').send({ type: 'video' })).status,
    ).toBe(400);
    const conversation = await t.http().get('/__local/chat/users/o-proxy/conversation');
    expect(
      (conversation.body as { entries: { type: string; text?: string }[] }).entries.map((e) => [
        e.type,
        e.text ?? null,
      ]),
    ).toEqual([
      ['text', '经过代理'],
      ['enter', null],
    ]);
  });

  it('sends an uploaded picture and the typing indicator', async () => {
    const openid = 'o-picture';
    await wechat.chat.userSays(openid, { type: 'text', text: '看看图' });
    await sender.typing(openid, true);
    const mediaId = await sender.uploadImage(
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      'guide.png',
      'image/png',
    );
    expect(mediaId).toEqual(expect.any(String));
    expect(await sender.send(openid, { type: 'image', mediaId: mediaId! })).toEqual({ sent: true });
    expect(wechat.chat.conversation(openid).map((e) => `${e.direction}:${e.type}`)).toEqual([
      'in:text',
      'out:typing',
      'out:image',
    ]);
    // No window (the resident never wrote): the indicator is not sent, WeChat would refuse it.
    const typingCalls = () =>
      wechat.received.filter((r) => r.path === '/cgi-bin/message/custom/typing').length;
    const before = typingCalls();
    await sender.typing('o-never-wrote', true);
    expect(typingCalls()).toBe(before);
  });
});

/** Two instances on one MariaDB: every pushed message is handed to the conversation exactly once. */
(useMysql ? describe : describe.skip)('the chat inbox on two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTestApp({ database: db });
    b = await createTestApp({ database: db });
    await a.app.listen(0, '127.0.0.1');
    connectDemoPush(a.app, a.config);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it("hands each of 200 messages from 20 residents over once, in each resident's order", async () => {
    const seen: { by: string; m: ChatInbound }[] = [];
    // A handler that takes a few milliseconds, like a real conversation step, so the two drains overlap.
    const slow = (by: string) => async (m: ChatInbound) => {
      await new Promise((r) => setTimeout(r, 3));
      seen.push({ by, m });
    };
    Object.assign(a.app.get(ChatConversationService), { handle: slow('a') });
    Object.assign(b.app.get(ChatConversationService), { handle: slow('b') });
    const local = a.wechat.local!;
    for (let i = 0; i < 10; i++)
      await Promise.all(
        Array.from({ length: 20 }, (_, r) =>
          local.chat.userSays(`o-two-${r}`, { type: 'text', text: `${i}` }),
        ),
      );
    for (let round = 0; round < 20; round++)
      await Promise.all([a.app.get(ChatInboxWorker).drain(), b.app.get(ChatInboxWorker).drain()]);
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((s) => s.m.key)).size).toBe(200);
    for (let r = 0; r < 20; r++)
      expect(seen.filter((s) => s.m.openid === `o-two-${r}`).map((s) => s.m.text)).toEqual([
        '0',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
      ]);
    // Which instance took which message is up to the claims (usually both take part); each was handed over once.
  });
});
