import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, IsNull, Repository } from 'typeorm';
import {
  CampaignStatus,
  ErrorCode,
  GiftLineDto,
  GiftStatus,
  Page,
  RecipientStatus,
} from '@linli/contracts';
import { cutPage, giftNeedsProof, giftTransition } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { cursorCondition, emptyPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { HouseholdAccess } from '../households/household-access';
import { Building } from '../org/entities/building.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { CampaignQueries } from './campaign-queries.service';
import { CareCampaign } from './entities/care-campaign.entity';
import { CareRecipient } from './entities/care-recipient.entity';

/** A guard on the gifts still to hand over (one festival's gifts of a building are some 48). */
const PREPARED_LIMIT = 1000;

/**
 * The assistant's gift and visit list (their buildings; a supervisor's: the community's), and the
 * hand-over of one gift: delivered (with a photo or the resident's signature), picked up at the office,
 * or declined.
 */
@Injectable()
export class CareGifts {
  constructor(
    @InjectRepository(CareRecipient) private readonly careRecipients: Repository<CareRecipient>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    private readonly access: HouseholdAccess,
    private readonly queries: CampaignQueries,
    private readonly clock: ClockService,
  ) {}

  /**
   * Gifts and visits of campaigns that have gone out, in the caller's buildings. The gifts still to hand
   * over are the work in hand and come whole on the first page (by household); the rest (handed over,
   * picked up, declined, visits) grow with every festival and follow newest sent first by (sentAt, id), a
   * page at a time: a cursor continues them only (docs/paging.md).
   */
  async list(user: AuthUser, page: PageRequest): Promise<Page<GiftLineDto>> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return emptyPage();
    const lines = (prepared: boolean) => {
      const q = this.careRecipients
        .createQueryBuilder('r')
        .innerJoinAndSelect('r.campaign', 'c')
        .where('r.buildingId IN (:...buildingIds)', { buildingIds })
        .andWhere('r.status = :sent', { sent: RecipientStatus.Sent })
        .andWhere('c.status IN (:...live)', {
          live: [CampaignStatus.Sending, CampaignStatus.Sent],
        });
      if (prepared)
        return q.andWhere('r.giftStatus = :prepared', { prepared: GiftStatus.Prepared });
      return q.andWhere(
        new Brackets((w) =>
          w
            .where('r.giftStatus IS NOT NULL AND r.giftStatus <> :prepared', {
              prepared: GiftStatus.Prepared,
            })
            .orWhere(
              new Brackets((v) =>
                v.where('r.giftStatus IS NULL').andWhere(`c.channels LIKE '%"visit":true%'`),
              ),
            ),
        ),
      );
    };
    const rest = lines(false);
    if (page.cursor) rest.andWhere(...cursorCondition('r', page.cursor, 'sentAt'));
    const restRows = await rest
      .orderBy('r.sentAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(page.limit + 1)
      .getMany();
    const cut = cutPage(restRows, page.limit, (r) => ({ at: r.sentAt!, id: r.id }));
    const open = page.cursor
      ? []
      : await lines(true).orderBy('r.id', 'ASC').take(PREPARED_LIMIT).getMany();
    const openDtos = await this.toLines(open);
    // The rest keep the page's order (newest sent first), not the household order the DTOs come in.
    const restDtos = await this.toLines(cut.items);
    const position = new Map(cut.items.map((r, i) => [r.id, i]));
    restDtos.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    return { items: [...openDtos, ...restDtos], nextCursor: cut.nextCursor };
  }

  private async toLines(rows: CareRecipient[]): Promise<GiftLineDto[]> {
    const dtos = await this.queries.recipientDtos(rows);
    const byId = new Map(rows.map((r) => [r.id, r.campaign!]));
    return dtos.map((d) => {
      const c = byId.get(d.id)!;
      return {
        ...d,
        campaignId: c.id,
        campaignTitle: c.title,
        giftName: c.giftName,
        visit: c.channels.visit,
      };
    });
  }

  async act(
    user: AuthUser,
    recipientId: string,
    action: Parameters<typeof giftTransition>[1],
    note: string | undefined,
    photoIds: readonly string[] | undefined,
  ): Promise<GiftLineDto> {
    const row = await this.careRecipients.findOne({
      where: { id: recipientId },
      relations: { campaign: true },
    });
    const building = row ? await this.buildings.findOne({ where: { id: row.buildingId } }) : null;
    if (!row || !building || !(await this.access.mayWorkIn(user, building)))
      throw new AppException(ErrorCode.CARE_RECIPIENT_NOT_FOUND);
    if (!row.giftStatus) throw new AppException(ErrorCode.GIFT_STATE, '该住户没有安排礼品');
    const to = giftTransition(row.giftStatus, action);
    if (!to) throw new AppException(ErrorCode.GIFT_STATE);
    const photos = [...new Set(photoIds ?? [])];
    if (giftNeedsProof(action) && photos.length === 0)
      throw new AppException(ErrorCode.GIFT_PROOF_REQUIRED);
    if (photos.length > 0) {
      const usable = await this.attachments.count({
        where: { id: In(photos), ownerId: user.id, ticketId: IsNull() },
      });
      if (usable !== photos.length) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
    }
    const moved = await this.careRecipients.update(
      { id: row.id, giftStatus: row.giftStatus },
      {
        giftStatus: to,
        giftNote: note?.trim() || null,
        giftPhotoIds: photos.length ? photos : null,
        giftAt: this.clock.now(),
        giftById: user.id,
      },
    );
    if (moved.affected !== 1) throw new AppException(ErrorCode.GIFT_STATE);
    const fresh = await this.careRecipients.findOneOrFail({ where: { id: row.id } });
    const [dto] = await this.queries.recipientDtos([fresh]);
    const c: CareCampaign = row.campaign!;
    return {
      ...dto,
      campaignId: c.id,
      campaignTitle: c.title,
      giftName: c.giftName,
      visit: c.channels.visit,
    };
  }
}
