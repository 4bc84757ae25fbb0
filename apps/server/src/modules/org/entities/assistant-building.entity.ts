import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Building } from './building.entity';
import { User } from './user.entity';

/** A concierge assistant (礼宾助理) serves the households of this building. */
@Entity('assistant_building')
export class AssistantBuilding {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) buildingId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_assistant_building_user' })
  user?: User;
  @ManyToOne(() => Building, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'FK_assistant_building_building' })
  building?: Building;
}
