import {
  Channel,
  Role,
  Satisfaction,
  SurveyTheme,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { chinaDateKey, chinaMidnight, roomLabel, ticketCode } from '@linli/domain';
import { CHAT_PAGES, CHAT_TEXT, chatQuestionPrompt } from '@linli/domain/chat';
import { DEFAULT_QUESTIONNAIRES } from '@linli/domain/surveys';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChatConversation } from '../../modules/chat/entities/chat-conversation.entity';
import {
  ChatDelivery,
  ChatDirection,
  ChatMessage,
} from '../../modules/chat/entities/chat-message.entity';
import { TicketRating } from '../../modules/feedback/entities/ticket-rating.entity';
import { Building } from '../../modules/org/entities/building.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import { SurveyAnswer, SurveyInvite, SurveyRound } from '../../modules/surveys/entities';
import { TicketEvent } from '../../modules/tickets/entities/ticket-event.entity';
import { TicketSequence } from '../../modules/tickets/entities/ticket-sequence.entity';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { insertRows } from '../unit-of-work';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The neighbours who talk to the property in the WeChat customer-service chat (fixed openids, rooms of the other demos). */
export const DEMO_CHAT_PEOPLE = {
  /** Reported a blocked toilet in the chat two days ago, got 李管家's reply there, rated "5" in the chat. */
  reporter: {
    openid: 'demo-chat-zhao',
    name: '赵阿姨',
    phone: '13800000101',
    room: ['1栋', '1单元', '201'] as const,
  },
  /** Answered half of November's cleaning questionnaire in the chat, then paused. */
  surveyed: {
    openid: 'demo-chat-gao',
    name: '高阿姨',
    phone: '13800000131',
    room: ['2栋', '1单元', '302'] as const,
  },
};
export const DEMO_CHAT_LEAK = '卫生间马桶堵塞了，冲不下去，家里老人着急用';
export const DEMO_CHAT_REPLY = '师傅二十分钟内上门疏通，请家里留人开门';

type Line = Pick<ChatMessage, 'direction' | 'type' | 'text' | 'delivery'> &
  Partial<Pick<ChatMessage, 'card' | 'authorId' | 'ticketId'>> & { at: Date };

/**
 * The demo's customer-service conversations (docs/wechat-chat.md), written as the chat would have written
 * them: a blocked toilet reported in the chat with 李管家's reply and a "5" given in the chat, and half of
 * November's cleaning questionnaire answered in the chat. Runs after the other demos (their neighbours,
 * November's round, the day counters of ticket codes); the same content and times on every fresh database.
 * A community of another shape gets nothing.
 */
export async function seedDemoChat(db: EntityManager, now: Date, hotline: string): Promise<void> {
  const assistant = await db.findOne(User, { where: { role: Role.Assistant, name: '李管家' } });
  if (!assistant?.communityId) return;
  const communityId = assistant.communityId;

  /** The chat's person in a room: the room's resident (given the openid), or a new one in the room's household. */
  const person = async (p: (typeof DEMO_CHAT_PEOPLE)[keyof typeof DEMO_CHAT_PEOPLE]) => {
    const room = await db
      .createQueryBuilder(Room, 'r')
      .innerJoin(Building, 'b', 'b.id = r.buildingId')
      .where('r.label = :label AND b.communityId = :c', {
        label: roomLabel(p.room[0], p.room[1], p.room[2]),
        c: communityId,
      })
      .getOne();
    if (!room) return null;
    let household = await db.findOne(Household, { where: { roomId: room.id } });
    if (!household) {
      household = {
        id: randomUUID(),
        roomId: room.id,
        createdAt: new Date(now.getTime() - 400 * DAY),
      } as Household;
      await insertRows(db, Household, household);
    }
    const existing = await db.findOne(User, {
      where: { householdId: household.id, role: Role.Resident },
    });
    if (existing && !existing.openid) {
      await db.update(User, { id: existing.id }, { openid: p.openid });
      return { user: { ...existing, openid: p.openid }, room };
    }
    if (existing) return { user: existing, room };
    const user = {
      id: randomUUID(),
      name: p.name,
      role: Role.Resident,
      openid: p.openid,
      phone: p.phone,
      householdId: household.id,
      communityId,
      createdAt: household.createdAt,
    } as User;
    await insertRows(db, User, user);
    return { user, room };
  };

  const write = async (user: User, lines: Line[]) => {
    const openid = user.openid!;
    const householdId = user.householdId!;
    await insertRows(
      db,
      ChatMessage,
      lines.map(({ at, ...m }) => ({
        id: randomUUID(),
        openid,
        householdId,
        ticketId: m.ticketId ?? null,
        card: m.card ?? null,
        authorId: m.authorId ?? null,
        ...m,
        createdAt: at,
      })),
    );
    await insertRows(db, ChatConversation, {
      openid,
      userId: user.id,
      householdId,
      state: { kind: 'idle' },
      fallbacksInARow: 0,
      updatedAt: lines.at(-1)!.at,
    });
  };
  const said = (text: string, at: Date, ticketId: string | null = null): Line => ({
    direction: ChatDirection.In,
    type: 'text',
    text,
    delivery: ChatDelivery.Received,
    ticketId,
    at,
  });
  const answered = (
    text: string,
    at: Date,
    ticketId: string | null = null,
    authorId: string | null = null,
  ): Line => ({
    direction: ChatDirection.Out,
    type: 'text',
    text,
    delivery: ChatDelivery.Chat,
    ticketId,
    authorId,
    at,
  });

  // 1. The blocked toilet: reported at 19:40 two days ago, answered by 李管家, resolved the next morning, rated "5" in the chat.
  const reporter = await person(DEMO_CHAT_PEOPLE.reporter);
  if (reporter) {
    const { user, room } = reporter;
    const created = new Date(
      chinaMidnight(chinaDateKey(new Date(now.getTime() - 2 * DAY))).getTime() +
        19 * HOUR +
        40 * MINUTE,
    );
    const at = (minutes: number) => new Date(created.getTime() + minutes * MINUTE);
    const dayKey = chinaDateKey(created);
    const counter = await db.findOne(TicketSequence, { where: { dayKey } });
    const seq = (counter?.lastValue ?? 0) + 1;
    if (counter) await db.update(TicketSequence, { dayKey }, { lastValue: seq });
    else await insertRows(db, TicketSequence, { dayKey, lastValue: seq });
    const resolvedAt = at(15 * 60); // 10:40 the next morning
    const ratedAt = at(15 * 60 + 12);
    const events: Omit<TicketEvent, 'id' | 'ticketId' | 'version'>[] = [
      {
        action: TicketAction.Submit,
        fromStatus: null,
        toStatus: TicketStatus.Submitted,
        actorId: user.id,
        note: null,
        at: created,
      },
      {
        action: TicketAction.Accept,
        fromStatus: TicketStatus.Submitted,
        toStatus: TicketStatus.Accepted,
        actorId: assistant.id,
        note: null,
        at: at(12),
      },
      {
        action: TicketAction.Resolve,
        fromStatus: TicketStatus.Accepted,
        toStatus: TicketStatus.Resolved,
        actorId: assistant.id,
        note: '已疏通下水管，试冲正常',
        at: resolvedAt,
      },
      {
        action: TicketAction.Confirm,
        fromStatus: TicketStatus.Resolved,
        toStatus: TicketStatus.Closed,
        actorId: user.id,
        note: '评价：满意',
        at: ratedAt,
      },
    ];
    const ticket: Ticket = {
      id: randomUUID(),
      code: ticketCode(TicketKind.RepairHome, created, seq),
      kind: TicketKind.RepairHome,
      categoryCode: 'toilet_blocked',
      description: DEMO_CHAT_LEAK,
      status: TicketStatus.Closed,
      emergency: true,
      serious: false,
      outageId: null,
      householdId: user.householdId!,
      roomId: room.id,
      buildingId: room.buildingId,
      communityId,
      reporterId: user.id,
      assigneeId: assistant.id,
      channel: Channel.WechatChat,
      receivedById: null,
      contactName: null,
      contactPhone: null,
      idempotencyKey: 'demo-chat-toilet',
      preferredVisitAt: null,
      holdReason: null,
      pauses: [],
      reopenCount: 0,
      escalationLevel: 0,
      escalatedAt: null,
      resolvedAt,
      nextCheckAt: null,
      version: events.length,
      createdAt: created,
      updatedAt: ratedAt,
    };
    await insertRows(db, Ticket, ticket);
    await insertRows(
      db,
      TicketEvent,
      events.map((e, i) => ({ ...e, id: randomUUID(), ticketId: ticket.id, version: i + 1 })),
    );
    await insertRows(db, TicketRating, {
      id: randomUUID(),
      ticketId: ticket.id,
      round: 0,
      raterId: user.id,
      handlerId: assistant.id,
      overall: Satisfaction.Satisfied,
      speed: 5,
      attitude: 5,
      quality: 5,
      tags: [],
      comment: null,
      createdAt: ratedAt,
    });
    const card = {
      title: CHAT_TEXT.ticketCard(ticket.code),
      pagePath: CHAT_PAGES.ticket(ticket.id),
    };
    await write(user, [
      said(DEMO_CHAT_LEAK, created, ticket.id),
      answered(
        CHAT_TEXT.intakeEmergency(ticket.code, hotline),
        new Date(created.getTime() + 2000),
        ticket.id,
      ),
      {
        ...answered(card.title, new Date(created.getTime() + 3000), ticket.id),
        type: 'miniprogrampage',
        card,
      },
      answered(CHAT_TEXT.staffReply(ticket.code, DEMO_CHAT_REPLY), at(14), ticket.id, assistant.id),
      answered(CHAT_TEXT.ratePrompt(ticket.code), new Date(resolvedAt.getTime() + 5000), ticket.id),
      said('5', at(15 * 60 + 12), ticket.id),
      answered(CHAT_TEXT.rated(5), new Date(ratedAt.getTime() + 2000), ticket.id),
    ]);
  }

  // 2. November's cleaning questionnaire: two questions answered in the chat three hours ago, then 暂停 (the rest on the page, or 继续).
  const round = await db.findOne(SurveyRound, {
    where: { communityId, title: '11月清洁卫生意见征询' },
  });
  const surveyed = round ? await person(DEMO_CHAT_PEOPLE.surveyed) : null;
  if (round && surveyed) {
    const { user } = surveyed;
    let invite = await db.findOne(SurveyInvite, {
      where: { roundId: round.id, householdId: user.householdId! },
    });
    if (!invite) {
      invite = {
        id: randomUUID(),
        roundId: round.id,
        householdId: user.householdId!,
        buildingId: surveyed.room.buildingId,
        source: 'random',
        invitedAt: round.sentAt ?? round.opensAt,
        completedAt: null,
        completedById: null,
      } as SurveyInvite;
      await insertRows(db, SurveyInvite, invite);
    }
    const questions = DEFAULT_QUESTIONNAIRES[SurveyTheme.Cleaning].questions;
    const start = new Date(Math.max(round.opensAt.getTime(), now.getTime() - 3 * HOUR));
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    await insertRows(db, SurveyAnswer, [
      {
        id: randomUUID(),
        roundId: round.id,
        inviteId: invite.id,
        questionId: questions[0].id,
        theme: SurveyTheme.Cleaning,
        value: { kind: 'satisfaction', label: '满意' },
        satisfied: true,
        tag: null,
        answeredById: user.id,
        answeredAt: at(40),
      },
      {
        id: randomUUID(),
        roundId: round.id,
        inviteId: invite.id,
        questionId: questions[1].id,
        theme: SurveyTheme.Cleaning,
        value: { kind: 'stars', stars: 4 },
        satisfied: true,
        tag: null,
        answeredById: user.id,
        answeredAt: at(75),
      },
    ]);
    await write(user, [
      said('问卷', at(0)),
      answered(chatQuestionPrompt(questions[0], 0, questions.length), at(2)),
      said('1', at(40)),
      answered(chatQuestionPrompt(questions[1], 1, questions.length), at(42)),
      said('4', at(75)),
      answered(chatQuestionPrompt(questions[2], 2, questions.length), at(77)),
      said('暂停', at(120)),
      answered(CHAT_TEXT.surveyPaused, at(122)),
    ]);
  }
}
