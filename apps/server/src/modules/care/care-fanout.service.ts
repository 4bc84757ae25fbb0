import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import {
  CampaignAction,
  CampaignStatus,
  GiftStatus,
  NotificationKind,
  RecipientStatus,
} from '@linli/contracts';
import { campaignTransition, careSendableAt } from '@linli/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertInto, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { cut, storeInInbox } from '../notifications/inbox.service';
import { Outbox } from '../outbox/outbox.service';
import { CareAudience } from './care-audience.service';
import { CareCampaign } from './entities/care-campaign.entity';
import { CareRecipient } from './entities/care-recipient.entity';
import { ScheduledJob, sweepTiming } from '../../common/jobs/scheduled-job';

/** Households per transaction, and transactions per campaign per round; a larger audience is worked off over the next rounds. */
export const FANOUT_BATCH = 200;
const MAX_BATCHES = 25;
/** How long a claimed campaign is left to the instance that claimed it before another may take over. */
const LEASE_MS = 5 * 60_000;

export interface FanoutResult {
  campaigns: number;
  sent: number;
  skipped: number;
  /** Campaigns another instance claimed first. */
  lost: number;
}

/**
 * The campaign fan-out (docs/domain-rules.md §10, the "Scale"). Runs on a timer, never in the request that
 * pressed send. Each round reads only campaigns whose `nextCheckAt` has come (an index range scan),
 * claims each by moving `nextCheckAt` forward under a compare-and-set (the way the time-limit sweep
 * claims tickets by version), then works it in transactions of FANOUT_BATCH households: the timing
 * guard decides, the recipient row moves pending → sent only if still pending (so a household is never
 * greeted twice, even if a lease ran out and another instance took over), and the in-app card and the
 * WeChat message (through the outbox) are written in that same transaction.
 */
@Injectable()
export class CareFanout extends ScheduledJob<FanoutResult> {
  /** Identifies this instance's claims in logs. */
  readonly instance = randomUUID().slice(0, 8);

  constructor(
    @InjectRepository(CareCampaign) private readonly campaigns: Repository<CareCampaign>,
    @InjectRepository(CareRecipient) private readonly recipients: Repository<CareRecipient>,
    private readonly unitOfWork: UnitOfWork,
    private readonly audience: CareAudience,
    private readonly outbox: Outbox,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('CareFanout', 'fan-out failed', () => sweepTiming(config));
  }

  protected async round(): Promise<FanoutResult> {
    const result: FanoutResult = { campaigns: 0, sent: 0, skipped: 0, lost: 0 };
    const now = this.clock.now();
    const due = await this.campaigns.find({
      where: { nextCheckAt: LessThanOrEqual(now) },
      order: { nextCheckAt: 'ASC' },
      take: 20,
    });
    for (const campaign of due) {
      if (this.stopping) break; // shutting down: claim no further campaign
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      const claimed = await this.campaigns.update(
        { id: campaign.id, nextCheckAt: campaign.nextCheckAt! },
        { nextCheckAt: leaseUntil },
      );
      if (claimed.affected !== 1) {
        result.lost += 1;
        continue;
      }
      result.campaigns += 1;
      await this.work({ ...campaign, nextCheckAt: leaseUntil }, now, result);
    }
    if (result.sent + result.skipped > 0)
      this.logger.log(`fan-out ${this.instance}: ${JSON.stringify(result)}`);
    return result;
  }

  private async work(campaign: CareCampaign, now: Date, result: FanoutResult): Promise<void> {
    const release = (changes: Partial<CareCampaign>) =>
      this.campaigns.update({ id: campaign.id, nextCheckAt: campaign.nextCheckAt! }, changes);

    if (campaign.status === CampaignStatus.Scheduled) {
      campaign.targeted = await this.materialise(campaign);
      campaign.status = campaignTransition(CampaignStatus.Scheduled, CampaignAction.Start, true)!;
      await this.campaigns.update(
        { id: campaign.id },
        { status: campaign.status, targeted: campaign.targeted },
      );
    }
    if (campaign.status !== CampaignStatus.Sending) {
      await release({ nextCheckAt: null });
      return;
    }
    const sendable = careSendableAt(now, this.config.outbox.quietHours);
    if (sendable.getTime() > now.getTime()) {
      await release({ nextCheckAt: sendable });
      return;
    }
    for (let batch = 0; batch < MAX_BATCHES && !this.stopping; batch++) {
      const pending = await this.recipients.find({
        where: { campaignId: campaign.id, status: RecipientStatus.Pending },
        take: FANOUT_BATCH,
      });
      if (pending.length === 0) {
        await release({
          status: campaignTransition(CampaignStatus.Sending, CampaignAction.Finish, true)!,
          nextCheckAt: null,
          finishedAt: now,
        });
        return;
      }
      await this.unitOfWork.run((db) => this.sendBatch(db, campaign, pending, now, result));
    }
    // More to do (or shutting down): the lease is handed back, the next round continues (possibly on another instance).
    await release({ nextCheckAt: now });
  }

  /** Writes one pending row per targeted household not yet listed (idempotent: a resumed start adds only the missing ones). */
  private async materialise(campaign: CareCampaign): Promise<number> {
    const households = await this.audience.select(
      campaign.communityId,
      campaign.audience,
      campaign.occasionDate,
    );
    const listed = new Set(
      (
        await this.recipients.find({
          select: { householdId: true },
          where: { campaignId: campaign.id },
        })
      ).map((r) => r.householdId),
    );
    const missing = households.filter((h) => !listed.has(h.householdId));
    for (let i = 0; i < missing.length; i += 500) {
      const rows: CareRecipient[] = missing.slice(i, i + 500).map((h) => ({
        id: randomUUID(),
        campaignId: campaign.id,
        householdId: h.householdId,
        buildingId: h.buildingId,
        status: RecipientStatus.Pending,
        skipReason: null,
        sentAt: null,
        openedAt: null,
        giftStatus: null,
        giftNote: null,
        giftPhotoIds: null,
        giftAt: null,
        giftById: null,
      }));
      await insertInto(this.recipients, rows);
    }
    return listed.size + missing.length;
  }

  private async sendBatch(
    db: EntityManager,
    campaign: CareCampaign,
    batch: readonly CareRecipient[],
    now: Date,
    result: FanoutResult,
  ): Promise<void> {
    const ids = batch.map((r) => r.householdId);
    const reasons = await this.audience.skipReasons(
      ids,
      now,
      campaign.audience.complaintWindowDays,
      db,
    );
    const members = await db.find(HouseholdMember, {
      select: { householdId: true, userId: true },
      where: { householdId: In(ids), removedAt: IsNull() },
    });
    let giftsLeft =
      campaign.giftName && campaign.giftStock !== null
        ? campaign.giftStock -
          (await db.count(CareRecipient, {
            where: { campaignId: campaign.id, giftStatus: In(Object.values(GiftStatus)) },
          }))
        : 0;
    const title = cut(`${campaign.title}问候`, 50);
    for (const r of batch) {
      const reason = reasons.get(r.householdId);
      if (reason) {
        const held = await db.update(
          CareRecipient,
          { id: r.id, status: RecipientStatus.Pending },
          { status: RecipientStatus.Skipped, skipReason: reason },
        );
        if (held.affected === 1) result.skipped += 1;
        continue;
      }
      const gift = giftsLeft > 0 ? GiftStatus.Prepared : null;
      const sent = await db.update(
        CareRecipient,
        { id: r.id, status: RecipientStatus.Pending },
        { status: RecipientStatus.Sent, sentAt: now, ...(gift ? { giftStatus: gift } : {}) },
      );
      if (sent.affected !== 1) continue; // another instance got there first
      if (gift) giftsLeft -= 1;
      result.sent += 1;
      const userIds = [
        ...new Set(
          members
            .filter((m) => m.householdId === r.householdId && m.userId)
            .map((m) => m.userId as string),
        ),
      ];
      if (campaign.channels.card && userIds.length > 0) {
        const greeting = { kind: NotificationKind.CareGreeting, title, body: campaign.greeting };
        await storeInInbox(db, userIds, { ...greeting, ticketId: null }, now);
      }
      if (campaign.channels.wechat) {
        for (const userId of userIds) {
          await this.outbox.enqueue(db, userId, {
            kind: NotificationKind.CareGreeting,
            title,
            body: campaign.greeting,
            ticketCode: null,
            ticketId: null,
            at: now,
            urgent: false,
          });
        }
      }
    }
  }
}
