import { ApiRoutes, DemoPersona, TicketAction, TicketDetailDto } from '@linli/contracts';
import { CHAT_TEXT } from '@linli/domain/chat';
import { ChatRatingPrompt } from '../src/modules/chat/chat-rating-prompt.service';
import { ChatMessage } from '../src/modules/chat/entities/chat-message.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { ChatInboxWorker } from '../src/modules/wechat/chat-inbox.worker';
import { connectDemoPush } from '../src/modules/wechat/demo-push';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

const RESIDENT = 'demo-resident';
// Monday 2026-11-23, 10:00 China time.
const START = new Date('2026-11-23T02:00:00.000Z');

/** The resident reports in the chat through `a`'s local WeChat server; the assistant accepts and resolves it. */
async function resolvedChatTicket(a: TestApp, text: string): Promise<Ticket> {
  await a.wechat.local!.chat.userSays(RESIDENT, { type: 'text', text });
  await a.app.get(ChatInboxWorker).drain();
  const ticket = await a.dataSource.getRepository(Ticket).findOneByOrFail({ description: text });
  const assistant = (await loginPersona(a, DemoPersona.Assistant)).token;
  const detail = (
    await a.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(assistant)).expect(200)
  ).body as TicketDetailDto;
  const accepted = (
    await a
      .http()
      .post(ApiRoutes.ticketActions(ticket.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: detail.version })
      .expect(200)
  ).body as TicketDetailDto;
  await a
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(assistant))
    .send({ action: TicketAction.Resolve, version: accepted.version, note: '已处理' })
    .expect(200);
  return ticket;
}

const prompts = (a: TestApp, ticket: Ticket) =>
  a.dataSource
    .getRepository(ChatMessage)
    .countBy({ ticketId: ticket.id, text: CHAT_TEXT.ratePrompt(ticket.code) });

/** Rounds of the rating prompt that run at the same moment ask once: a claim per ticket, like the other jobs' claims. */
describe('the chat rating prompt runs once per ticket', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set({ now: START, freeze: true });
    await t.app.listen(0, '127.0.0.1');
    connectDemoPush(t.app, t.config);
  });
  afterAll(() => t?.close());

  it('two rounds at once on one instance: one prompt', async () => {
    const ticket = await resolvedChatTicket(t, '厨房水管漏水了，一直在滴');
    const prompt = t.app.get(ChatRatingPrompt);
    const asked = await Promise.all([prompt.askDue(), prompt.askDue(), prompt.askDue()]);
    expect(asked.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await prompts(t, ticket)).toBe(1);
    expect(
      t.wechat
        .local!.chat.conversation(RESIDENT)
        .filter((e) => e.text === CHAT_TEXT.ratePrompt(ticket.code)),
    ).toHaveLength(1);
    expect(await prompt.askDue()).toBe(0);
  });
});

/** Several instances are a MySQL/MariaDB deployment (the embedded SQLite default is one process): `LINLI_TEST_DB=mysql`. */
(useMysql ? describe : describe.skip)('the chat rating prompt on two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTestApp({ database: db });
    b = await createTestApp({ database: db });
    for (const app of [a, b]) app.clock.set({ now: START, freeze: true });
    await a.app.listen(0, '127.0.0.1');
    connectDemoPush(a.app, a.config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('both instances run the round at the same moment: the resident is asked once', async () => {
    const ticket = await resolvedChatTicket(a, '卫生间马桶堵塞了，冲不下去');
    const asked = await Promise.all([
      a.app.get(ChatRatingPrompt).askDue(),
      b.app.get(ChatRatingPrompt).askDue(),
    ]);
    expect(asked[0] + asked[1]).toBe(1);
    expect(await prompts(a, ticket)).toBe(1);
    expect(
      await Promise.all([
        a.app.get(ChatRatingPrompt).askDue(),
        b.app.get(ChatRatingPrompt).askDue(),
      ]),
    ).toEqual([0, 0]);
  });
});
