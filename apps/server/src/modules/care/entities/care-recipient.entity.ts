import { GiftStatus, RecipientStatus, SkipReason } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Building } from '../../org/entities/building.entity';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { CareCampaign } from './care-campaign.entity';

/** One targeted household of a campaign: whether its greeting went (or why not), when it was opened, its gift. */
@Entity('care_recipient')
@Index('UQ_care_recipient_household', ['campaignId', 'householdId'], { unique: true })
@Index('IDX_care_recipient_status', ['campaignId', 'status'])
@Index('IDX_care_recipient_building', ['buildingId', 'giftStatus'])
@Index('IDX_care_recipient_household', ['householdId'])
export class CareRecipient {
  @IdColumn() id!: string;
  @RefColumn() campaignId!: string;
  @RefersTo(() => CareCampaign, 'FK_care_recipient_campaign', 'CASCADE') campaign?: CareCampaign;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_care_recipient_household', 'CASCADE') household?: Household;
  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_care_recipient_building', 'CASCADE') building?: Building;
  @EnumColumn(RecipientStatus) status!: RecipientStatus;
  @EnumColumn(SkipReason, { nullable: true }) skipReason!: SkipReason | null;
  @InstantColumn({ nullable: true }) sentAt!: Date | null;
  @InstantColumn({ nullable: true }) openedAt!: Date | null;
  @EnumColumn(GiftStatus, { nullable: true }) giftStatus!: GiftStatus | null;
  @TextColumn(200, { nullable: true }) giftNote!: string | null;
  /** Photo of the hand-over or the resident's signature (uploads). */
  @Column({ type: 'json', nullable: true }) giftPhotoIds!: string[] | null;
  @InstantColumn({ nullable: true }) giftAt!: Date | null;
  @RefColumn({ nullable: true }) giftById!: string | null;
  @RefersTo(() => User, 'FK_care_recipient_gift_by', 'SET NULL') giftBy?: User | null;
}
