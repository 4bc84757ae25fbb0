import { Entity, PrimaryColumn } from 'typeorm';
import { RefersTo } from '../../../database/columns';
import { Building } from './building.entity';
import { User } from './user.entity';

/** A concierge assistant (礼宾助理) serves the households of this building. */
@Entity('assistant_building')
export class AssistantBuilding {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) buildingId!: string;
  @RefersTo(() => User, 'FK_assistant_building_user', 'CASCADE') user?: User;
  @RefersTo(() => Building, 'FK_assistant_building_building', 'CASCADE') building?: Building;
}
