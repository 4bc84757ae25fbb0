import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import { classifyWechatErrcode, nextRetryDelayMs } from '@linli/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { User } from '../org/entities/user.entity';
import { WechatClient } from '../wechat/wechat.client';
import { AccessTokens } from './access-tokens.service';
import { OutboxMessage, OutboxStatus } from './entities/outbox-message.entity';
import { SubscriptionCredit } from './entities/subscription-credit.entity';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';
import { retryOnDeadlock } from '../../database/retry-on-deadlock';

/** Deliveries in flight at once per worker. */
const DELIVERY_CONCURRENCY = 8;

export interface DrainResult {
  sent: number;
  retried: number;
  revoked: number;
  dead: number;
}

/**
 * Delivers the outbox to WeChat. Several instances may run against one MySQL/MariaDB: a worker claims
 * a batch with SELECT … FOR UPDATE SKIP LOCKED and marks it 'sending' with a lease (nextAttemptAt =
 * now + claim TTL), so no two workers hold the same message. A worker that dies mid-delivery leaves its
 * claims to lapse; another worker takes them again. Delivery is therefore at-least-once at one boundary:
 * if WeChat accepted a message and the worker died before recording it, it is sent again.
 * On SQLite (one embedded process) the same claim runs without SKIP LOCKED.
 */
@Injectable()
export class OutboxWorker extends ScheduledJob<DrainResult> {
  readonly workerId = `w-${randomUUID().slice(0, 8)}`;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(SubscriptionCredit)
    private readonly subscriptionCredits: Repository<SubscriptionCredit>,
    private readonly wechat: WechatClient,
    private readonly tokens: AccessTokens,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('Outbox', 'outbox drain failed', () => jobTiming(config.outbox.pollMs, config));
  }

  /** Graceful shutdown: the round in flight finishes (bounded), then this worker's claims are handed back. */
  override async beforeApplicationShutdown(): Promise<void> {
    await super.beforeApplicationShutdown();
    try {
      const released = await this.releaseClaims();
      if (released > 0) this.logger.log(`shutdown: handed back ${released} claimed message(s)`);
    } catch (err) {
      // The database is away: the claims lapse after LINLI_OUTBOX_CLAIM_TTL_MS instead.
      this.logger.warn(`shutdown: could not hand back claims (${String(err)})`);
    }
  }

  /**
   * Hands back every message this worker still holds (due now, the attempt not counted), so another
   * instance sends it at once instead of waiting for the claim to lapse.
   */
  async releaseClaims(): Promise<number> {
    const released = await retryOnDeadlock(() =>
      this.ds
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({
          status: OutboxStatus.Pending,
          claimedBy: null,
          nextAttemptAt: this.clock.now(),
          attempts: () => 'attempts - 1',
        })
        .where({ status: OutboxStatus.Sending, claimedBy: this.workerId })
        .execute(),
    );
    return released.affected ?? 0;
  }

  /** Delivers everything due now, batch by batch, until nothing is due. Drains never overlap within an instance. */
  drain(): Promise<DrainResult> {
    return this.sweep();
  }

  protected async round(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, revoked: 0, dead: 0 };
    for (;;) {
      if (this.stopping) return result; // shutting down: claim nothing more
      const batch = await this.claim();
      if (batch.length === 0) return result;
      // A few deliveries in flight at once: WeChat's latency, not our CPU, bounds throughput. Each
      // slot takes the next message as soon as its own delivery ends, so one request WeChat leaves
      // hanging until the timeout holds up only its own slot, not the seven beside it.
      let next = 0;
      const slot = async () => {
        // Shutting down: deliveries under way finish, the rest of the batch is handed back (releaseClaims).
        while (next < batch.length && !this.stopping) await this.deliver(batch[next++], result);
      };
      await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, batch.length) }, slot));
    }
  }

  /** Claims up to one batch of due messages for this worker. */
  async claim(): Promise<OutboxMessage[]> {
    // Without SKIP LOCKED another worker can take every row this one read first: read again (a few times),
    // the rows it took are no longer due.
    for (let attempt = 1; ; attempt++) {
      const claimed = await retryOnDeadlock(() => this.claimOnce());
      if (claimed !== null || attempt >= 5) return claimed ?? [];
    }
  }

  /** The claimed messages; null when due rows were read but another worker took all of them first. */
  private claimOnce(): Promise<OutboxMessage[] | null> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.config.outbox.claimTtlMs);
    // READ COMMITTED: no gap locks on the (status, nextAttemptAt) range, so claims and settles of
    // other workers do not deadlock against it; SKIP LOCKED passes over rows another worker holds.
    const isolation = this.ds.options.type === 'better-sqlite3' ? undefined : 'READ COMMITTED';
    const work = async (db: import('typeorm').EntityManager): Promise<OutboxMessage[] | null> => {
      const due = db
        .createQueryBuilder(OutboxMessage, 'o')
        .select('o.id', 'id')
        .where('o.status IN (:...statuses) AND o.nextAttemptAt <= :now', {
          statuses: [OutboxStatus.Pending, OutboxStatus.Sending],
          now,
        })
        .orderBy('o.nextAttemptAt', 'ASC')
        .limit(this.config.outbox.batchSize);
      if (this.ds.options.type !== 'better-sqlite3' && this.config.outbox.skipLocked)
        due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const ids = ((await due.getRawMany()) as { id: string }[]).map((r) => r.id);
      if (ids.length === 0) return [];
      // A compare-and-set: only rows still due are taken. With SKIP LOCKED nobody else can hold them; without
      // it (LINLI_DB_SKIP_LOCKED=0) two workers may read the same ids, and the second UPDATE, re-evaluated
      // after the first commits, finds them leased and takes none of them.
      const taken = await db
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({
          status: OutboxStatus.Sending,
          claimedBy: this.workerId,
          nextAttemptAt: lease,
          attempts: () => 'attempts + 1',
        })
        .where('id IN (:...ids) AND status IN (:...statuses) AND nextAttemptAt <= :now', {
          ids,
          statuses: [OutboxStatus.Pending, OutboxStatus.Sending],
          now,
        })
        .execute();
      if (taken.affected === 0) return null;
      return db.find(OutboxMessage, {
        where: { id: In(ids), claimedBy: this.workerId, nextAttemptAt: lease },
      });
    };
    return isolation ? this.ds.transaction(isolation, work) : this.ds.transaction(work);
  }

  private async deliver(message: OutboxMessage, result: DrainResult): Promise<void> {
    // The claim lapsed while earlier messages of the batch were being sent (WeChat slow or hanging):
    // another worker may hold the message now, so sending it here could deliver it twice. Hand it
    // back untried; the attempt counted at claim time did not happen.
    if (this.clock.now().getTime() >= message.nextAttemptAt.getTime()) {
      return this.settle(
        message,
        OutboxStatus.Pending,
        result,
        { nextAttemptAt: this.clock.now(), attempts: message.attempts - 1 },
        false,
      );
    }
    const user = await this.users.findOne({
      where: { id: message.userId },
      select: { id: true, openid: true },
    });
    if (!user?.openid)
      return this.settle(message, OutboxStatus.Dead, result, { lastError: '用户没有微信 openid' });
    let outcome = await this.send(message, user.openid, false);
    if (outcome.kind === 'token_expired') outcome = await this.send(message, user.openid, true); // refreshed once
    switch (outcome.kind) {
      case 'sent':
        return this.settle(message, OutboxStatus.Sent, result, {
          msgid: outcome.msgid ?? null,
          sentAt: this.clock.now(),
          lastError: null,
        });
      case 'revoked':
        // The user turned these messages off: no retry, and no credits left for that template.
        await this.subscriptionCredits.update(
          { userId: message.userId, templateId: message.templateId },
          { credits: 0, updatedAt: this.clock.now() },
        );
        return this.settle(message, OutboxStatus.Revoked, result, { lastError: outcome.error });
      case 'permanent':
        return this.settle(message, OutboxStatus.Dead, result, { lastError: outcome.error });
      default: {
        if (message.attempts >= this.config.outbox.maxAttempts) {
          return this.settle(message, OutboxStatus.Dead, result, {
            lastError: `重试 ${message.attempts} 次仍失败：${outcome.error}`,
          });
        }
        const backoff = this.config.outbox.backoffMs;
        const delay = nextRetryDelayMs(
          message.attempts,
          Math.random,
          backoff,
          30 * 60_000,
          Math.min(1000, backoff),
        );
        return this.settle(message, OutboxStatus.Pending, result, {
          lastError: outcome.error,
          nextAttemptAt: new Date(this.clock.now().getTime() + delay),
        });
      }
    }
  }

  private async send(
    message: OutboxMessage,
    openid: string,
    freshToken: boolean,
  ): Promise<{ kind: ReturnType<typeof classifyWechatErrcode>; error: string; msgid?: string }> {
    let token: string;
    try {
      token = freshToken ? await this.tokens.refresh() : await this.tokens.get();
    } catch {
      return { kind: 'retry', error: '无法获取微信 access_token' };
    }
    const res = await this.wechat.sendSubscribe(token, {
      touser: openid,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
    });
    const kind = classifyWechatErrcode(res.errcode);
    // A second 40001 right after a refresh is WeChat's trouble, not ours: try again later.
    return {
      kind: kind === 'token_expired' && freshToken ? 'retry' : kind,
      error: `${res.errcode} ${res.errmsg}`.slice(0, 200),
      msgid: res.msgid,
    };
  }

  /** Records the outcome, only if this worker still holds the claim (a lapsed claim belongs to whoever took it). */
  private async settle(
    message: OutboxMessage,
    status: OutboxStatus,
    result: DrainResult,
    changes: Partial<OutboxMessage>,
    counted = true,
  ): Promise<void> {
    const written = await retryOnDeadlock(() =>
      this.ds
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status, claimedBy: null, ...changes })
        .where({ id: message.id, status: OutboxStatus.Sending, claimedBy: this.workerId })
        .execute(),
    );
    if (written.affected !== 1 || !counted) return;
    if (status === OutboxStatus.Sent) result.sent += 1;
    else if (status === OutboxStatus.Pending) result.retried += 1;
    else if (status === OutboxStatus.Revoked) result.revoked += 1;
    else result.dead += 1;
  }
}
