import type { SampledItem } from '@linli/domain';
import { Column, Entity, Index } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { User } from '../../org/entities/user.entity';

/** The month's callback sample of a community: the stored seed replays the draw; items say why each ticket was chosen. */
@Entity('callback_sample')
@Index('IDX_callback_sample_month', ['communityId', 'month'], { unique: true })
export class CallbackSample {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_callback_sample_community', 'CASCADE') community?: Community;
  /** 'YYYY-MM', China time. */
  @TextColumn(7) month!: string;
  /** 31-bit seed of the mulberry32 draw (packages/domain sampling.ts). */
  @Column({ type: 'int' }) seed!: number;
  /** How many complaints the draw was made from. */
  @Column({ type: 'int' }) candidates!: number;
  @Column({ type: 'json' }) items!: SampledItem[];
  @RefColumn({ nullable: true }) drawnById!: string | null;
  @RefersTo(() => User, 'FK_callback_sample_drawnBy', 'SET NULL') drawnBy?: User | null;
  @InstantColumn() drawnAt!: Date;
}
