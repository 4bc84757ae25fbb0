import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../../../database/columns';
import { Room } from './room.entity';

/** The household file of one room (住户档案). Members, documents and history hang off it. */
@Entity('household')
@Index('IDX_household_room', ['roomId'], { unique: true })
export class Household {
  @IdColumn() id!: string;
  @RefColumn() roomId!: string;
  @ManyToOne(() => Room, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'roomId', foreignKeyConstraintName: 'FK_household_room' })
  room?: Room;
  @InstantColumn() createdAt!: Date;
}
