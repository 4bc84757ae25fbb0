import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyShift } from '../duty/entities/duty-shift.entity';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { UploadsModule } from '../uploads/uploads.module';
import { StaffProfile } from './entities/staff-profile.entity';
import { StaffProfilesController } from './staff-profiles.controller';
import { StaffProfiles } from './staff-profiles.service';

/** The assistant's card (issue #4): staff edit their own; residents see their building's. */
@Module({
  imports: [
    TypeOrmModule.forFeature([StaffProfile, Attachment, AssistantBuilding, DutyShift]),
    UploadsModule,
  ],
  controllers: [StaffProfilesController],
  providers: [StaffProfiles],
  exports: [StaffProfiles],
})
export class StaffProfilesModule {}
