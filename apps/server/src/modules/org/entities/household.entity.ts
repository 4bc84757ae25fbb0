import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Room } from './room.entity';

/** The household file of one room (住户档案). Members, documents and history hang off it. */
@Entity('household')
@Index('IDX_household_room', ['roomId'], { unique: true })
export class Household {
  @IdColumn() id!: string;
  @RefColumn() roomId!: string;
  @RefersTo(() => Room, 'FK_household_room', 'RESTRICT') room?: Room;
  @InstantColumn() createdAt!: Date;
}
