import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../../../database/columns';
import { Building } from '../../org/entities/building.entity';
import { User } from '../../org/entities/user.entity';

/** An assistant on duty for a building from `startsAt` to `endsAt` (the rota of the 24 h lobby duty). */
@Entity('duty_shift')
@Index('IDX_duty_shift_building_time', ['buildingId', 'startsAt', 'endsAt'])
export class DutyShift {
  @IdColumn() id!: string;
  @RefColumn() buildingId!: string;
  @ManyToOne(() => Building, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'FK_duty_shift_building' })
  building?: Building;
  @RefColumn() assistantId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'assistantId', foreignKeyConstraintName: 'FK_duty_shift_assistant' })
  assistant?: User;
  @InstantColumn() startsAt!: Date;
  @InstantColumn() endsAt!: Date;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @InstantColumn() createdAt!: Date;
}
