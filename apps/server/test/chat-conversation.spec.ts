import {
  ApiRoutes,
  Channel,
  ChatMessageDto,
  ChatRoutes,
  DemoPersona,
  FeedbackRoutes,
  NotificationPageDto,
  Satisfaction,
  SurveyConversationDto,
  SurveyRoundDto,
  SurveyRoutes,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
} from '@linli/contracts';
import { LocalWechatServer } from '@linli/wechat-local';
import { CHAT_TEXT } from '@linli/domain/chat';
import { ChatRatingPrompt } from '../src/modules/chat/chat-rating-prompt.service';
import { ChatMessage } from '../src/modules/chat/entities/chat-message.entity';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { ChatInboxWorker } from '../src/modules/wechat/chat-inbox.worker';
import { connectDemoPush } from '../src/modules/wechat/demo-push';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The resident's conversation, round trip through the local WeChat server: the simulated user writes, WeChat
 * pushes to /api/wechat/push, the inbound worker hands it to the chat, and the replies go back through
 * custom/send within the session window (`LINLI_TEST_DB=mysql` for MariaDB).
 */
describe('the resident conversation in the customer-service chat', () => {
  let t: TestApp;
  let wechat: LocalWechatServer;
  let resident: string;
  let assistant: string;
  let supervisor: string;
  const RESIDENT = 'demo-resident';

  beforeAll(async () => {
    t = await createTestApp();
    // Monday 2026-11-23, 10:00 China time, on a whole second (WeChat's CreateTime has whole seconds).
    t.clock.set({ now: new Date('2026-11-23T02:00:00.000Z'), freeze: true });
    await t.app.listen(0, '127.0.0.1');
    connectDemoPush(t.app, t.config);
    wechat = t.wechat.local!;
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  });
  afterAll(() => t?.close());

  /** The user writes; the push is answered at once and the worker hands it over: wait for that. */
  const says = async (openid: string, text: string) => {
    await wechat.chat.userSays(openid, { type: 'text', text });
    await t.app.get(ChatInboxWorker).drain();
  };
  const outSince = (openid: string, from: number) =>
    wechat.chat
      .conversation(openid)
      .slice(from)
      .filter((e) => e.direction === 'out' && e.type !== 'typing');
  const size = (openid: string) => wechat.chat.conversation(openid).length;
  const act = (id: string, token: string, body: Record<string, unknown>) =>
    t.http().post(ApiRoutes.ticketActions(id)).set(bearer(token)).send(body);

  it('a leak reported in chat is an emergency ticket (channel 微信客服) with the hotline in the reply; resolved, the chat asks for a rating and "5" is recorded as from the page', async () => {
    const from = size(RESIDENT);
    await says(RESIDENT, '厨房水管漏水了，地上全是水');
    const replies = outSince(RESIDENT, from);
    const ticket = await t.dataSource
      .getRepository(Ticket)
      .findOneByOrFail({ description: '厨房水管漏水了，地上全是水' });
    expect(ticket).toMatchObject({
      channel: Channel.WechatChat,
      emergency: true,
      categoryCode: 'water_leak',
    });
    expect(replies.map((r) => r.type)).toEqual(['text', 'miniprogrampage']);
    expect(replies[0].text).toBe(CHAT_TEXT.intakeEmergency(ticket.code, t.config.hotline));
    expect(replies[1]).toMatchObject({
      pagePath: `subpackages/ticket/detail/index?id=${ticket.id}`,
    });
    // The conversation is kept, linked to the ticket.
    const stored = await t.dataSource
      .getRepository(ChatMessage)
      .find({ where: { ticketId: ticket.id }, order: { createdAt: 'ASC' } });
    expect(stored.map((m) => m.direction).sort()).toEqual(['in', 'out', 'out']);

    // Dispatched like any ticket: the assistant accepts and resolves it.
    const detail = (
      await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(assistant)).expect(200)
    ).body as TicketDetailDto;
    const accepted = (
      await act(ticket.id, assistant, {
        action: TicketAction.Accept,
        version: detail.version,
      }).expect(200)
    ).body as TicketDetailDto;
    await act(ticket.id, assistant, {
      action: TicketAction.Resolve,
      version: accepted.version,
      note: '已更换水管接头',
    }).expect(200);

    const beforePrompt = size(RESIDENT);
    expect(await t.app.get(ChatRatingPrompt).askDue()).toBe(1);
    expect(await t.app.get(ChatRatingPrompt).askDue()).toBe(0); // asked once only
    expect(outSince(RESIDENT, beforePrompt).map((e) => e.text)).toEqual([
      CHAT_TEXT.ratePrompt(ticket.code),
    ]);

    const beforeRating = size(RESIDENT);
    await says(RESIDENT, '5');
    expect(outSince(RESIDENT, beforeRating).map((e) => e.text)).toEqual([CHAT_TEXT.rated(5)]);
    const rating = await t.dataSource
      .getRepository(TicketRating)
      .findOneByOrFail({ ticketId: ticket.id });
    expect(rating).toMatchObject({
      overall: Satisfaction.Satisfied,
      speed: 5,
      attitude: 5,
      quality: 5,
      round: 0,
    });
    expect(
      (await t.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id })).status,
    ).toBe(TicketStatus.Closed);
    // The page sees the same rating: a second one from the page is refused.
    const after = (
      await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(resident)).expect(200)
    ).body as TicketDetailDto;
    await t
      .http()
      .post(FeedbackRoutes.ticketRating(ticket.id))
      .set(bearer(resident))
      .send({
        version: after.version,
        overall: Satisfaction.Satisfied,
        speed: 5,
        attitude: 5,
        quality: 5,
      })
      .expect(409);
  });

  it('someone not bound gets the bind card once, and small talk gets one help, then the hotline, then silence', async () => {
    const stranger = 'o-not-bound';
    await says(stranger, '楼道灯坏了');
    expect(outSince(stranger, 0).map((e) => e.type)).toEqual(['text', 'miniprogrampage']);
    expect(outSince(stranger, 0)[1]).toMatchObject({
      pagePath: 'subpackages/household/join/index',
    });

    const from = size(RESIDENT);
    await says(RESIDENT, '你好');
    await says(RESIDENT, '在吗');
    await says(RESIDENT, '？');
    expect(outSince(RESIDENT, from).map((e) => e.text ?? e.title)).toEqual([
      CHAT_TEXT.fallback,
      CHAT_TEXT.fallbackCard.title,
      CHAT_TEXT.fallbackHotline(t.config.hotline),
    ]);
  });

  it('half a questionnaire in the chat, finished on the page: the same stored answers', async () => {
    const iso = (d: Date) => d.toISOString();
    const now = t.clock.now();
    const round = (
      await t
        .http()
        .post(SurveyRoutes.rounds)
        .set(bearer(supervisor))
        .send({
          questionnaireId: 'builtin:cleaning',
          kind: 'monthly',
          title: '11月清洁卫生意见征询',
          opensAt: iso(now),
          closesAt: iso(new Date(now.getTime() + 7 * 86_400_000)),
        })
        .expect(201)
    ).body as SurveyRoundDto;
    const me = await t.dataSource.getRepository(User).findOneByOrFail({ openid: RESIDENT });
    await t
      .http()
      .post(SurveyRoutes.roundHouseholds(round.id))
      .set(bearer(supervisor))
      .send({ householdIds: [me.householdId] })
      .expect(200);
    await t.http().post(SurveyRoutes.roundSend(round.id)).set(bearer(supervisor)).expect(200);

    let from = size(RESIDENT);
    await says(RESIDENT, '问卷');
    const first = (
      await t.http().get(SurveyRoutes.conversation(round.id)).set(bearer(resident)).expect(200)
    ).body as SurveyConversationDto;
    const total = first.progress.total;
    expect(outSince(RESIDENT, from)[0].text).toMatch(new RegExp(`^（1/${total}）`));
    const half = Math.floor(total / 2);
    for (let i = 0; i < half; i++) {
      const c = (
        await t.http().get(SurveyRoutes.conversation(round.id)).set(bearer(resident)).expect(200)
      ).body as SurveyConversationDto;
      await says(RESIDENT, c.next!.type === 'text' ? '跳过' : '1');
    }
    from = size(RESIDENT);
    await says(RESIDENT, '暂停');
    expect(outSince(RESIDENT, from).map((e) => e.text)).toEqual([CHAT_TEXT.surveyPaused]);

    let c = (
      await t.http().get(SurveyRoutes.conversation(round.id)).set(bearer(resident)).expect(200)
    ).body as SurveyConversationDto;
    expect(c.progress.answered).toBe(half);
    while (c.next) {
      const q = c.next;
      const value =
        q.type === 'stars'
          ? 5
          : q.type === 'satisfaction'
            ? '满意'
            : q.type === 'single'
              ? q.options![0]
              : q.type === 'multiple'
                ? [q.options![0]]
                : '很好';
      c = (
        await t
          .http()
          .post(SurveyRoutes.answers(round.id))
          .set(bearer(resident))
          .send({ questionId: q.id, value })
          .expect(201)
      ).body as SurveyConversationDto;
    }
    expect(c.completed).toBe(true);
    expect(c.progress).toEqual({ answered: total, total });
  });
});

describe('the assistant answers a chat-reported ticket from the mini-program', () => {
  let t: TestApp;
  let wechat: LocalWechatServer;
  let assistant: string;
  let resident: string;
  const RESIDENT = 'demo-resident';

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set({ now: new Date('2026-11-23T02:00:00.000Z'), freeze: true });
    await t.app.listen(0, '127.0.0.1');
    connectDemoPush(t.app, t.config);
    wechat = t.wechat.local!;
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  });
  afterAll(() => t?.close());

  it('reaches the resident in the chat while the window is open, otherwise as a notification; the resident and staff see the conversation on the ticket', async () => {
    await wechat.chat.userSays(RESIDENT, { type: 'text', text: '楼道的灯一直不亮，晚上看不见' });
    await t.app.get(ChatInboxWorker).drain();
    const ticket = await t.dataSource
      .getRepository(Ticket)
      .findOneByOrFail({ description: '楼道的灯一直不亮，晚上看不见' });
    const detail = (
      await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(assistant)).expect(200)
    ).body as TicketDetailDto;
    await t
      .http()
      .post(ApiRoutes.ticketActions(ticket.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: detail.version })
      .expect(200);

    await t
      .http()
      .post(ChatRoutes.ticketChatReplies(ticket.id))
      .set(bearer(assistant))
      .send({ text: '' })
      .expect(400);
    await t
      .http()
      .post(ChatRoutes.ticketChatReplies(ticket.id))
      .set(bearer(resident))
      .send({ text: '我来回复' })
      .expect(403);
    const from = wechat.chat.conversation(RESIDENT).length;
    const list = (
      await t
        .http()
        .post(ChatRoutes.ticketChatReplies(ticket.id))
        .set(bearer(assistant))
        .send({ text: '今天下午三点前修好' })
        .expect(200)
    ).body as ChatMessageDto[];
    expect(list.at(-1)).toMatchObject({
      direction: 'out',
      delivery: 'chat',
      authorName: expect.any(String),
      text: CHAT_TEXT.staffReply(ticket.code, '今天下午三点前修好'),
    });
    expect(
      wechat.chat
        .conversation(RESIDENT)
        .slice(from)
        .filter((e) => e.direction === 'out')
        .map((e) => e.text),
    ).toEqual([CHAT_TEXT.staffReply(ticket.code, '今天下午三点前修好')]);

    // 48 hours later the window is closed: the reply goes as a notification that opens the ticket.
    t.clock.set({ now: new Date(t.clock.now().getTime() + 49 * 3_600_000), freeze: true });
    const later = (
      await t
        .http()
        .post(ChatRoutes.ticketChatReplies(ticket.id))
        .set(bearer(assistant))
        .send({ text: '师傅明天上午到' })
        .expect(200)
    ).body as ChatMessageDto[];
    expect(later.at(-1)).toMatchObject({
      delivery: 'notification',
      card: { pagePath: `subpackages/ticket/detail/index?id=${ticket.id}` },
    });
    const inbox = (await t.http().get(ApiRoutes.notifications).set(bearer(resident)).expect(200))
      .body as NotificationPageDto;
    expect(inbox.items.some((n) => n.ticketId === ticket.id && n.body === '师傅明天上午到')).toBe(
      true,
    );

    const seen = (
      await t.http().get(ChatRoutes.ticketChat(ticket.id)).set(bearer(resident)).expect(200)
    ).body as ChatMessageDto[];
    expect(seen.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual([
      '楼道的灯一直不亮，晚上看不见',
    ]);
    expect(seen.filter((m) => m.authorName !== null)).toHaveLength(2);
  });
});
