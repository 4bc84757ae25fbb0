import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { NotificationDto, NotificationKind, NotificationPageDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { insertRows } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Outbox } from '../outbox/outbox.service';
import { Notification } from './entities/notification.entity';
import { findPage, PageRequest } from '../../common/paging/paging';
import { PAGE_SIZE } from '@linli/domain';

export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  ticketId: string | null;
  /** For the WeChat copy: the ticket's code, and whether it may break quiet hours. */
  ticketCode?: string | null;
  urgent?: boolean;
  /** The mini-program page the WeChat message opens, when it is not a ticket (e.g. a questionnaire). */
  page?: string | null;
}

/** The most ids one mark-read call may name (a page of the inbox at most). */
export const MAX_PAGE = PAGE_SIZE.max;

/** The text, cut to `max` characters (the last one an ellipsis) when it is longer. */
export const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * Puts the message in each user's inbox (title and body cut to the inbox's lengths), in the caller's
 * transaction. Only the inbox: `Inbox.deliver` also queues the WeChat copy.
 */
export async function storeInInbox(
  db: EntityManager,
  userIds: readonly string[],
  message: Pick<Message, 'kind' | 'title' | 'body' | 'ticketId'>,
  at: Date,
): Promise<void> {
  await insertRows(
    db,
    Notification,
    userIds.map((userId) => ({
      id: randomUUID(),
      userId,
      kind: message.kind,
      title: cut(message.title, 50),
      body: cut(message.body, 200),
      ticketId: message.ticketId,
      createdAt: at,
      readAt: null,
    })),
  );
}

/** The in-app inbox: written inside the transaction of the change it reports, read only by its owner. */
@Injectable()
export class Inbox {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly clock: ClockService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Puts `message` in each recipient's inbox (once per person), in the caller's transaction, and queues
   * a WeChat subscribe message for those who granted one. Returns the recipients WeChat will not reach.
   */
  async deliver(
    db: EntityManager,
    recipients: readonly (string | null | undefined)[],
    message: Message,
    at: Date,
  ): Promise<string[]> {
    const userIds = [...new Set(recipients.filter((r): r is string => Boolean(r)))];
    if (userIds.length === 0) return [];
    await storeInInbox(db, userIds, message, at);
    const unreached: string[] = [];
    for (const userId of userIds) {
      const queued = await this.outbox.enqueue(db, userId, {
        ...message,
        ticketCode: message.ticketCode ?? null,
        urgent: message.urgent ?? false,
        at,
      });
      if (!queued) unreached.push(userId);
    }
    return unreached;
  }

  /**
   * The caller's inbox a page at a time, newest first by (createdAt, id). `before` (an instant, the older
   * way to page) is still honoured, but messages of the same millisecond as the last one shown would be
   * skipped by it: clients page with the cursor.
   */
  async page(user: AuthUser, request: PageRequest, before?: Date): Promise<NotificationPageDto> {
    const where = before ? { userId: user.id, createdAt: LessThan(before) } : { userId: user.id };
    const page = await findPage(this.notifications, where, request, (rows) => rows.map(toDto));
    return { ...page, unread: await this.unread(user) };
  }

  unread(user: AuthUser): Promise<number> {
    return this.notifications.count({ where: { userId: user.id, readAt: IsNull() } });
  }

  /** Marks the caller's own messages read (ids of anyone else's are ignored); returns the unread count left. */
  async markRead(
    user: AuthUser,
    ids: readonly string[] | undefined,
    all: boolean,
  ): Promise<number> {
    const mine = { userId: user.id, readAt: IsNull() };
    if (all) await this.notifications.update(mine, { readAt: this.clock.now() });
    else if (ids && ids.length > 0)
      await this.notifications.update({ ...mine, id: In([...ids]) }, { readAt: this.clock.now() });
    return this.unread(user);
  }
}

function toDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ticketId: n.ticketId,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  };
}
