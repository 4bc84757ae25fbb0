import {
  Channel,
  ChatMessageDto,
  ChatRoutes,
  DemoPersona,
  FeedbackRoutes,
  SurveyTheme,
  TicketFeedbackDto,
  TicketStatus,
} from '@linli/contracts';
import { CHAT_TEXT, chatQuestionPrompt } from '@linli/domain/chat';
import { DEFAULT_QUESTIONNAIRES } from '@linli/domain/surveys';
import { LocalWechatServer } from '@linli/wechat-local';
import {
  DEMO_CHAT_LEAK,
  DEMO_CHAT_PEOPLE,
  DEMO_CHAT_REPLY,
  seedDemoChat,
} from '../src/database/seed/demo-chat';
import { seedDemoSurveys } from '../src/database/seed/demo-surveys';
import { UnitOfWork } from '../src/database/unit-of-work';
import { ChatConversation } from '../src/modules/chat/entities/chat-conversation.entity';
import { SurveyAnswer, SurveyInvite, SurveyRound } from '../src/modules/surveys/entities';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { ChatInboxWorker } from '../src/modules/wechat/chat-inbox.worker';
import { connectDemoPush } from '../src/modules/wechat/demo-push';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let wechat: LocalWechatServer;
// Friday 2026-12-04, 10:00 China time: the blocked toilet was reported on Wednesday evening.
const NOW = new Date('2026-12-04T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  await t.app.listen(0, '127.0.0.1');
  connectDemoPush(t.app, t.config);
  wechat = t.wechat.local!;
  // The server tests boot with the bare community; the chat demo follows November's questionnaire round.
  await t.app.get(UnitOfWork).run(async (db) => {
    await seedDemoSurveys(db, NOW, 'development');
    await seedDemoChat(db, NOW, t.config.hotline);
  });
});
afterAll(() => t?.close());

describe('the demo chat conversations (LINLI_DEMO_HISTORY)', () => {
  it('a blocked toilet reported in the chat: the emergency reply, 李管家’s answer in the chat, and a "5" shown on the ticket', async () => {
    const ticket = await t.dataSource
      .getRepository(Ticket)
      .findOneByOrFail({ description: DEMO_CHAT_LEAK });
    expect(ticket).toMatchObject({
      channel: Channel.WechatChat,
      emergency: true,
      status: TicketStatus.Closed,
      createdAt: new Date('2026-12-02T11:40:00Z'),
    });
    const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    const chat = (
      await t.http().get(ChatRoutes.ticketChat(ticket.id)).set(bearer(assistant)).expect(200)
    ).body as ChatMessageDto[];
    expect(chat.map((m) => [m.direction, m.text, m.authorName, m.delivery])).toEqual([
      ['in', DEMO_CHAT_LEAK, null, 'received'],
      ['out', CHAT_TEXT.intakeEmergency(ticket.code, t.config.hotline), null, 'chat'],
      ['out', CHAT_TEXT.ticketCard(ticket.code), null, 'chat'],
      ['out', CHAT_TEXT.staffReply(ticket.code, DEMO_CHAT_REPLY), '李管家', 'chat'],
      ['out', CHAT_TEXT.ratePrompt(ticket.code), null, 'chat'],
      ['in', '5', null, 'received'],
      ['out', CHAT_TEXT.rated(5), null, 'chat'],
    ]);
    expect(chat[2].card).toEqual({
      title: CHAT_TEXT.ticketCard(ticket.code),
      pagePath: `subpackages/ticket/detail/index?id=${ticket.id}`,
    });
    const fb = (
      await t
        .http()
        .get(FeedbackRoutes.ticketFeedback(ticket.id))
        .set(bearer(assistant))
        .expect(200)
    ).body as TicketFeedbackDto;
    expect(fb.ratings.map((r) => [r.overall, r.speed, r.attitude, r.quality])).toEqual([
      ['satisfied', 5, 5, 5],
    ]);
  });

  it('half a questionnaire answered in the chat: "继续" carries on with the third question, into the same invitation', async () => {
    const questions = DEFAULT_QUESTIONNAIRES[SurveyTheme.Cleaning].questions;
    const openid = DEMO_CHAT_PEOPLE.surveyed.openid;
    const conv = await t.dataSource.getRepository(ChatConversation).findOneByOrFail({ openid });
    const november = await t.dataSource
      .getRepository(SurveyRound)
      .findOneByOrFail({ title: '11月清洁卫生意见征询' });
    const invite = await t.dataSource
      .getRepository(SurveyInvite)
      .findOneByOrFail({ roundId: november.id, householdId: conv.householdId! });
    expect(await t.dataSource.getRepository(SurveyAnswer).countBy({ inviteId: invite.id })).toBe(2);

    await wechat.chat.userSays(openid, { type: 'text', text: '继续' });
    await t.app.get(ChatInboxWorker).drain();
    const out = wechat.chat
      .conversation(openid)
      .filter((e) => e.direction === 'out' && e.type === 'text');
    expect(out.map((e) => e.text)).toEqual([chatQuestionPrompt(questions[2], 2, questions.length)]);
    await wechat.chat.userSays(openid, { type: 'text', text: '1' });
    await t.app.get(ChatInboxWorker).drain();
    const q3 = await t.dataSource
      .getRepository(SurveyAnswer)
      .findOneByOrFail({ inviteId: invite.id, questionId: questions[2].id });
    expect(q3.value).toEqual({ kind: 'single', option: '及时' });
  });
});
