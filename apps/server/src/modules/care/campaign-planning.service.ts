import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import {
  AudiencePreviewDto,
  CampaignAction,
  CampaignDto,
  CampaignStatus,
  ErrorCode,
  RecipientStatus,
  SKIP_REASON_LABELS,
} from '@linli/contracts';
import { campaignTransition, chinaDateKey } from '@linli/domain';
// The lunar calendar stays out of the package index (see care-calendar.ts).
import { BUILT_IN_OCCASIONS, occasionDate } from '@linli/domain/dist/care/care-calendar';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertInto, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Building } from '../org/entities/building.entity';
import { CampaignQueries } from './campaign-queries.service';
import { CareAudience } from './care-audience.service';
import { CareScope } from './care-scope';
import {
  AudiencePreviewDto as PreviewBody,
  CreateCampaignDto,
  ResendSkippedDto,
  SendCampaignDto,
} from './dto/care.dto';
import { CareCampaign } from './entities/care-campaign.entity';
import { CareRecipient } from './entities/care-recipient.entity';

const invalid = (field: string, message: string) =>
  new AppException(ErrorCode.VALIDATION_FAILED, message, [{ field, message }]);

/**
 * The supervisor's side of a campaign: see the audience before sending, plan it, press send (which only
 * schedules: the fan-out job does the sending, in batches, never in this request), cancel it, and put
 * skipped households back in once their reason is gone.
 */
@Injectable()
export class CampaignPlanning {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectRepository(CareCampaign) private readonly careCampaigns: Repository<CareCampaign>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    private readonly scope: CareScope,
    private readonly audience: CareAudience,
    private readonly queries: CampaignQueries,
    private readonly clock: ClockService,
  ) {}

  async preview(user: AuthUser, body: PreviewBody): Promise<AudiencePreviewDto> {
    await this.scope.community(user, body.communityId);
    await this.checkBuildings(body.communityId, body.audience.buildingIds);
    const now = this.clock.now();
    const households = await this.audience.select(
      body.communityId,
      body.audience,
      body.occasionDate ?? chinaDateKey(now),
    );
    const reasons = await this.audience.skipReasons(
      households.map((h) => h.householdId),
      now,
      body.audience.complaintWindowDays,
    );
    return {
      targeted: households.length,
      skipped: households.flatMap((h) => {
        const reason = reasons.get(h.householdId);
        return reason
          ? [
              {
                householdId: h.householdId,
                label: h.label,
                reason,
                reasonLabel: SKIP_REASON_LABELS[reason],
              },
            ]
          : [];
      }),
    };
  }

  async create(user: AuthUser, body: CreateCampaignDto): Promise<CampaignDto> {
    await this.scope.community(user, body.communityId);
    await this.checkBuildings(body.communityId, body.audience.buildingIds);
    const now = this.clock.now();
    const builtIn = BUILT_IN_OCCASIONS.find((o) => o.occasion === body.occasion);
    const title = body.title?.trim() || builtIn?.name;
    if (!title) throw invalid('title', '自定义活动请填写名称');
    const date = body.occasionDate ?? (builtIn ? this.nextDate(builtIn.rule, now) : null);
    if (!date || Number.isNaN(Date.parse(date)))
      throw invalid('occasionDate', '自定义活动请填写日期');
    if (!body.channels.card && !body.channels.wechat && !body.channels.visit)
      throw invalid('channels', '请至少选择一种关怀方式');
    const sendAt = body.sendAt ? new Date(body.sendAt) : null;
    const row: CareCampaign = {
      id: randomUUID(),
      communityId: body.communityId,
      occasion: body.occasion,
      title,
      occasionDate: date,
      audience: { ...body.audience, buildingIds: [...new Set(body.audience.buildingIds)] },
      greeting: body.greeting.trim(),
      imageUrl: body.imageUrl?.trim() || null,
      channels: {
        card: body.channels.card,
        wechat: body.channels.wechat,
        visit: body.channels.visit,
      },
      sendAt,
      giftName: body.gift?.name.trim() || null,
      giftStock: body.gift ? body.gift.stock : null,
      status: CampaignStatus.Draft,
      ownerId: user.id,
      targeted: 0,
      nextCheckAt: null,
      createdAt: now,
      finishedAt: null,
    };
    await insertInto(this.careCampaigns, row);
    return this.queries.get(user, row.id);
  }

  /** Schedules the fan-out at `sendAt` (the campaign's, or now). The request returns at once. */
  async send(user: AuthUser, id: string, body: SendCampaignDto): Promise<CampaignDto> {
    const campaign = await this.scope.campaign(user, id);
    const to = campaignTransition(campaign.status, CampaignAction.Schedule);
    if (!to) throw new AppException(ErrorCode.CAMPAIGN_STATE);
    const now = this.clock.now();
    const sendAt = body.sendAt
      ? new Date(body.sendAt)
      : campaign.sendAt && campaign.sendAt > now
        ? campaign.sendAt
        : now;
    const moved = await this.careCampaigns.update(
      { id, status: campaign.status },
      { status: to, sendAt, nextCheckAt: sendAt },
    );
    if (moved.affected !== 1) throw new AppException(ErrorCode.CAMPAIGN_STATE);
    return this.queries.get(user, id);
  }

  async cancel(user: AuthUser, id: string): Promise<CampaignDto> {
    const campaign = await this.scope.campaign(user, id);
    const to = campaignTransition(campaign.status, CampaignAction.Cancel);
    if (!to) throw new AppException(ErrorCode.CAMPAIGN_STATE);
    const moved = await this.careCampaigns.update(
      { id, status: campaign.status },
      { status: to, nextCheckAt: null },
    );
    if (moved.affected !== 1) throw new AppException(ErrorCode.CAMPAIGN_STATE);
    return this.queries.get(user, id);
  }

  /** Skipped households go back to pending; the fan-out looks at them again (and skips them again if the reason remains). */
  async resendSkipped(user: AuthUser, id: string, body: ResendSkippedDto): Promise<CampaignDto> {
    const campaign = await this.scope.campaign(user, id);
    if (campaign.status !== CampaignStatus.Sending && campaign.status !== CampaignStatus.Sent)
      throw new AppException(ErrorCode.CAMPAIGN_STATE);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      const where = {
        campaignId: id,
        status: RecipientStatus.Skipped,
        ...(body.recipientIds ? { id: In(body.recipientIds) } : {}),
      };
      const back = await db.update(CareRecipient, where, {
        status: RecipientStatus.Pending,
        skipReason: null,
      });
      if (!back.affected) return;
      const status =
        campaign.status === CampaignStatus.Sent
          ? campaignTransition(CampaignStatus.Sent, CampaignAction.Start, true)!
          : CampaignStatus.Sending;
      await db.update(CareCampaign, { id }, { status, nextCheckAt: now, finishedAt: null });
    });
    return this.queries.get(user, id);
  }

  /** The occasion's next date from today (this year's if not yet passed, else next year's). */
  private nextDate(rule: (typeof BUILT_IN_OCCASIONS)[number]['rule'], now: Date): string {
    const today = chinaDateKey(now);
    const year = Number(today.slice(0, 4));
    const thisYear = occasionDate(rule, year);
    return thisYear >= today ? thisYear : occasionDate(rule, year + 1);
  }

  private async checkBuildings(communityId: string, buildingIds: readonly string[]): Promise<void> {
    const ids = [...new Set(buildingIds)];
    if (ids.length === 0) return;
    const found = await this.buildings.count({ where: { id: In(ids), communityId } });
    if (found !== ids.length) throw invalid('audience.buildingIds', '请选择本小区的楼栋');
  }
}
