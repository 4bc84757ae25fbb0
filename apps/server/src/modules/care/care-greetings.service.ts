import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  GIFT_STATUS_LABELS,
  GreetingCardDto,
  Page,
  RecipientStatus,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { AppException } from '../../common/errors/app-exception';
import { ClockService } from '../clock/clock.service';
import { Community } from '../org/entities/community.entity';
import { CareRecipient } from './entities/care-recipient.entity';

/** The resident's greeting cards: those sent to their active household; opening one is recorded once (greetings opened). */
@Injectable()
export class CareGreetings {
  constructor(
    @InjectRepository(CareRecipient) private readonly careRecipients: Repository<CareRecipient>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    private readonly clock: ClockService,
  ) {}

  async mine(user: AuthUser, page: PageRequest): Promise<Page<GreetingCardDto>> {
    if (!user.householdId) return emptyPage();
    // Campaigns sent without a card are dropped from the page read; the cursor follows the rows read (docs/paging.md).
    return findPage(
      this.careRecipients,
      { householdId: user.householdId, status: RecipientStatus.Sent },
      page,
      (rows) =>
        Promise.all(rows.filter((r) => r.campaign?.channels.card).map((r) => this.toDto(r))),
      { at: 'sentAt', relations: { campaign: true } },
    );
  }

  /** Opens one card of the caller's household; the first opening counts. Another household's card is not found. */
  async open(user: AuthUser, recipientId: string): Promise<GreetingCardDto> {
    const row = user.householdId
      ? await this.careRecipients.findOne({
          where: { id: recipientId, householdId: user.householdId, status: RecipientStatus.Sent },
          relations: { campaign: true },
        })
      : null;
    if (!row || !row.campaign?.channels.card)
      throw new AppException(ErrorCode.CARE_RECIPIENT_NOT_FOUND);
    if (!row.openedAt) {
      const now = this.clock.now();
      await this.careRecipients.update({ id: row.id, openedAt: IsNull() }, { openedAt: now });
      row.openedAt = now;
    }
    return this.toDto(row);
  }

  private async toDto(r: CareRecipient): Promise<GreetingCardDto> {
    const c = r.campaign!;
    const community = await this.communities.findOne({
      where: { id: c.communityId },
      select: { name: true },
    });
    return {
      recipientId: r.id,
      title: c.title,
      greeting: c.greeting,
      imageUrl: c.imageUrl,
      occasionDate: c.occasionDate,
      communityName: community?.name ?? '',
      gift:
        r.giftStatus && c.giftName
          ? {
              name: c.giftName,
              status: r.giftStatus,
              statusLabel: GIFT_STATUS_LABELS[r.giftStatus],
            }
          : null,
      openedAt: r.openedAt?.toISOString() ?? null,
    };
  }
}
