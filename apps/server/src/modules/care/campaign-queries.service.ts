import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import {
  CAMPAIGN_STATUS_LABELS,
  CampaignDto,
  CampaignProgressDto,
  CampaignRecipientDto,
  CareCalendarDto,
  CareCalendarEntryDto,
  GIFT_STATUS_LABELS,
  GiftStatus,
  RecipientStatus,
  Page,
  SKIP_REASON_LABELS,
} from '@linli/contracts';
import { addDays, chinaDateKey, COVERAGE_TARGET, coverage } from '@linli/domain';
// The lunar calendar stays out of the package index (see care-calendar.ts).
import {
  careCalendar,
  DEFAULT_REMINDER_DAYS,
  occasionsToPlan,
} from '@linli/domain/dist/care/care-calendar';
import { AuthUser } from '../../common/auth/auth-user';
import { findPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { Room } from '../org/entities/room.entity';
import { Household } from '../org/entities/household.entity';
import { CareScope } from './care-scope';
import { CalendarQueryDto } from './dto/care.dto';
import { CareCampaign } from './entities/care-campaign.entity';
import { CareRecipient } from './entities/care-recipient.entity';

/** Reading campaigns: the year's care calendar, the list, one campaign with its progress, its recipients. */
@Injectable()
export class CampaignQueries {
  constructor(
    @InjectRepository(CareCampaign) private readonly careCampaigns: Repository<CareCampaign>,
    @InjectRepository(CareRecipient) private readonly careRecipients: Repository<CareRecipient>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly scope: CareScope,
    private readonly clock: ClockService,
  ) {}

  async calendar(user: AuthUser, q: CalendarQueryDto): Promise<CareCalendarDto> {
    await this.scope.community(user, q.communityId);
    const today = chinaDateKey(this.clock.now());
    const year = q.year ?? Number(today.slice(0, 4));
    const reminderDays = q.reminderDays ?? DEFAULT_REMINDER_DAYS;
    const campaigns = await this.careCampaigns.find({
      select: { id: true, occasion: true, occasionDate: true, title: true },
      where: {
        communityId: q.communityId,
        occasionDate: Between(`${year}-01-01`, `${year + 1}-02-28`),
      },
    });
    const builtIn = careCalendar(year, [], reminderDays);
    // The community's own occasions are the custom campaigns it has planned for the year.
    const custom = campaigns
      .filter((c) => c.occasion === 'custom' && c.occasionDate.startsWith(String(year)))
      .map((c) => ({
        occasion: c.occasion,
        name: c.title,
        date: c.occasionDate,
        remindOn: addDays(c.occasionDate, -reminderDays),
        lunar: false,
      }));
    const entries: CareCalendarEntryDto[] = [...builtIn, ...custom]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({
        ...e,
        campaignIds: campaigns
          .filter(
            (c) =>
              c.occasion === e.occasion &&
              c.occasionDate === e.date &&
              (e.occasion !== 'custom' || c.title === e.name),
          )
          .map((c) => c.id),
      }));
    const due = new Set(
      occasionsToPlan(entries, today).map((e) => `${e.occasion}:${e.date}:${e.name}`),
    );
    return {
      year,
      reminderDays,
      entries,
      toPlan: entries.filter((e) => due.has(`${e.occasion}:${e.date}:${e.name}`)),
    };
  }

  /** The community's campaigns, newest first, a page at a time. */
  async list(user: AuthUser, communityId: string, page: PageRequest): Promise<Page<CampaignDto>> {
    await this.scope.community(user, communityId);
    return findPage(
      this.careCampaigns,
      { communityId },
      page,
      (rows) => Promise.all(rows.map((r) => this.toDto(r))),
      { relations: { owner: true } },
    );
  }

  async get(user: AuthUser, id: string): Promise<CampaignDto> {
    return this.toDto(await this.scope.campaign(user, id));
  }

  async recipients(
    user: AuthUser,
    id: string,
    status?: RecipientStatus,
  ): Promise<CampaignRecipientDto[]> {
    await this.scope.campaign(user, id);
    const rows = await this.careRecipients.find({
      where: { campaignId: id, ...(status ? { status } : {}) },
      take: 2000,
    });
    return this.recipientDtos(rows);
  }

  async recipientDtos(rows: readonly CareRecipient[]): Promise<CampaignRecipientDto[]> {
    const labels = await this.householdLabels(rows.map((r) => r.householdId));
    return rows
      .map((r) => ({
        id: r.id,
        householdId: r.householdId,
        householdLabel: labels.get(r.householdId) ?? '',
        buildingId: r.buildingId,
        status: r.status,
        skipReason: r.skipReason,
        skipReasonLabel: r.skipReason ? SKIP_REASON_LABELS[r.skipReason] : null,
        openedAt: r.openedAt?.toISOString() ?? null,
        gift: r.giftStatus
          ? {
              status: r.giftStatus,
              statusLabel: GIFT_STATUS_LABELS[r.giftStatus],
              note: r.giftNote,
              photoIds: r.giftPhotoIds ?? [],
              at: r.giftAt?.toISOString() ?? null,
            }
          : null,
      }))
      .sort((a, b) => a.householdLabel.localeCompare(b.householdLabel, 'zh-CN', { numeric: true }));
  }

  async progress(c: CareCampaign): Promise<CampaignProgressDto> {
    const counts = await this.careRecipients
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN r.openedAt IS NULL THEN 0 ELSE 1 END)', 'opened')
      .addSelect(
        `SUM(CASE WHEN r.giftStatus IN ('${GiftStatus.Delivered}', '${GiftStatus.PickedUp}') THEN 1 ELSE 0 END)`,
        'handed',
      )
      .addSelect(`SUM(CASE WHEN r.giftStatus IS NULL THEN 0 ELSE 1 END)`, 'gifts')
      .where('r.campaignId = :id', { id: c.id })
      .groupBy('r.status')
      .getRawMany<{
        status: RecipientStatus;
        n: string | number;
        opened: string | number | null;
        handed: string | number | null;
        gifts: string | number | null;
      }>();
    const n = (s: RecipientStatus) => Number(counts.find((x) => x.status === s)?.n ?? 0);
    const sum = (k: 'opened' | 'handed' | 'gifts') =>
      counts.reduce((t, x) => t + Number(x[k] ?? 0), 0);
    const sent = n(RecipientStatus.Sent);
    const targeted = c.targeted;
    return {
      targeted,
      pending: n(RecipientStatus.Pending),
      sent,
      skipped: n(RecipientStatus.Skipped),
      opened: sum('opened'),
      giftsDelivered: sum('handed'),
      giftsLeft: c.giftStock === null ? null : c.giftStock - sum('gifts'),
      coverage: coverage(sent, targeted),
      coverageTarget: COVERAGE_TARGET,
    };
  }

  async toDto(c: CareCampaign): Promise<CampaignDto> {
    return {
      id: c.id,
      communityId: c.communityId,
      occasion: c.occasion,
      title: c.title,
      occasionDate: c.occasionDate,
      audience: c.audience,
      greeting: c.greeting,
      imageUrl: c.imageUrl,
      channels: c.channels,
      sendAt: c.sendAt?.toISOString() ?? null,
      gift: c.giftName && c.giftStock !== null ? { name: c.giftName, stock: c.giftStock } : null,
      status: c.status,
      statusLabel: CAMPAIGN_STATUS_LABELS[c.status],
      ownerName: c.owner?.name ?? '',
      progress: await this.progress(c),
    };
  }

  private async householdLabels(ids: readonly string[]): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.households
        .createQueryBuilder('h')
        .innerJoin(Room, 'r', 'r.id = h.roomId')
        .select(['h.id AS id', 'r.label AS label'])
        .where('h.id IN (:...ids)', { ids: unique.slice(i, i + 500) })
        .getRawMany<{ id: string; label: string }>();
      for (const r of rows) labels.set(r.id, r.label);
    }
    return labels;
  }
}
