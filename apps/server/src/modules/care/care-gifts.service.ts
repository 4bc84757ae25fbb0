import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull } from 'typeorm';
import {
  CampaignRecipientDto,
  CampaignStatus,
  ErrorCode,
  GiftLineDto,
  GiftStatus,
  RecipientStatus,
} from '@linli/contracts';
import { giftNeedsProof, giftTransition } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { ClockService } from '../clock/clock.service';
import { HouseholdAccess } from '../households/household-access';
import { Building } from '../org/entities/building.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { CampaignQueries } from './campaign-queries.service';
import { CareCampaign } from './entities/care-campaign.entity';
import { CareRecipient } from './entities/care-recipient.entity';

/**
 * The assistant's gift and visit list (their buildings; a supervisor's: the community's), and the
 * hand-over of one gift: delivered (with a photo or the resident's signature), picked up at the office,
 * or declined.
 */
@Injectable()
export class CareGifts {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: HouseholdAccess,
    private readonly queries: CampaignQueries,
    private readonly clock: ClockService,
  ) {}

  /** Gifts and visits of campaigns that have gone out, in the caller's buildings, what is still to do first. */
  async list(user: AuthUser): Promise<GiftLineDto[]> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return [];
    const rows = await this.ds
      .getRepository(CareRecipient)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.campaign', 'c')
      .where('r.buildingId IN (:...buildingIds)', { buildingIds })
      .andWhere('r.status = :sent', { sent: RecipientStatus.Sent })
      .andWhere('c.status IN (:...live)', { live: [CampaignStatus.Sending, CampaignStatus.Sent] })
      .andWhere(
        new Brackets((w) =>
          w.where('r.giftStatus IS NOT NULL').orWhere(`c.channels LIKE '%"visit":true%'`),
        ),
      )
      .orderBy('c.occasionDate', 'DESC')
      .take(1000)
      .getMany();
    const dtos = await this.queries.recipientDtos(rows);
    const byId = new Map(rows.map((r) => [r.id, r.campaign!]));
    const rank = (d: CampaignRecipientDto) => (d.gift?.status === GiftStatus.Prepared ? 0 : 1);
    return dtos
      .map((d) => {
        const c = byId.get(d.id)!;
        return {
          ...d,
          campaignId: c.id,
          campaignTitle: c.title,
          giftName: c.giftName,
          visit: c.channels.visit,
        };
      })
      .sort((a, b) => rank(a) - rank(b));
  }

  async act(
    user: AuthUser,
    recipientId: string,
    action: Parameters<typeof giftTransition>[1],
    note: string | undefined,
    photoIds: readonly string[] | undefined,
  ): Promise<GiftLineDto> {
    const row = await this.ds
      .getRepository(CareRecipient)
      .findOne({ where: { id: recipientId }, relations: { campaign: true } });
    const building = row
      ? await this.ds.getRepository(Building).findOne({ where: { id: row.buildingId } })
      : null;
    if (!row || !building || !(await this.access.mayWorkIn(user, building)))
      throw new AppException(ErrorCode.CARE_RECIPIENT_NOT_FOUND);
    if (!row.giftStatus) throw new AppException(ErrorCode.GIFT_STATE, '该住户没有安排礼品');
    const to = giftTransition(row.giftStatus, action);
    if (!to) throw new AppException(ErrorCode.GIFT_STATE);
    const photos = [...new Set(photoIds ?? [])];
    if (giftNeedsProof(action) && photos.length === 0)
      throw new AppException(ErrorCode.GIFT_PROOF_REQUIRED);
    if (photos.length > 0) {
      const usable = await this.ds
        .getRepository(Attachment)
        .count({ where: { id: In(photos), ownerId: user.id, ticketId: IsNull() } });
      if (usable !== photos.length) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
    }
    const moved = await this.ds.getRepository(CareRecipient).update(
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
    const fresh = await this.ds
      .getRepository(CareRecipient)
      .findOneOrFail({ where: { id: row.id } });
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
