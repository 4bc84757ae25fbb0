import {
  ApiRoutes,
  DemoPersona,
  FeedbackRoutes,
  TicketAction,
  TicketDetailDto,
  TicketFeedbackDto,
} from '@linli/contracts';
import { addAssistant, addResident, submitTicket } from './builders';
import { bearer, loginOpenid, loginPersona } from './login';
import { createTestApp, TestApp } from './test-app';

/** Monday 2026-11-23, 10:00 China time. */
export const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');

/**
 * The world the feedback specs (ratings, callbacks, samples) share: the demo personas, 陈管家 (a colleague
 * of 李管家 on 1栋) and 钱先生 (a resident of another household, 2栋1单元201室).
 */
export interface FeedbackWorld {
  t: TestApp;
  resident: string;
  assistant: string;
  supervisor: string;
  admin: string;
  guard: string;
  colleague: string;
  colleagueId: string;
  neighbour: string;
}

export async function bootFeedbackWorld(): Promise<FeedbackWorld> {
  const t = await createTestApp();
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  const resident = (await loginPersona(t, DemoPersona.Resident)).token;
  const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const admin = (await loginPersona(t, DemoPersona.Admin)).token;
  const guard = (await loginPersona(t, DemoPersona.Guard)).token;
  const other = await addAssistant(t, '陈管家', ['1栋']);
  const colleague = (await loginOpenid(t, other.openid!)).token;
  const n = await addResident(t, { building: '2栋', unit: '1单元', number: '201', name: '钱先生' });
  const neighbour = (await loginOpenid(t, n.openid!)).token;
  return {
    t,
    resident,
    assistant,
    supervisor,
    admin,
    guard,
    colleague,
    colleagueId: other.id,
    neighbour,
  };
}

export const stars = { speed: 5, attitude: 4, quality: 5 };

/** HTTP helpers over the world; `world` is read lazily, after beforeAll has filled it. */
export function feedbackHelpers(world: () => FeedbackWorld) {
  const detail = async (id: string, token = world().assistant) =>
    (await world().t.http().get(ApiRoutes.ticket(id)).set(bearer(token)).expect(200))
      .body as TicketDetailDto;
  const act = (id: string, token: string, body: Record<string, unknown>) =>
    world().t.http().post(ApiRoutes.ticketActions(id)).set(bearer(token)).send(body);
  const rate = (id: string, token: string, body: Record<string, unknown>) =>
    world().t.http().post(FeedbackRoutes.ticketRating(id)).set(bearer(token)).send(body);
  const feedback = async (id: string, token = world().resident) =>
    (await world().t.http().get(FeedbackRoutes.ticketFeedback(id)).set(bearer(token)).expect(200))
      .body as TicketFeedbackDto;

  /** A ticket of the resident, accepted by 李管家 and resolved. */
  async function resolved(
    categoryCode = 'bulb',
    description = '客厅灯泡坏了',
    serious = false,
  ): Promise<TicketDetailDto> {
    const { t, resident, assistant } = world();
    const ticket = await submitTicket(t, resident, { categoryCode, description });
    let d = (
      await act(ticket.id, assistant, {
        action: TicketAction.Accept,
        version: ticket.version,
      }).expect(200)
    ).body as TicketDetailDto;
    if (serious) {
      await t
        .http()
        .post(ApiRoutes.ticketClassification(ticket.id))
        .set(bearer(assistant))
        .send({ version: d.version, urgent: false, serious: true, note: '辱骂业主，性质严重' })
        .expect(200);
      d = await detail(ticket.id);
    }
    return (
      await act(ticket.id, assistant, {
        action: TicketAction.Resolve,
        version: d.version,
        note: '已处理',
      }).expect(200)
    ).body as TicketDetailDto;
  }
  return { detail, act, rate, feedback, resolved };
}
