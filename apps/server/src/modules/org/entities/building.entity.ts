import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, RefersTo, TextColumn } from '../../../database/columns';
import { Community } from './community.entity';

/** A building (栋), e.g. '1栋'. */
@Entity('building')
export class Building {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_building_community', 'RESTRICT') community?: Community;
  @TextColumn(50) name!: string;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
}
