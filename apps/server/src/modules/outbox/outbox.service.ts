import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, MoreThan, Repository } from 'typeorm';
import {
  NotificationKind,
  SubscribeAnswer,
  SubscriptionCreditsDto,
  WechatReach,
} from '@linli/contracts';
import { earliestDelivery, fieldTypeOf, shapeField } from '@linli/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DEFAULT_TEMPLATE_FIELDS, MessageSource } from '../../config/wechat-templates';
import { insertRows } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { User } from '../org/entities/user.entity';
import { OutboxMessage, OutboxStatus } from './entities/outbox-message.entity';
import { SubscriptionCredit } from './entities/subscription-credit.entity';

/** What a subscribe message says, before it is shaped to the template's field rules. */
export interface OutgoingMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  ticketCode: string | null;
  ticketId: string | null;
  at: Date;
  urgent: boolean;
  page?: string | null;
}

/**
 * The template's fields filled from the message as its layout says (by default: what happened, which
 * ticket, the details, when), shaped so WeChat never answers 47003 because of our data.
 */
export function templateData(
  m: OutgoingMessage,
  layout: Readonly<Record<string, MessageSource>> = DEFAULT_TEMPLATE_FIELDS,
): Record<string, { value: string }> {
  const source: Record<MessageSource, string | Date> = {
    title: m.title,
    body: m.body,
    ticketCode: m.ticketCode ?? '-',
    at: m.at,
  };
  const data: Record<string, { value: string }> = {};
  for (const [key, from] of Object.entries(layout)) {
    const type = fieldTypeOf(key);
    const value = type ? shapeField(type, source[from]) : null;
    if (value !== null) data[key] = { value };
  }
  return data;
}

/**
 * Enqueues WeChat subscribe messages in the caller's transaction, spending one of the user's
 * one-time subscription credits; without a credit nothing is queued (the in-app inbox still has it).
 */
@Injectable()
export class Outbox {
  constructor(
    @InjectRepository(SubscriptionCredit) private readonly credits: Repository<SubscriptionCredit>,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  templateFor(kind: NotificationKind): string | null {
    return this.config.outbox.templates[kind]?.id ?? null;
  }

  /** Queues the message for `userId` if a template exists and the user has a credit for it; returns whether it was queued. */
  async enqueue(db: EntityManager, userId: string, message: OutgoingMessage): Promise<boolean> {
    const template = this.config.outbox.templates[message.kind];
    if (!template) return false;
    const templateId = template.id;
    const spent = await db
      .createQueryBuilder()
      .update(SubscriptionCredit)
      .set({ credits: () => 'credits - 1', updatedAt: message.at })
      .where('userId = :userId AND templateId = :templateId AND credits > 0', {
        userId,
        templateId,
      })
      .execute();
    if (spent.affected !== 1) return false;
    const row: OutboxMessage = {
      id: randomUUID(),
      userId,
      kind: message.kind,
      templateId,
      page:
        message.page ??
        (message.ticketId ? `subpackages/ticket/detail/index?id=${message.ticketId}` : null),
      data: templateData(message, template.fields),
      urgent: message.urgent,
      status: OutboxStatus.Pending,
      attempts: 0,
      nextAttemptAt: earliestDelivery(message.at, message.urgent, this.config.outbox.quietHours),
      claimedBy: null,
      lastError: null,
      msgid: null,
      createdAt: message.at,
      sentAt: null,
    };
    await insertRows(db, OutboxMessage, row);
    return true;
  }

  /** The mini-program reports wx.requestSubscribeMessage's answers: each 'accept' is one more message allowed. */
  async recordAnswers(
    userId: string,
    results: Record<string, SubscribeAnswer>,
  ): Promise<SubscriptionCreditsDto> {
    const known = new Set(Object.values(this.config.outbox.templates).map((t) => t.id));
    const now = this.clock.now();
    for (const [templateId, answer] of Object.entries(results)) {
      if (!known.has(templateId)) continue;
      if (answer === 'accept') {
        const existing = await this.credits.findOne({ where: { userId, templateId } });
        if (existing) await this.credits.increment({ userId, templateId }, 'credits', 1);
        else await this.credits.insert({ userId, templateId, credits: 1, updatedAt: now });
      } else if (answer === 'ban') {
        await this.credits.update({ userId, templateId }, { credits: 0, updatedAt: now });
      }
    }
    return this.creditsOf(userId);
  }

  /** Whether WeChat reaches each of these users now: bound at all, and with a subscription left to spend. */
  async reachOf(userIds: readonly string[]): Promise<Map<string, WechatReach>> {
    const reach = new Map<string, WechatReach>();
    if (userIds.length === 0) return reach;
    const users = await this.credits.manager.find(User, {
      select: { id: true, openid: true },
      where: { id: In([...userIds]) },
    });
    const subscribed = await this.credits.find({
      select: { userId: true },
      where: { userId: In([...userIds]), credits: MoreThan(0) },
    });
    const withCredits = new Set(subscribed.map((c) => c.userId));
    for (const id of userIds) {
      const openid = users.find((u) => u.id === id)?.openid;
      reach.set(
        id,
        !openid
          ? WechatReach.Unbound
          : withCredits.has(id)
            ? WechatReach.Wechat
            : WechatReach.InboxOnly,
      );
    }
    return reach;
  }

  async creditsOf(userId: string): Promise<SubscriptionCreditsDto> {
    const rows = await this.credits.find({ where: { userId } });
    return { credits: Object.fromEntries(rows.map((r) => [r.templateId, r.credits])) };
  }
}
