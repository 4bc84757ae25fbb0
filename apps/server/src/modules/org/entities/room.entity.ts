import { Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, RefersTo, TextColumn } from '../../../database/columns';
import { Building } from './building.entity';

/** A room (房号) in a unit entrance (单元) of a building; `label` is how people say it: 1栋1单元101室. */
@Entity('room')
@Index('IDX_room_building_unit_number', ['buildingId', 'unit', 'number'], { unique: true })
export class Room {
  @IdColumn() id!: string;
  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_room_building', 'RESTRICT') building?: Building;
  @TextColumn(20) unit!: string;
  @TextColumn(20) number!: string;
  @TextColumn(100) label!: string;
}
