import { AudienceSpecDto, CampaignStatus, CareOccasion } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { User } from '../../org/entities/user.entity';

export interface CampaignChannels {
  card: boolean;
  wechat: boolean;
  visit: boolean;
}

/** A festival care campaign (docs/domain-rules.md §10): occasion, audience, greeting, channels, schedule, optional gift, owner. */
@Entity('care_campaign')
@Index('IDX_care_campaign_community', ['communityId', 'occasionDate'])
@Index('IDX_care_campaign_next_check', ['nextCheckAt'])
export class CareCampaign {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_care_campaign_community', 'CASCADE') community?: Community;
  @EnumColumn(CareOccasion) occasion!: CareOccasion;
  @TextColumn(40) title!: string;
  /** 'YYYY-MM-DD' (China calendar day). */
  @TextColumn(10) occasionDate!: string;
  @Column({ type: 'json' }) audience!: AudienceSpecDto;
  @TextColumn(500) greeting!: string;
  @TextColumn(500, { nullable: true }) imageUrl!: string | null;
  @Column({ type: 'json' }) channels!: CampaignChannels;
  @InstantColumn({ nullable: true }) sendAt!: Date | null;
  @TextColumn(40, { nullable: true }) giftName!: string | null;
  @Column({ type: 'int', nullable: true }) giftStock!: number | null;
  @EnumColumn(CampaignStatus) status!: CampaignStatus;
  @RefColumn({ nullable: true }) ownerId!: string | null;
  @RefersTo(() => User, 'FK_care_campaign_owner', 'SET NULL') owner?: User | null;
  /** Households targeted, fixed when the fan-out starts. */
  @Column({ type: 'int', default: 0 }) targeted!: number;
  /**
   * When the fan-out next looks at this campaign (null: nothing to do). An instance claims a round by
   * moving it forward under a compare-and-set, so two instances never work the same round.
   */
  @InstantColumn({ nullable: true }) nextCheckAt!: Date | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) finishedAt!: Date | null;
}
