import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Building } from '../org/entities/building.entity';
import { Community } from '../org/entities/community.entity';
import { Room } from '../org/entities/room.entity';
import { OrgModule } from '../org/org.module';
import { StructureAccess } from './structure-access';
import { StructureController } from './structure.controller';
import { StructureWrites } from './structure-writes';
import { AssistantAssignments } from './use-cases/assistant-assignments';
import { BuildingEdits } from './use-cases/building-edits';
import { RoomEdits } from './use-cases/room-edits';
import { StructureView } from './use-cases/structure-view';

/** Structure management (issue #4): buildings, unit entrances, rooms and the buildings' assistants. */
@Module({
  imports: [TypeOrmModule.forFeature([Community, Building, Room]), OrgModule],
  controllers: [StructureController],
  providers: [
    StructureAccess,
    StructureWrites,
    StructureView,
    BuildingEdits,
    RoomEdits,
    AssistantAssignments,
  ],
})
export class StructureModule {}
