import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, RefColumn, TextColumn } from '../../../database/columns';
import { Building } from './building.entity';

/** A room (房号) in a unit entrance (单元) of a building; `label` is how people say it: 1栋1单元101室. */
@Entity('room')
@Index('IDX_room_building_unit_number', ['buildingId', 'unit', 'number'], { unique: true })
export class Room {
  @IdColumn() id!: string;
  @RefColumn() buildingId!: string;
  @ManyToOne(() => Building, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'FK_room_building' })
  building?: Building;
  @TextColumn(20) unit!: string;
  @TextColumn(20) number!: string;
  @TextColumn(100) label!: string;
}
