import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Building } from '../../org/entities/building.entity';
import { User } from '../../org/entities/user.entity';

/** An assistant on duty for a building from `startsAt` to `endsAt` (the rota of the 24 h lobby duty). */
@Entity('duty_shift')
@Index('IDX_duty_shift_building_time', ['buildingId', 'startsAt', 'endsAt'])
export class DutyShift {
  @IdColumn() id!: string;
  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_duty_shift_building', 'CASCADE') building?: Building;
  @RefColumn() assistantId!: string;
  @RefersTo(() => User, 'FK_duty_shift_assistant', 'CASCADE') assistant?: User;
  @InstantColumn() startsAt!: Date;
  @InstantColumn() endsAt!: Date;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @InstantColumn() createdAt!: Date;
}
