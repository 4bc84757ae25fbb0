import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, RefColumn, TextColumn } from '../../../database/columns';
import { Community } from './community.entity';

/** A building (栋), e.g. '1栋'. */
@Entity('building')
export class Building {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @ManyToOne(() => Community, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'FK_building_community' })
  community?: Community;
  @TextColumn(50) name!: string;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
}
