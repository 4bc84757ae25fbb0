import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { ChatInbound, ChatInboxHandler, ChatInboxRegistry } from './chat-port';
import { retryOnDeadlock } from '../../database/retry-on-deadlock';
import { ChatInboundRow, ChatInboundStatus } from './entities/chat-inbound.entity';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';

const BATCH = 20;
const MAX_BACKOFF_MS = 10 * 60_000;

export function toInbound(row: ChatInboundRow): ChatInbound {
  return {
    key: row.dedupeKey,
    openid: row.openid,
    kind: row.kind,
    ...row.content,
    sentAt: row.sentAt,
  } as ChatInbound;
}

/**
 * Hands each stored push to the conversation's handler: at most once successfully, retried with
 * exponential backoff when the handler throws. Claims like the outbox (SELECT … FOR UPDATE SKIP LOCKED,
 * a lease in nextAttemptAt) so two instances never hand over the same message at once; one resident's
 * messages go in the order they were sent (a later one waits while an earlier one is unsettled).
 */
@Injectable()
export class ChatInboxWorker extends ScheduledJob<number> implements ChatInboxRegistry {
  readonly workerId = `c-${randomUUID().slice(0, 8)}`;
  private handler: ChatInboxHandler | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('ChatInbox', 'chat inbox drain failed', () =>
      jobTiming(config.wechatPush.pollMs, config),
    );
  }

  register(handler: ChatInboxHandler): void {
    if (this.handler && this.handler !== handler)
      throw new Error('a ChatInboxHandler is already registered');
    this.handler = handler;
  }

  /** Hands over everything due now; returns how many were handled. Without a handler, messages wait. */
  drain(): Promise<number> {
    return this.sweep();
  }

  protected async round(): Promise<number> {
    let handled = 0;
    if (!this.handler) return 0;
    for (;;) {
      const batch = await retryOnDeadlock(() => this.claim());
      if (batch.length === 0) return handled;
      for (const row of batch) if (await this.handOver(row)) handled += 1;
    }
  }

  private claim(): Promise<ChatInboundRow[]> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.config.wechatPush.claimTtlMs);
    const sqlite = this.ds.options.type === 'better-sqlite3';
    const work = async (db: EntityManager) => {
      const due = db
        .createQueryBuilder(ChatInboundRow, 'm')
        .select('m.id', 'id')
        .addSelect('m.openid', 'openid')
        .where('m.status IN (:...statuses) AND m.nextAttemptAt <= :now', {
          statuses: [ChatInboundStatus.Pending, ChatInboundStatus.Handling],
          now,
        })
        // Only a resident's earliest unsettled message: a later one waits while an earlier one is in hand
        // (on this or another instance) or waiting for its retry, so the conversation sees them in order.
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM wechat_chat_inbound e WHERE e.openid = m.openid AND e.status IN (:...statuses) AND (e.sentAt < m.sentAt OR (e.sentAt = m.sentAt AND e.receivedAt < m.receivedAt)))`,
        )
        .orderBy('m.sentAt', 'ASC')
        .addOrderBy('m.receivedAt', 'ASC')
        .limit(BATCH);
      if (!sqlite) due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = (await due.getRawMany()) as { id: string; openid: string }[];
      // One message per resident per batch: the next waits until this one is settled, keeping their order.
      const seen = new Set<string>();
      const ids = rows.filter((r) => !seen.has(r.openid) && seen.add(r.openid)).map((r) => r.id);
      if (ids.length === 0) return [];
      await db
        .createQueryBuilder()
        .update(ChatInboundRow)
        .set({
          status: ChatInboundStatus.Handling,
          claimedBy: this.workerId,
          nextAttemptAt: lease,
          attempts: () => 'attempts + 1',
        })
        .where({ id: In(ids) })
        .execute();
      return db.find(ChatInboundRow, {
        where: { id: In(ids), claimedBy: this.workerId },
        order: { sentAt: 'ASC' },
      });
    };
    return sqlite ? this.ds.transaction(work) : this.ds.transaction('READ COMMITTED', work);
  }

  private async handOver(row: ChatInboundRow): Promise<boolean> {
    const handler = this.handler;
    if (!handler) return false;
    try {
      await handler.handle(toInbound(row));
      await this.settle(row, {
        status: ChatInboundStatus.Handled,
        handledAt: this.clock.now(),
        lastError: null,
      });
      return true;
    } catch (err) {
      const message = String((err as Error)?.message ?? err).slice(0, 200);
      if (row.attempts >= this.config.wechatPush.maxAttempts) {
        this.logger.error(
          `chat message ${row.dedupeKey} given up after ${row.attempts} attempts: ${message}`,
        );
        await this.settle(row, { status: ChatInboundStatus.Dead, lastError: message });
      } else {
        const delay = Math.min(
          MAX_BACKOFF_MS,
          this.config.wechatPush.backoffMs * 2 ** (row.attempts - 1),
        );
        await this.settle(row, {
          status: ChatInboundStatus.Pending,
          lastError: message,
          nextAttemptAt: new Date(this.clock.now().getTime() + delay),
        });
      }
      return false;
    }
  }

  /** Settles a claim this worker still holds (a lapsed lease taken by another worker is left alone). */
  private async settle(row: ChatInboundRow, set: Partial<ChatInboundRow>): Promise<void> {
    await retryOnDeadlock(() =>
      this.ds
        .createQueryBuilder()
        .update(ChatInboundRow)
        .set({ ...set, claimedBy: null })
        .where({ id: row.id, claimedBy: this.workerId, status: ChatInboundStatus.Handling })
        .execute(),
    );
  }
}
